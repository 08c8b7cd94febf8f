// i18n: one language ready for rendering: compiled messages, catalogue texts
// and ICU facts, each with the fallback chain (de-AT -> de -> en) applied.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/locale_info.hpp"
#include "i18n/message_format.hpp"
#include "load/catalogue.hpp"
#include "load/locale_file.hpp"

namespace versa {

/// The locale whose message keys every other locale mirrors.
inline constexpr std::string_view kBaseLocale = "en";

/// A locale's compiled messages, before fallback.
struct CompiledMessages {
  std::string tag;
  std::map<std::string, std::unique_ptr<Message>, std::less<>> messages;
};

/// Compiles every pattern of `file`; syntax errors are reported with their
/// location in the file.
CompiledMessages compile_messages(const LocaleFile& file, Diagnostics& diags);

class Localization {
 public:
  Localization(LocaleInfo info, std::vector<const CompiledMessages*> message_chain,
               std::vector<const LocaleFile*> text_chain);

  [[nodiscard]] const LocaleInfo& info() const { return info_; }
  [[nodiscard]] const std::string& tag() const { return info_.tag; }

  /// The message for `key`, from the first locale of the chain that has it.
  /// Validation guarantees every key the generator uses exists in the base locale.
  [[nodiscard]] const Message& message(std::string_view key) const;

  /// A catalogue text of `protocol` ("codes/211/name"), falling back along the
  /// chain and finally to the catalogue's own English text.
  [[nodiscard]] const std::string& text(const Protocol& protocol, std::string_view key) const;

  /// The language message(key) is written in: this locale's, or a fallback's.
  [[nodiscard]] const LocaleInfo& message_language(std::string_view key) const;
  /// The language text(protocol, key) is written in (the catalogue's is English).
  [[nodiscard]] const LocaleInfo& text_language(const Protocol& protocol,
                                                std::string_view key) const;
  /// Whether text in `language` is foreign on this locale's pages: another
  /// language, shown because a translation is missing ("de" on "de-AT" is not).
  [[nodiscard]] bool is_foreign(const LocaleInfo& language) const;
  /// Whether any label (a message without arguments) is foreign.
  [[nodiscard]] bool has_foreign_labels() const { return foreign_labels_; }

  /// Formats message(key) as HTML into `out`; a foreign message is wrapped in
  /// an element carrying its own lang and dir, so it is read and laid out in
  /// its language. Returns whether it was foreign.
  bool append_html(std::string& out, std::string_view key, std::span<const MessageArg> args) const;
  /// The catalogue text as HTML: escaped, Latin runs isolated on
  /// right-to-left pages, and wrapped like append_html() when foreign.
  [[nodiscard]] std::string text_html(const Protocol& protocol, std::string_view key) const;

  /// Every message without arguments, as plain text: labels templates may use.
  [[nodiscard]] const nlohmann::json& labels() const { return labels_; }

 private:
  LocaleInfo info_;
  std::vector<const CompiledMessages*> message_chain_;
  std::vector<const LocaleFile*> text_chain_;
  std::vector<LocaleInfo> chain_info_;  ///< per locale of the chain; last: English
  nlohmann::json labels_ = nlohmann::json::object();
  bool foreign_labels_ = false;
};

/// The catalogue's English text for a locale text key, or nullptr.
const std::string* catalogue_text(const Protocol& protocol, std::string_view key);

/// Every catalogue text key a locale may translate for `protocol`.
std::vector<std::string> catalogue_text_keys(const Protocol& protocol);

}  // namespace versa
