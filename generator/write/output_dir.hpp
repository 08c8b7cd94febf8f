// write: puts files into the output folder atomically, leaves files whose
// bytes did not change untouched, and removes files a build no longer makes.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

namespace versa {

struct WriteCounts {
  std::size_t written = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
};

/// The output folder of one build. Safe to call write() from several threads.
class OutputDir {
 public:
  /// `root` is created if missing. The list of files the previous build made
  /// is read from the manifest kept beside the published files.
  explicit OutputDir(std::filesystem::path root);

  /// Writes `bytes` to `relative` (e.g. "vi/compare/x/index.html") through a
  /// temporary file and a rename. Returns false if the bytes were already there.
  /// Throws std::runtime_error when the path escapes the folder or I/O fails.
  bool write(std::string_view relative, std::string_view bytes);

  /// Removes files of the previous build that this build did not write, then
  /// saves the new manifest. Call once, after every write succeeded.
  void finish();

  [[nodiscard]] WriteCounts counts() const;

 private:
  std::filesystem::path root_;
  std::set<std::string> previous_;
  std::set<std::string> produced_;
  std::mutex mutex_;
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
  std::size_t removed_ = 0;
};

/// The manifest's file name inside the output folder. Not a published page:
/// the sitemap and links never point at it.
inline constexpr std::string_view kManifestName = ".versa-manifest";

}  // namespace versa
