// write: the policy of one output folder: what is written, what is left
// alone, what is removed, and the records kept beside the folder.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "write/file_ops.hpp"
#include "write/manifest.hpp"

namespace versa {

struct WriteCounts {
  std::size_t written = 0;  ///< files that reached the output folder
  std::size_t unchanged = 0;
  std::size_t removed = 0;
};

/// The output folder of one build, and everything versa keeps beside it
/// (".<name>.versa-manifest", "-journal", "-lock", "-staging-<pid>").
///
/// Guarantees: the folder and every entry in it or beside it are reached
/// through directory descriptors without following a symbolic link; a file
/// is removed only when it is a regular file whose bytes still hash to what
/// versa recorded; one build at a time holds the folder's lock. A build into
/// an empty folder is staged beside it and moved in by finish(); a rebuild
/// replaces files one by one, each atomically, and announces each in a
/// journal first, so that a killed or failed rebuild is completed by the
/// next one with nothing left over.
///
/// write() may be called from several threads at once; everything else from
/// one thread. Linux-specific (see file_ops.hpp).
class OutputDir {
 public:
  /// Opens (and creates) the folder `root`, after normalising it ("site/",
  /// "a/../site" are "site"). Takes the lock, reads the previous build's
  /// manifest and journal, and removes what killed builds left behind.
  /// Throws FileError when the folder cannot be used: it is a symbolic link,
  /// another build holds it, or the system refuses.
  explicit OutputDir(std::string_view root);
  /// Removes the staging folder of a build that did not finish.
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  /// Starts writing a build that produces `outputs` files, numbered from 0.
  void begin(std::size_t outputs) { entries_.assign(outputs, Entry{}); }

  /// The input fingerprint the previous build recorded ("" if none).
  [[nodiscard]] const std::string& previous_fingerprint() const { return previous_fingerprint_; }
  /// True when the previous build finished and every file it recorded is on
  /// disk as it left it.
  [[nodiscard]] bool intact();
  /// How many files the previous build produced.
  [[nodiscard]] std::size_t previous_count() const { return previous_.size(); }
  /// True while writes go to a staging folder (the output folder was empty).
  [[nodiscard]] bool staged() const { return static_cast<bool>(staging_); }

  /// Writes output number `index` to `relative` (e.g. "vi/compare/x/index.html"),
  /// unless the same bytes are already there as versa left them. Returns
  /// whether it wrote. Throws std::runtime_error when the path escapes the
  /// folder and FileError when a link is in the way or I/O fails.
  bool write(std::size_t index, std::string_view relative, std::string_view bytes);

  /// Completes the build: moves a staged build into place, removes the files
  /// of earlier builds that this one did not produce (when provably versa's)
  /// and saves the manifest. `path_of(i)` gives output i's relative path
  /// again, so the paths need not be kept in memory. Throws FileError.
  void finish(std::string_view fingerprint, const std::function<std::string(std::size_t)>& path_of);

  [[nodiscard]] WriteCounts counts() const;
  /// Files this build changed in the output folder so far (staged files
  /// count once moved in).
  [[nodiscard]] std::size_t published() const {
    return staged() && !moved_any_ ? 0 : written_.load();
  }
  /// Things versa left alone and why ("kept site/x.html: changed since ...").
  [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }
  /// The folder as shown in messages ("site").
  [[nodiscard]] const std::string& shown() const { return shown_; }

  /// The name of a record kept beside the output folder `root`
  /// (".site.versa-manifest" for suffix "manifest").
  static std::string beside_name(std::string_view root, std::string_view suffix);

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
  struct Journaled {  // a file a rebuild that did not finish may have written
    std::uint64_t hash = 0;
    std::uint64_t size = 0;
  };

  [[nodiscard]] std::size_t find_previous(std::string_view relative) const;
  /// The folder `relative_dir` under `base` (root or staging), "" for base
  /// itself. Folders that hold folders stay open; others are opened each time.
  struct Folder {
    int fd = -1;
    UniqueFd owned;
  };
  Folder folder(int base, std::string_view relative_dir, bool create);
  /// The regular file at `relative` under the root, not reached through a link.
  bool matches(std::string_view relative, std::uint64_t size, std::int64_t mtime);
  void take_lock();
  void read_previous();
  void read_journal();
  void remove_leftover_temporaries();
  void remove_stale_staging();
  void start_staging();
  /// Removes `relative` if it is still the file versa wrote with one of `hashes`.
  void remove_if_ours(std::string_view relative, std::uint64_t size, std::uint64_t hash,
                      const Journaled* also);
  /// Warns of each folder whose files versa removed but which stays, since
  /// it holds something else, and to which this build writes nothing.
  void report_kept_folders(const std::function<std::string(std::size_t)>& path_of);
  void journal(std::string_view relative, const Entry& entry);
  void save_manifest(std::string_view fingerprint,
                     const std::function<std::string(std::size_t)>& path_of);
  [[nodiscard]] std::string shown(std::string_view relative) const;

  /// A folder on the way to the output folder that this build created, with
  /// the open folder that holds it.
  struct MadeFolder {
    UniqueFd holder;
    std::string name;
  };
  /// Opens the folder that holds the output folder, creating what is missing
  /// of it one folder at a time, never through a link, into made_parents_.
  [[nodiscard]] UniqueFd open_parent(const std::string& dir);
  /// Removes the folders of made_parents_ that are still empty, deepest first.
  void remove_made_parents() noexcept;
  /// What a build leaves when it ends, finished or not: the lock removed if
  /// it held it; if it did not finish, none of the folders it created.
  void leave() noexcept;

  std::string shown_;                     ///< the output folder as the user named it, normalised
  std::string name_;                      ///< its last component
  std::vector<MadeFolder> made_parents_;  ///< outermost first
  UniqueFd parent_;                       ///< the folder that holds it and the records
  UniqueFd lock_;                         ///< held, and removed when the build ends
  UniqueFd root_;
  UniqueFd staging_;  ///< valid while the build is staged and unfinished
  std::string staging_name_;
  UniqueFd manifest_;  ///< the previous manifest, validated, kept open
  std::string previous_fingerprint_;
  std::vector<Previous> previous_;        ///< sorted by path hash
  std::vector<std::uint8_t> made_again_;  ///< per previous_ entry: produced again
  std::map<std::string, Journaled, std::less<>> journaled_;  ///< of unfinished rebuilds
  bool journal_found_ = false;
  std::optional<RecordWriter> journal_;
  std::mutex journal_mutex_;
  std::vector<Entry> entries_;                            ///< by output index
  std::map<std::string, UniqueFd, std::less<>> folders_;  ///< open folders that hold folders
  int folders_base_ = -1;                                 ///< the base folders_ belongs to
  std::mutex folders_mutex_;
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
  std::atomic<std::uint64_t> temp_counter_{0};
  std::size_t removed_ = 0;
  bool moved_any_ = false;
  bool created_root_ = false;  ///< the folder did not exist before this build
  bool finished_ = false;
  bool lock_held_ = false;  ///< take_lock succeeded: the lock file is this build's
  std::vector<std::string> warnings_;
  std::set<std::string, std::less<>> not_emptied_;  ///< folders a removal could not remove
  long pid_ = 0;
};

}  // namespace versa
