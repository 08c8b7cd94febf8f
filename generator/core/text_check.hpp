// Text a page cannot show safely: control characters, noncharacters and
// unbalanced bidi controls, found in decoded strings and located in JSON source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace versa {

/// One refused character: its byte offset in the scanned text and what to do.
struct TextProblem {
  std::size_t offset = 0;
  std::string message;  ///< names the character (U+XXXX NAME) and says how to fix it
};

/// Every problem in `text` (valid UTF-8), in order of offset: C0 controls
/// except tab and newline, U+007F, C1 controls, noncharacters (U+FDD0..U+FDEF,
/// U+xFFFE, U+xFFFF), and bidi embeddings, overrides and isolates that are not
/// closed, properly nested, before the end of the text, or that close nothing.
/// LRM, RLM and ALM are allowed. Empty when the text is safe.
std::vector<TextProblem> find_unsafe_text(std::string_view text);

/// "U+202E RIGHT-TO-LEFT OVERRIDE" for the characters find_unsafe_text names
/// and U+0020 and U+000A; others as "U+XXXX".
std::string describe_code_point(char32_t c);

/// The code point starting at byte `i` of valid UTF-8 `text`; moves `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i);

/// Maps a byte offset in a decoded JSON string to the byte offset in its
/// source token (which starts at the opening quote) where that character is
/// written: an escape such as \u0000 maps to its backslash. `token` may run
/// past the closing quote.
std::size_t json_source_offset(std::string_view token, std::size_t decoded_offset);

}  // namespace versa
