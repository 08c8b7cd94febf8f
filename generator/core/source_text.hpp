// Reading input files and mapping byte offsets to line:column positions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace versa {

/// The bytes of one input file with its path, able to turn offsets into locations.
class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& text() const { return text_; }

  /// Location of a byte offset; the column counts code points, not bytes.
  [[nodiscard]] Location locate(std::size_t offset) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

/// Input files (catalogue, locales, templates, config) may be this large: a
/// catalogue of 1,000 codes is about 1 MiB.
inline constexpr std::size_t kMaxSourceBytes = std::size_t{32} << 20;

/// Reads a whole input file through read_input_file (core/input_file.hpp):
/// only a regular file of at most kMaxSourceBytes, checked before it is read.
/// Returns nothing and reports a located error when it cannot. Throws only
/// std::bad_alloc.
std::optional<SourceText> read_source(std::string_view path, Diagnostics& diags);

/// Offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Reports invalid UTF-8 with its location; true when the text is valid.
bool check_utf8(const SourceText& source, Diagnostics& diags);

}  // namespace versa
