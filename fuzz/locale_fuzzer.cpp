// Fuzz target: loading a locale file (JSON with locations, the locale schema),
// compiling and formatting each MessageFormat pattern, then validating it as
// Arabic beside the shipped English and SMTP catalogue, and rendering a few
// pages with it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/shipped_inputs.hpp"

namespace {

// Formats `m` with every argument it names set to `value`.
void format_all(const versa::Message& m, std::variant<std::string_view, std::int64_t> value) {
  std::vector<versa::MessageArg> args;
  for (const std::string& name : m.arguments()) args.push_back({name, value});
  (void)m.text(args);
  (void)m.html(args);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  versa::Diagnostics diags;
  auto doc = versa::JsonDocument::parse(
      versa::SourceText("locales/ar.json", std::string(reinterpret_cast<const char*>(bytes), size)),
      diags);
  if (!doc) return 0;
  auto file = versa::read_locale("ar", std::move(*doc), diags);
  if (!file) return 0;
  const versa::CompiledMessages compiled = versa::compile_messages(*file, diags);
  for (const auto& [key, message] : compiled.messages) {
    format_all(*message, std::int64_t{2});
    format_all(*message, std::string_view("<b>x</b>"));
  }
  versa::Inputs inputs = versa::fuzz::shipped_inputs(true, true);
  inputs.locales.push_back(std::move(*file));
  inputs.site.default_locale = "ar";
  const auto project = versa::validate(std::move(inputs), diags);
  if (project) versa::fuzz::render_some_pages(*project);
  return 0;
}
