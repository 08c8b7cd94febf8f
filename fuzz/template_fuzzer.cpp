// Fuzz target: the Mustache parser and renderer. The input is up to four
// templates separated by form feeds: "main", then the partials "a", "b", "c",
// so that partials, parents and blocks can refer to one another. Each is also
// rendered with constants written in, which must print the same.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mustache/template.hpp"

namespace {

const versa::mustache::Data& data() {
  static const versa::mustache::Data d = versa::mustache::Data::parse(R"({
    "a": {"b": {"c": "<deep & \"quoted\">"}}, "s": "text", "e": "", "n": null,
    "t": true, "f": false, "num": 3.5, "int": 7, "list": [1, "two", {"s": "three"}, []],
    "empty": [], "obj": {"list": [{"a": 1}, {"a": 2}]},
    "k": {"x": "<k & 'v'>", "num": 5, "yes": true, "nl": "a\nb", "o": {"x": "deep"}}
  })");
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(bytes), size);
  static constexpr std::array<const char*, 4> kNames = {"main", "a", "b", "c"};
  versa::Diagnostics diags;
  versa::mustache::TemplateSet set;
  for (const char* name : kNames) {
    const auto cut = input.find('\f');
    set.add(name, versa::SourceText(std::string(name) + ".html", std::string(input.substr(0, cut))),
            diags);
    if (cut == std::string_view::npos) break;
    input.remove_prefix(cut + 1);
  }
  set.check_references(diags);
  if (set.find("main") != nullptr) {
    const versa::mustache::Data top = {{"s", "top"}};
    // A named frame, as pages use them: {{n.b.c}} and {{#n}} reach it.
    const versa::mustache::Frame frames[] = {{&data()}, {&data()["a"], "n"}, {&top}};
    // Rendered as written, then with the constants of `k` written in (as
    // pages get their labels): what both print must be the same.
    const auto render = [&](const versa::mustache::TemplateSet& templates, std::string& out) {
      try {
        templates.render(*templates.find("main"), std::span<const versa::mustache::Frame>(frames),
                         out);
        return true;
      } catch (const versa::mustache::RenderError&) {
        // A located error (recursion or output limits) is an expected outcome.
        return false;
      }
    };
    std::string looked_up;
    std::string written_in;
    // Joined text takes fewer steps, so only renders that both finish compare.
    if (render(set, looked_up) && render(set.with_constant("k", data()["k"]), written_in) &&
        looked_up != written_in) {
      std::abort();
    }
  }
  return 0;
}
