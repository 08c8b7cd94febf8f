#include "core/html.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace versa {

namespace {

// Which bytes need an entity: a table beats a switch in the scanning loop.
constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
  return t;
}();

}  // namespace

// True when any byte of `w` is one of & < > " ' (SWAR: eight bytes at once).
inline bool has_special(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
  return (zero_byte(w ^ (ones * '&')) | zero_byte(w ^ (ones * '<')) | zero_byte(w ^ (ones * '>')) |
          zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\''))) != 0;
}

void append_html_escaped(std::string& out, std::string_view text) {
  // Copy runs without special characters in one go: most text has none.
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (!has_special(w)) {
        i += 8;
        continue;
      }
    }
    if (!kSpecial[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
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
    start = ++i;
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
