// write: the manifest, versa's record of the files it wrote into an output
// folder, and the journal of a build that has not finished yet.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "write/file_ops.hpp"

namespace versa {

/// One file versa wrote.
struct ManifestEntry {
  std::uint64_t hash = 0;  ///< content_hash() of its bytes
  std::uint64_t size = 0;
  std::int64_t mtime = 0;  ///< nanoseconds; 0 in a journal (not known yet)
  std::string_view path;   ///< relative to the output folder, checked safe
};

/// A 64-bit hash of bytes (xxHash XXH3).
std::uint64_t content_hash(std::string_view bytes);

/// True for a relative path that stays inside a folder: no empty, "." or
/// ".." part, no leading or trailing '/', no NUL or backslash.
bool safe_relative(std::string_view path);

/// The two kinds of record, told apart by their first line.
enum class RecordKind { manifest, journal };

/// Reads a record from the open file `fd`, from its start: calls `each` for
/// every entry and returns the manifest's input fingerprint ("" for a
/// journal). Returns nothing, with `why`, when the file is not one versa
/// wrote: a foreign first line, a malformed line or a path outside the
/// output folder. `each` may have been called for earlier entries then.
std::optional<std::string> read_record(int fd, RecordKind kind,
                                       const std::function<void(const ManifestEntry&)>& each,
                                       std::string& why);

/// Writes records line by line through a buffer.
class RecordWriter {
 public:
  /// Takes over `fd` (opened for writing); writes the first line unless
  /// `append` (adding to a record that has it already).
  RecordWriter(UniqueFd fd, RecordKind kind, std::string_view fingerprint, std::string shown,
               bool append = false);
  /// Adds one entry; with `flush`, it reaches the file before this returns
  /// (a journal line must be on disk before the file it announces).
  void add(const ManifestEntry& entry, bool flush = false);
  /// Writes what is buffered and closes the file. Throws FileError.
  void close();
  [[nodiscard]] int fd() const { return fd_.get(); }

 private:
  void flush();
  UniqueFd fd_;
  RecordKind kind_;
  std::string buffer_;
  std::string shown_;
};

}  // namespace versa
