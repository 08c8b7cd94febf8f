// What ICU knows about a locale tag: validity, its own name, text direction.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace versa {

struct LocaleInfo {
  std::string tag;          ///< BCP 47 tag as used in URLs and hreflang ("pt-BR")
  std::string native_name;  ///< the language's name in itself, capitalized for a menu
  bool rtl = false;         ///< written right to left
  std::string og_locale;    ///< Open Graph form, language_TERRITORY ("vi_VN"), likely region added

  [[nodiscard]] const char* dir() const { return rtl ? "rtl" : "ltr"; }
};

/// Describes `tag` when it is well-formed BCP 47 and ICU knows its language;
/// otherwise returns nothing and sets `why` to a sentence for the user.
std::optional<LocaleInfo> describe_locale(std::string_view tag, std::string& why);

/// The sort keys of `texts` in the collation of `tag`, from one collator.
std::vector<std::string> collation_keys(std::span<const std::string> texts, std::string_view tag);

/// The tags to try for a string, most specific first, ending with `base`:
/// "de-AT" -> {"de-AT", "de", "en"}.
std::vector<std::string> fallback_chain(std::string_view tag, std::string_view base);

}  // namespace versa
