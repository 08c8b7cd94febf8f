// write: file operations that never follow a symbolic link.
//
// Every function here works relative to an open directory descriptor and
// names exactly one entry of that folder (no '/' in `name`), so a link
// anywhere in the output folder, or beside it, is never followed for
// reading, writing or deleting. Linux-specific: O_TMPFILE, linkat with
// AT_EMPTY_PATH (or /proc/self/fd), O_NOFOLLOW on directories.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/unique_fd.hpp"

namespace versa {

/// An error from the operating system about `path` ("cannot create x: No space left").
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws FileError "<what> <path>: <strerror(errno)>".
[[noreturn]] void throw_file_error(std::string_view what, std::string_view path);

/// Opens the folder `name` in `dir` (creating it when `create`), refusing a
/// symbolic link or anything that is not a folder. Returns an invalid fd when
/// it does not exist and `create` is false; throws FileError otherwise.
UniqueFd open_folder_at(int dir, const char* name, bool create, std::string_view shown);

/// Nanoseconds since the epoch of a file's last change.
std::int64_t mtime_ns(const struct stat& st);

/// Creates `name` in `dir`, which must not exist yet, and writes `bytes`.
/// Returns the file's mtime. Throws FileError.
std::int64_t create_file_at(int dir, const char* name, std::string_view bytes,
                            std::string_view shown);

/// Replaces or creates `name` in `dir` atomically: a reader sees the old
/// bytes or the new ones, never a part. When the name exists, the new file
/// is first linked as `temp_name` and renamed over it. Returns the mtime.
/// Throws FileError (removing its temporary file).
std::int64_t replace_file_at(int dir, const char* name, std::string_view bytes,
                             const std::string& temp_name, std::string_view shown);

/// The bytes of the regular file `name` in `dir`, if it is one (not a link,
/// FIFO or folder) of exactly `expected_size` bytes; nothing otherwise.
std::optional<std::string> read_regular_at(int dir, const char* name, std::uint64_t expected_size);

/// Removes the folder `name` in `dir` with everything in it, without
/// following links (a link inside is removed, not what it points to).
/// Returns false when something could not be removed.
bool remove_tree_at(int dir, const char* name);

/// Entry names of the folder `dir` (without "." and "..").
std::vector<std::string> list_folder(int dir);

}  // namespace versa
