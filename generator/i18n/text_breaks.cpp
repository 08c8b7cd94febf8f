#include "i18n/text_breaks.hpp"

#include <algorithm>

#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include <map>
#include <memory>

namespace versa {

namespace {

// Creating a BreakIterator loads rules (tens of microseconds), so each thread
// keeps one per locale and kind and re-targets it at new text.
icu::BreakIterator* iterator_for(bool sentences, std::string_view tag,
                                 const icu::UnicodeString& text) {
  thread_local std::map<std::pair<bool, std::string>, std::unique_ptr<icu::BreakIterator>> cache;
  auto& slot = cache[{sentences, std::string(tag)}];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale loc = icu::Locale::forLanguageTag(
        icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
    status = U_ZERO_ERROR;
    slot.reset(sentences ? icu::BreakIterator::createSentenceInstance(loc, status)
                         : icu::BreakIterator::createWordInstance(loc, status));
    if (U_FAILURE(status)) slot.reset();
    if (!slot) return nullptr;
  }
  slot->setText(text);
  return slot.get();
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

std::string first_sentence(std::string_view text, std::string_view locale_tag) {
  const auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::BreakIterator* it = iterator_for(true, locale_tag, u);
  if (!it) return std::string(text);
  it->first();
  const int32_t end = it->next();
  if (end == icu::BreakIterator::DONE) return std::string(text);
  icu::UnicodeString first = u.tempSubString(0, end);
  first.trim();
  return utf8(first);
}

std::string truncate_at_word(std::string_view text, std::size_t max_chars,
                             std::string_view locale_tag) {
  // Most texts fit: count code points (bytes that do not continue one)
  // before converting anything.
  const auto points = static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
  if (points <= max_chars) return std::string(text);
  const auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (static_cast<std::size_t>(u.countChar32()) <= max_chars) return std::string(text);
  // Leave room for the ellipsis.
  const int32_t limit = u.moveIndex32(0, static_cast<int32_t>(max_chars) - 1);
  icu::BreakIterator* it = iterator_for(false, locale_tag, u);
  int32_t cut = it ? it->preceding(limit + 1) : limit;
  if (cut <= 0 || cut == icu::BreakIterator::DONE) cut = limit;
  icu::UnicodeString head = u.tempSubString(0, cut);
  // Drop trailing spaces and punctuation left dangling by the cut.
  while (head.length() > 0) {
    const UChar32 last = head.char32At(head.length() - 1);
    if (!u_isspace(last) && !u_ispunct(last)) break;
    head.truncate(head.length() - U16_LENGTH(last));
  }
  head.append(static_cast<UChar32>(0x2026));
  return utf8(head);
}

}  // namespace versa
