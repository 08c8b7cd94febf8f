#include "core/html.hpp"

#include <array>

namespace versa {

namespace {

// Which bytes need an entity: a table beats a switch in the scanning loop.
constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
  return t;
}();

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  // Copy runs without special characters in one go: most text has none.
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!kSpecial[static_cast<unsigned char>(text[i])]) continue;
    out.append(text.data() + start, i - start);
    switch (text[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += "&#39;";
        break;
    }
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html_escaped(out, text);
  return out;
}

}  // namespace versa
