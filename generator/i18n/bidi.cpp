#include "i18n/bidi.hpp"

#include "core/html.hpp"

namespace versa {

namespace {

bool latin(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Characters that may join two Latin words into one run: "MAIL FROM",
// "4.7.0", "user@example.com", "CRAM-MD5", "RFC 5321".
bool joiner(char c) {
  return c == ' ' || c == '.' || c == '-' || c == '@' || c == '/' || c == ':' || c == '_';
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
    // Extend the run over joiners only when more Latin follows them.
    std::size_t end = i;
    std::size_t j = i;
    while (j < text.size() && (latin(text[j]) || joiner(text[j]))) {
      if (latin(text[j])) end = j + 1;
      ++j;
    }
    out += "<bdi>";
    append_html_escaped(out, text.substr(i, end - i));
    out += "</bdi>";
    i = end;
  }
  return out;
}

}  // namespace versa
