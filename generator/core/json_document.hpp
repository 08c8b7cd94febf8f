// A parsed JSON file that remembers where each value sits in the source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/source_text.hpp"

namespace versa {

/// Objects and arrays may nest this deep in an input file; deeper is an error.
inline constexpr int kMaxJsonNesting = 64;

/// JSON value plus the source location of every value, keyed by JSON pointer
/// ("/codes/3/slug"). Lets later stages report `path:line:col` for semantic errors.
class JsonDocument {
 public:
  [[nodiscard]] const nlohmann::json& value() const { return value_; }
  /// Frees the parsed value once a loader has copied out what it needs;
  /// locations stay available for diagnostics.
  void release_value() { value_ = nullptr; }
  [[nodiscard]] const std::string& path() const { return source_.path(); }

  /// Location of the value at `pointer`, or of its nearest ancestor that has one.
  [[nodiscard]] Location locate(std::string_view pointer) const;

  /// Location of the character at byte `offset` of the decoded string value
  /// at `pointer`, exact even after escapes (an escape is located at its
  /// backslash).
  [[nodiscard]] Location locate_in_string(std::string_view pointer, std::size_t offset) const;

  /// Parses `source`. Malformed JSON, invalid UTF-8 and duplicate keys are
  /// reported with their location.
  static std::optional<JsonDocument> parse(SourceText source, Diagnostics& diags);

  /// Reads and parses the file at `path`; problems are reported.
  static std::optional<JsonDocument> load(const std::string& path, Diagnostics& diags);

 private:
  SourceText source_;
  nlohmann::json value_;
  std::unordered_map<std::string, std::size_t> offsets_;  // pointer -> byte offset
};

/// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer_join(std::string_view pointer, std::string_view token);

}  // namespace versa
