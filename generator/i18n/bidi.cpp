#include "i18n/bidi.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/html.hpp"

namespace versa {

namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";

bool latin(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// ASCII spaces and punctuation join Latin words into one token when more
// Latin follows: "MAIL FROM", "BODY=8BITMIME", "a.b@c.d", "CRAM-MD5".
bool joiner(char c) {
  return c == ' ' || (c > ' ' && c < 0x7f && !latin(c));
}

}  // namespace

std::string html_isolating_latin(std::string_view text, bool rtl) {
  if (!rtl) return html_escape(text);
  std::string out;
  out.reserve(text.size() + 64);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!latin(text[i])) {
      const std::size_t start = i;
      while (i < text.size() && !latin(text[i])) ++i;
      append_html_escaped(out, text.substr(start, i - start));
      continue;
    }
    // Extend the run over joiners (a no-break space too: "RFC\u00A05321")
    // only when more Latin follows them.
    std::size_t end = i;
    std::size_t j = i;
    while (j < text.size()) {
      if (latin(text[j])) {
        end = ++j;
      } else if (joiner(text[j])) {
        ++j;
      } else if (text.substr(j).starts_with(kNoBreakSpace)) {
        j += kNoBreakSpace.size();
      } else {
        break;
      }
    }
    out += "<bdi>";
    append_html_escaped(out, text.substr(i, end - i));
    out += "</bdi>";
    i = end;
  }
  return out;
}

void start_right_to_left(std::string& text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) break;
    const UCharDirection d = u_charDirection(c);
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return;
    if (d == U_LEFT_TO_RIGHT) break;
  }
  text.insert(0, "\u200F");
}

}  // namespace versa
