#include "i18n/locale_info.hpp"

#include <unicode/coll.h>
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>

namespace versa {

namespace {

bool icu_knows_language(const icu::Locale& loc) {
  int32_t count = 0;
  const icu::Locale* available = icu::Locale::getAvailableLocales(count);
  const std::string_view lang = loc.getLanguage();
  return std::any_of(available, available + count,
                     [&](const icu::Locale& l) { return lang == l.getLanguage(); });
}

}  // namespace

std::optional<LocaleInfo> describe_locale(std::string_view tag, std::string& why) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc = icu::Locale::forLanguageTag(
      icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
  if (U_FAILURE(status) || loc.isBogus() || std::string_view(loc.getLanguage()).empty()) {
    why = std::string("'").append(tag).append(
        "' is not a valid BCP 47 language tag (examples: de, pt-BR, zh-Hant)");
    if (tag.find('_') != std::string_view::npos) {
      std::string dashed(tag);
      std::replace(dashed.begin(), dashed.end(), '_', '-');
      why += "; BCP 47 uses '-', as in '" + dashed + "'";
    }
    return std::nullopt;
  }
  // Round-trip to catch tags ICU silently rewrites, such as "en_US" or "EN".
  status = U_ZERO_ERROR;
  const std::string canonical = loc.toLanguageTag<std::string>(status);
  if (U_FAILURE(status) || canonical != tag) {
    why = std::string("'").append(tag).append("' is not a canonical BCP 47 tag");
    if (U_SUCCESS(status)) why.append("; name the file '").append(canonical).append(".json'");
    return std::nullopt;
  }
  if (!icu_knows_language(loc)) {
    why = std::string("ICU has no data for language '")
              .append(loc.getLanguage())
              .append("'; use a language tag ICU supports");
    return std::nullopt;
  }
  LocaleInfo info;
  info.tag = std::string(tag);
  info.rtl = loc.isRightToLeft();
  UDisplayContext contexts[] = {UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU,
                                UDISPCTX_DIALECT_NAMES};
  std::unique_ptr<icu::LocaleDisplayNames> names(
      icu::LocaleDisplayNames::createInstance(loc, contexts, 2));
  icu::UnicodeString name;
  names->localeDisplayName(loc, name);
  name.toUTF8String(info.native_name);
  icu::Locale likely = loc;
  status = U_ZERO_ERROR;
  likely.addLikelySubtags(status);
  info.og_locale = likely.getLanguage();
  if (U_SUCCESS(status) && *likely.getCountry() != '\0') {
    info.og_locale.append("_").append(likely.getCountry());
  }
  return info;
}

std::vector<std::string> collation_keys(std::span<const std::string> texts, std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc = icu::Locale::forLanguageTag(
      icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(loc, status));
  std::vector<std::string> keys;
  keys.reserve(texts.size());
  for (const std::string& text : texts) {
    if (U_FAILURE(status)) {
      keys.push_back(text);
      continue;
    }
    const auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const int32_t size = collator->getSortKey(u, nullptr, 0);
    std::string key(static_cast<std::size_t>(size), '\0');
    collator->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), size);
    keys.push_back(std::move(key));
  }
  return keys;
}

std::vector<std::string> fallback_chain(std::string_view tag, std::string_view base) {
  std::vector<std::string> chain{std::string(tag)};
  std::string current(tag);
  while (true) {
    const auto dash = current.rfind('-');
    if (dash == std::string::npos) break;
    current.erase(dash);
    // A lone single-letter subtag ("x" of a private use) is not a locale.
    if (current.size() > 1 && current.back() != '-') chain.push_back(current);
  }
  if (std::find(chain.begin(), chain.end(), base) == chain.end()) chain.emplace_back(base);
  return chain;
}

}  // namespace versa
