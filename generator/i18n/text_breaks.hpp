// Locale-aware text measures and lists (ICU BreakIterator, ListFormatter).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace versa {

/// The number of user-perceived characters (extended grapheme clusters) in
/// `text`: what a reader counts, and what search engines' length limits
/// roughly follow. "é" written as e + U+0301 is one; so is "ế" in Vietnamese.
std::size_t grapheme_count(std::string_view text);

/// `items` as one list in the language of `locale_tag`: "A and B",
/// "A, B und C", "A ve B", "أ و ب". Empty for no items.
std::string format_list(std::span<const std::string> items, std::string_view locale_tag);

}  // namespace versa
