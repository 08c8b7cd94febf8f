#include "core/html.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace versa {

namespace {

// Length of the prefix of `text` that needs no entity. Scans 16 bytes per
// step with SSE2 (every x86-64 CPU has it), else eight with SWAR.
std::size_t plain_prefix(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
  const __m128i quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
  const auto special = [&](__m128i v) {
    return _mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot)),
                                  _mm_cmpeq_epi8(v, apos))));
  };
  for (; i + 16 <= text.size(); i += 16) {
    if (const int mask =
            special(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i))))
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  // The last 1..15 bytes, copied so no load reads past the text: most
  // values (links, labels) are shorter than 16 bytes.
  if (i < text.size()) {
    alignas(16) char tail[16] = {};
    std::memcpy(tail, text.data() + i, text.size() - i);
    const int mask = special(_mm_load_si128(reinterpret_cast<const __m128i*>(tail)));
    return mask ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : text.size();
  }
  return i;
#else
  // Which bytes need an entity: a table beats a switch in the scanning loop.
  static constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
    return t;
  }();
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    if ((zero_byte(w ^ (ones * '&')) | zero_byte(w ^ (ones * '<')) | zero_byte(w ^ (ones * '>')) |
         zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\''))) != 0) {
      break;
    }
  }
  while (i < text.size() && !kSpecial[static_cast<unsigned char>(text[i])]) ++i;
  return i;
#endif
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  // Copy runs without special characters in one go: most text has none.
  while (true) {
    const std::size_t run = plain_prefix(text);
    out.append(text.data(), run);
    if (run == text.size()) return;
    switch (text[run]) {
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
    text.remove_prefix(run + 1);
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html_escaped(out, text);
  return out;
}

void append_script_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      out.append("\\u00").append(1, kHex[c >> 4]).append(1, kHex[c & 15]);
    } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

}  // namespace versa
