// load: locales/<tag>.json -> one language's messages and catalogue texts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_document.hpp"

namespace versa {

/// A value starting with this marker is a placeholder `versa new-locale`
/// wrote: it counts as not translated (English is used and it is reported).
inline constexpr std::string_view kUntranslatedMarker = "[untranslated] ";

struct LocaleFile {
  std::string tag;  ///< BCP 47 tag, from the file name
  /// The language's name as its menu shows it ("Bahasa Indonesia"); empty
  /// when the file leaves it to ICU.
  std::string language_name;
  std::map<std::string, std::string> messages;  ///< key -> MessageFormat pattern
  /// protocol id -> text key -> text. Keys: "title", "classes/2/name", "codes/211/when".
  std::map<std::string, std::map<std::string, std::string>> catalogue;
  JsonDocument document;

  /// JSON pointer of a message, for diagnostics.
  [[nodiscard]] static std::string message_pointer(const std::string& key) {
    return pointer_join("/messages", key);
  }
  /// JSON pointer of a catalogue text, for diagnostics.
  [[nodiscard]] static std::string text_pointer(const std::string& protocol,
                                                const std::string& key) {
    return pointer_join("/catalogue", protocol) + "/" + key;
  }
};

/// Loads one locale file; the tag is the file name without ".json".
std::optional<LocaleFile> load_locale(const std::string& path, Diagnostics& diags);

/// The same from a parsed document, with the tag given.
std::optional<LocaleFile> read_locale(std::string tag, JsonDocument document, Diagnostics& diags);

}  // namespace versa
