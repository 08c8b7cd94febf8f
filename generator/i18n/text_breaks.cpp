#include "i18n/text_breaks.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>

namespace versa {

namespace {

icu::UnicodeString unicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

icu::Locale locale_of(std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())),
                                     status);
}

}  // namespace

std::size_t grapheme_count(std::string_view text) {
  // ASCII without a carriage return: one cluster per byte, no ICU needed
  // (most titles of most languages).
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\r'; }))
    return text.size();
  // Creating a BreakIterator loads rules, so each thread keeps one; grapheme
  // clusters do not depend on the language.
  thread_local std::unique_ptr<icu::BreakIterator> characters = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  const icu::UnicodeString u = unicode(text);
  if (!characters) return static_cast<std::size_t>(u.countChar32());
  characters->setText(u);
  std::size_t count = 0;
  characters->first();
  while (characters->next() != icu::BreakIterator::DONE) ++count;
  return count;
}

std::string format_list(std::span<const std::string> items, std::string_view locale_tag) {
  std::vector<icu::UnicodeString> u;
  for (const std::string& item : items) u.push_back(unicode(item));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> f(
      icu::ListFormatter::createInstance(locale_of(locale_tag), status));
  icu::UnicodeString joined;
  if (U_SUCCESS(status) && f) {
    f->format(u.data(), static_cast<int32_t>(u.size()), joined, status);
  }
  if (!f || U_FAILURE(status)) {
    joined.remove();
    for (std::size_t i = 0; i < u.size(); ++i) joined.append(i ? ", " : "").append(u[i]);
  }
  std::string out;
  joined.toUTF8String(out);
  return out;
}

}  // namespace versa
