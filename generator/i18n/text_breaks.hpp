// Locale-aware text segmentation (ICU BreakIterator).
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// The first sentence of `text` by the locale's sentence rules, without
/// trailing spaces; the whole text when it is one sentence.
std::string first_sentence(std::string_view text, std::string_view locale_tag);

/// `text` cut to at most `max_chars` code points at a word boundary of the
/// locale, with "…" appended when cut.
std::string truncate_at_word(std::string_view text, std::size_t max_chars,
                             std::string_view locale_tag);

}  // namespace versa
