#include "i18n/typography.hpp"

#include "core/ascii.hpp"

namespace versa {

std::string join_rfc_numbers(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // "RFC 5321": the space becomes U+00A0 when a digit follows it and "RFC"
    // is a whole word.
    const bool word_start = i == 0 || !ascii::is_alnum(text[i - 1]);
    if (word_start && text.substr(i).starts_with("RFC ") && i + 4 < text.size() &&
        ascii::is_digit(text[i + 4])) {
      out += "RFC\u00A0";
      i += 3;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace versa
