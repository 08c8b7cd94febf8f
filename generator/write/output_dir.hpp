// write: puts files into the output folder atomically, leaves files whose
// bytes did not change untouched, and removes files a build no longer makes.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace versa {

struct WriteCounts {
  std::size_t written = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
};

/// The output folder of one build. Remembers, in a manifest kept beside the
/// folder (never inside what is published), each file's content hash, size
/// and modification time, and a fingerprint of the inputs that made them.
/// write() may be called from several threads at once.
///
/// Into an empty folder, files are written into a staging folder beside it
/// and moved in by finish(), one top-level entry at a time: the folder stays
/// empty until the build succeeds. Otherwise each file is replaced on its own.
/// Either way no reader ever sees a partly written file.
class OutputDir {
 public:
  /// Opens (and creates) `root`, reads the previous build's manifest and
  /// removes staging folders that builds killed earlier left behind.
  explicit OutputDir(std::filesystem::path root);
  /// Removes the staging folder of a build that did not finish.
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  /// Starts writing a build that produces `outputs` files, numbered from 0.
  void begin(std::size_t outputs) { entries_.assign(outputs, Entry{}); }

  /// The input fingerprint the previous build recorded ("" if none).
  [[nodiscard]] const std::string& previous_fingerprint() const { return previous_fingerprint_; }
  /// True when every file of the previous build is on disk as it was left.
  [[nodiscard]] bool intact() const;
  /// How many files the previous build produced.
  [[nodiscard]] std::size_t previous_count() const { return previous_.size(); }

  /// Writes output number `index` to `relative` (e.g. "vi/compare/x/index.html"),
  /// unless the manifest shows the same bytes are already there. Returns
  /// whether it wrote. Throws std::runtime_error when the path escapes the
  /// folder or I/O fails.
  bool write(std::size_t index, std::string_view relative, std::string_view bytes);

  /// Moves a staged build into place, removes files of the previous build
  /// this one did not produce and saves the manifest. `path_of(i)` gives
  /// output i's relative path again, so the paths need not be kept in
  /// memory. Call once, after every write.
  void finish(std::string_view fingerprint, const std::function<std::string(std::size_t)>& path_of);

  /// Keeps the previous manifest: used when nothing needed writing.
  [[nodiscard]] WriteCounts counts() const;

  /// The manifest of `root`: a hidden file in the folder that holds it.
  static std::filesystem::path manifest_path(const std::filesystem::path& root);
  /// True while writes go to a staging folder (the output folder was empty),
  /// until finish() moves them in.
  [[nodiscard]] bool staged() const { return !staging_.empty(); }

 private:
  struct Entry {  // 24 bytes: a manifest of 270,000 files stays small
    std::uint64_t hash = 0;
    std::int64_t mtime = 0;  ///< nanoseconds
    std::uint32_t size = 0;
    bool present = false;  ///< this build produced the file
  };
  struct Previous {          // 24 bytes: a file of the previous build
    std::uint64_t path = 0;  ///< hash of its relative path
    std::uint64_t hash = 0;
    std::int64_t mtime = 0;
  };
  /// Index in previous_ of the file at `relative`, or previous_.size().
  [[nodiscard]] std::size_t find_previous(std::string_view relative) const;
  /// Makes the folders of `relative_dir` under the folder written to.
  void make_directories(std::string_view relative_dir);
  /// Writes a file that does not exist yet (in the staging folder).
  [[nodiscard]] std::int64_t create_file(const std::string& path, std::string_view bytes) const;
  /// Replaces or creates `path` through an unnamed or temporary file.
  [[nodiscard]] std::int64_t replace_file(const std::string& path, std::string_view bytes);
  void remove_stale_staging() const;

  std::filesystem::path root_;
  std::filesystem::path staging_;  ///< empty unless the build is staged and unfinished
  std::string base_;               ///< the folder written to: staging_ or root_
  std::string previous_fingerprint_;
  std::vector<Previous> previous_;                ///< sorted by path hash
  std::vector<std::uint8_t> made_again_;          ///< per previous_ entry: produced again (kept)
  std::vector<Entry> entries_;                    ///< by output index
  std::set<std::string, std::less<>> safe_dirs_;  ///< relative folders made or checked
  std::mutex dirs_mutex_;
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
  std::atomic<std::uint64_t> temp_counter_{0};
  std::size_t removed_ = 0;
  long pid_ = 0;  ///< names temporary files apart from another build's
};

/// A 64-bit hash of bytes (xxHash XXH3).
std::uint64_t content_hash(std::string_view bytes);

}  // namespace versa
