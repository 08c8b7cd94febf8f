#include "write/output_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "write/fault_points.hpp"

namespace versa {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempPrefix = ".versa-tmp-";
// Inside a staging folder: proves versa made it, so the clean-up of a
// killed build never removes a folder someone else named alike.
constexpr const char* kStagingMarker = ".versa-staging";

// "vi/compare/x" -> {"vi/compare", "x"}; "x" -> {"", "x"}.
std::pair<std::string_view, std::string_view> split_last(std::string_view path) {
  const auto slash = path.rfind('/');
  if (slash == std::string_view::npos) return {{}, path};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

// The output folder, absolute and normal: "site/", "./site", "a/../site" are one.
fs::path normalise(std::string_view root) {
  fs::path p = fs::absolute(fs::path(root)).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p;
}

}  // namespace

std::string OutputDir::beside_name(std::string_view root, std::string_view suffix) {
  return "." + normalise(root).filename().string() + ".versa-" + std::string(suffix);
}

OutputDir::OutputDir(std::string_view root) : pid_(::getpid()) {
  const fs::path absolute = normalise(root);
  shown_ = fs::path(root).lexically_normal().string();
  while (shown_.size() > 1 && shown_.back() == '/') shown_.pop_back();
  name_ = absolute.filename().string();
  if (name_.empty() || absolute == absolute.root_path()) {
    throw FileError("the output folder cannot be " + shown_ + "; name a folder of its own");
  }
  parent_ = open_parent(absolute.parent_path().string());
  try {
    take_lock();
    created_root_ = ::mkdirat(parent_.get(), name_.c_str(), 0755) == 0;
    root_ = open_folder_at(parent_.get(), name_.c_str(), false, shown_);
    if (!root_) throw_file_error("cannot open", shown_);
    remove_stale_staging();
    read_previous();
    read_journal();
    // An empty folder gets the whole build at once, from a staging folder
    // beside it: plain writes there cost the kernel a quarter less than one
    // atomic replace per file, and nothing is published until it is complete.
    if (list_folder(root_.get()).empty()) start_staging();
  } catch (...) {
    leave();
    throw;
  }
}

UniqueFd OutputDir::open_parent(const std::string& dir) {
  // The nearest folder that exists may be reached through links: the user
  // chose it. What is created below it is made and opened one folder at a
  // time, never through a link.
  fs::path existing = dir;
  std::vector<std::string> missing;
  std::error_code ec;
  while (!fs::exists(fs::symlink_status(existing, ec)) && existing.has_relative_path()) {
    missing.push_back(existing.filename().string());
    existing = existing.parent_path();
  }
  UniqueFd at(::open(existing.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!at) throw_file_error("cannot open the folder that holds", shown_);
  for (auto name = missing.rbegin(); name != missing.rend(); ++name) {
    int holder = at.get();
    if (::mkdirat(holder, name->c_str(), 0755) == 0) {
      made_parents_.push_back({std::move(at), *name});
      holder = made_parents_.back().holder.get();
    }
    try {
      at = open_folder_at(holder, name->c_str(), false, shown_);
      if (!at) throw_file_error("cannot open the folder that holds", shown_);
    } catch (...) {
      remove_made_parents();
      throw;
    }
  }
  return at;
}

void OutputDir::remove_made_parents() noexcept {
  // rmdir removes only empty folders: one that holds anything now stays.
  for (auto it = made_parents_.rbegin(); it != made_parents_.rend(); ++it) {
    ::unlinkat(it->holder.get(), it->name.c_str(), AT_REMOVEDIR);
  }
  made_parents_.clear();
}

OutputDir::~OutputDir() {
  folders_.clear();
  if (staged()) {
    staging_ = UniqueFd();
    remove_tree_at(parent_.get(), staging_name_.c_str());  // finish() was not reached
  }
  leave();
}

void OutputDir::leave() noexcept {
  // A failed first build leaves no trace: not even the folders it created.
  if (created_root_ && !finished_) ::unlinkat(parent_.get(), name_.c_str(), AT_REMOVEDIR);
  // Removed while still held: a build waiting on this file finds it gone
  // and takes a new one (see take_lock). Another build's lock is never ours
  // to remove: that would let a third build in beside it.
  if (lock_held_) ::unlinkat(parent_.get(), beside_name(shown_, "lock").c_str(), 0);
  if (!finished_) remove_made_parents();
}

void OutputDir::take_lock() {
  // One build at a time: a lock the kernel releases when its process dies.
  const std::string name = beside_name(shown_, "lock");
  for (int attempt = 0;; ++attempt) {
    lock_ = UniqueFd(::openat(parent_.get(), name.c_str(),
                              O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644));
    struct stat held {};
    if (!lock_ || ::fstat(lock_.get(), &held) != 0 || !S_ISREG(held.st_mode)) {
      throw FileError("cannot use the lock " + name + " beside " + shown_ +
                      " (a symbolic link or not a regular file?); remove it");
    }
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(lock_.get(), F_SETLK, &lock) != 0) {
      struct flock holder = lock;
      const bool known = ::fcntl(lock_.get(), F_GETLK, &holder) == 0 && holder.l_type != F_UNLCK;
      throw FileError("another versa build" +
                      (known ? " (process " + std::to_string(holder.l_pid) + ")" : std::string()) +
                      " is writing into " + shown_ +
                      "; wait for it to finish or use another --out");
    }
    // The build that held it may have removed the file meanwhile: a lock on
    // a file without a name excludes nobody.
    struct stat named {};
    if (::fstatat(parent_.get(), name.c_str(), &named, AT_SYMLINK_NOFOLLOW) == 0 &&
        named.st_ino == held.st_ino && named.st_dev == held.st_dev) {
      lock_held_ = true;
      return;
    }
    if (attempt == 10) throw FileError("cannot take the lock " + name + " beside " + shown_);
  }
}

std::string OutputDir::shown(std::string_view relative) const {
  return shown_ + "/" + std::string(relative);
}

void OutputDir::remove_stale_staging() {
  // This build holds the lock, so any staging folder of this output belongs
  // to a build that is gone. Only folders with versa's marker are removed.
  const std::string prefix = beside_name(shown_, "staging-");
  for (const std::string& entry : list_folder(parent_.get())) {
    if (!entry.starts_with(prefix)) continue;
    UniqueFd dir(
        ::openat(parent_.get(), entry.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (dir && ::fstatat(dir.get(), kStagingMarker, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode)) {
      dir = UniqueFd();
      remove_tree_at(parent_.get(), entry.c_str());
    } else {
      warnings_.push_back("left " + entry + " beside " + shown_ +
                          " alone: it has no versa marker, so versa did not make it");
    }
  }
}

void OutputDir::start_staging() {
  std::string name = beside_name(shown_, "staging-") + std::to_string(pid_);
  if (::mkdirat(parent_.get(), name.c_str(), 0755) != 0) return;  // write in place instead
  staging_ = open_folder_at(parent_.get(), name.c_str(), false, name);
  staging_name_ = std::move(name);
  if (!staging_) return;
  create_file_at(staging_.get(), kStagingMarker, "versa staging folder\n", staging_name_);
  // A rename cannot cross file systems: stage only where it can move in.
  struct stat a {
  }, b{};
  if (::fstat(staging_.get(), &a) != 0 || ::fstat(root_.get(), &b) != 0 || a.st_dev != b.st_dev) {
    staging_ = UniqueFd();
    remove_tree_at(parent_.get(), staging_name_.c_str());
  }
}

void OutputDir::read_previous() {
  const std::string name = beside_name(shown_, "manifest");
  UniqueFd fd(
      ::openat(parent_.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!fd && errno == ENOENT) return;
  struct stat st {};
  std::string why;
  std::optional<std::string> fingerprint;
  if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    why = errno == ELOOP ? "it is a symbolic link" : "it is not a regular file";
  } else {
    // Only hashes of paths are kept in memory, in a vector sized exactly:
    // grown by doubling it could take twice the room at 270,000 files.
    std::size_t count = 0;
    fingerprint = read_record(
        fd.get(), RecordKind::manifest, [&](const ManifestEntry&) { ++count; }, why);
    if (fingerprint) {
      previous_.reserve(count);
      fingerprint = read_record(
          fd.get(), RecordKind::manifest,
          [&](const ManifestEntry& e) {
            previous_.push_back({content_hash(e.path), e.hash, e.mtime});
          },
          why);
    }
  }
  if (!fingerprint) {
    previous_.clear();
    warnings_.push_back("ignored " + name + " beside " + shown_ + ": " + why +
                        "; files of earlier builds are kept, not removed");
    return;
  }
  previous_fingerprint_ = std::move(*fingerprint);
  manifest_ = std::move(fd);
  std::sort(previous_.begin(), previous_.end(),
            [](const Previous& a, const Previous& b) { return a.path < b.path; });
  made_again_.assign(previous_.size(), 0);
}

void OutputDir::read_journal() {
  const std::string name = beside_name(shown_, "journal");
  UniqueFd fd(
      ::openat(parent_.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!fd && errno == ENOENT) return;
  journal_found_ = true;  // an earlier rebuild did not finish
  struct stat st {};
  std::string why;
  bool ok = fd && ::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode);
  if (!ok) why = "it is a symbolic link or not a regular file";
  ok = ok && read_record(
                 fd.get(), RecordKind::journal,
                 [&](const ManifestEntry& e) {
                   journaled_[std::string(e.path)] = {e.hash, e.size};
                 },
                 why);
  if (!ok) {
    journaled_.clear();
    warnings_.push_back("ignored " + name + " beside " + shown_ + ": " + why);
    ::unlinkat(parent_.get(), name.c_str(), 0);  // a link is removed, not followed
    return;
  }
  remove_leftover_temporaries();
}

void OutputDir::remove_leftover_temporaries() {
  // A rebuild killed between writing a temporary file and renaming it left
  // it in the folder of a file its journal names.
  std::set<std::string_view> dirs;
  for (const auto& [path, j] : journaled_) dirs.insert(split_last(path).first);
  for (const std::string_view dir : dirs) {
    Folder f;
    try {
      f = folder(root_.get(), dir, false);
    } catch (const FileError&) {
      continue;
    }
    if (f.fd < 0) continue;
    for (const std::string& entry : list_folder(f.fd)) {
      struct stat st {};
      if (entry.starts_with(kTempPrefix) &&
          ::fstatat(f.fd, entry.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
        ::unlinkat(f.fd, entry.c_str(), 0);
      }
    }
  }
}

OutputDir::Folder OutputDir::folder(int base, std::string_view relative_dir, bool create) {
  Folder out;
  if (relative_dir.empty()) {
    out.fd = base;
    return out;
  }
  const auto [parent_dir, leaf] = split_last(relative_dir);
  int parent = base;
  if (!parent_dir.empty()) {
    // Folders that hold folders are few (locales, kinds, protocols): they
    // stay open, so each write opens one folder only.
    std::lock_guard lock(folders_mutex_);
    if (folders_base_ != base) {
      folders_.clear();
      folders_base_ = base;
    }
    if (auto it = folders_.find(parent_dir); it != folders_.end()) {
      parent = it->second.get();
    } else {
      int at = base;
      std::string_view rest = parent_dir;
      std::size_t consumed = 0;
      while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view part = rest.substr(0, slash);
        const std::string_view prefix = parent_dir.substr(0, consumed + part.size());
        auto found = folders_.find(prefix);
        if (found == folders_.end()) {
          UniqueFd fd = open_folder_at(at, std::string(part).c_str(), create, shown(prefix));
          if (!fd) return out;  // does not exist
          found = folders_.emplace(std::string(prefix), std::move(fd)).first;
        }
        at = found->second.get();
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
        consumed += part.size() + 1;
      }
      parent = at;
    }
  }
  out.owned = open_folder_at(parent, std::string(leaf).c_str(), create, shown(relative_dir));
  out.fd = out.owned.get();
  return out;
}

std::size_t OutputDir::find_previous(std::string_view relative) const {
  const std::uint64_t key = content_hash(relative);
  const auto it = std::lower_bound(previous_.begin(), previous_.end(), key,
                                   [](const Previous& p, std::uint64_t k) { return p.path < k; });
  return it != previous_.end() && it->path == key ? static_cast<std::size_t>(it - previous_.begin())
                                                  : previous_.size();
}

bool OutputDir::matches(std::string_view relative, std::uint64_t size, std::int64_t mtime) {
  const auto [dir, leaf] = split_last(relative);
  try {
    const Folder f = folder(root_.get(), dir, false);
    struct stat st {};
    return f.fd >= 0 && ::fstatat(f.fd, std::string(leaf).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) == size &&
           mtime_ns(st) == mtime;
  } catch (const FileError&) {
    return false;  // a link on the way: not as versa left it
  }
}

bool OutputDir::intact() {
  if (!manifest_ || journal_found_) return false;
  std::string why;
  bool all = true;
  std::size_t seen = 0;
  const bool read = read_record(
                        manifest_.get(), RecordKind::manifest,
                        [&](const ManifestEntry& e) {
                          ++seen;
                          all = all && matches(e.path, e.size, e.mtime);
                        },
                        why)
                        .has_value();
  return read && all && seen == previous_.size() && seen > 0;
}

void OutputDir::journal(std::string_view relative, const Entry& entry) {
  // The line reaches the journal before the file changes: a build killed
  // at any point after it is completed by the next one.
  std::lock_guard lock(journal_mutex_);
  if (!journal_) {
    const std::string name = beside_name(shown_, "journal");
    const bool append = journal_found_ && !journaled_.empty();
    if (!append) ::unlinkat(parent_.get(), name.c_str(), 0);
    UniqueFd fd(::openat(
        parent_.get(), name.c_str(),
        O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | (append ? 0 : O_CREAT | O_EXCL), 0644));
    struct stat st {};
    if (!fd) throw_file_error("cannot write the journal", name);
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
      throw FileError("refusing to write the journal " + name + " beside " + shown_ +
                      ": it has another name elsewhere (a hard link); remove it");
    }
    journal_.emplace(std::move(fd), RecordKind::journal, "", name, append);
    journal_found_ = true;
  }
  journal_->add({entry.hash, entry.size, 0, relative}, true);
}

bool OutputDir::write(std::size_t index, std::string_view relative, std::string_view bytes) {
  if (!safe_relative(relative)) {
    throw std::runtime_error("refusing to write outside the output folder: " +
                             std::string(relative));
  }
  Entry& entry = entries_.at(index);
  entry.hash = content_hash(bytes);
  entry.size = static_cast<std::uint32_t>(bytes.size());
  entry.present = true;

  // Equal content hashes mean equal sizes too: the size on disk, checked
  // with the mtime, tells whether the file is still as the manifest says.
  if (const std::size_t old = find_previous(relative); old < previous_.size()) {
    made_again_[old] = 1;  // one byte per file: threads never share one
    const Previous& p = previous_[old];
    if (!staged() && p.hash == entry.hash && matches(relative, entry.size, p.mtime)) {
      entry.mtime = p.mtime;
      ++unchanged_;
      return false;
    }
  }
  fault_point("write");
  const auto [dir, leaf] = split_last(relative);
  const std::string name(leaf);
  if (staged()) {
    const Folder f = folder(staging_.get(), dir, true);
    entry.mtime = create_file_at(f.fd, name.c_str(), bytes, shown(relative));
  } else {
    journal(relative, entry);
    const Folder f = folder(root_.get(), dir, true);
    const std::string temp =
        std::string(kTempPrefix) + std::to_string(pid_) + "-" + std::to_string(temp_counter_++);
    entry.mtime = replace_file_at(f.fd, name.c_str(), bytes, temp, shown(relative));
  }
  ++written_;
  return true;
}

void OutputDir::remove_if_ours(std::string_view relative, std::uint64_t size, std::uint64_t hash,
                               const Journaled* also) {
  const auto [dir, leaf] = split_last(relative);
  const std::string name(leaf);
  Folder f;
  try {
    f = folder(root_.get(), dir, false);
  } catch (const FileError&) {
    warnings_.push_back("kept " + shown(relative) + ": a symbolic link or a file is in its path");
    return;
  }
  struct stat st {};
  if (f.fd < 0 || (::fstatat(f.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT))
    return;  // already gone
  // Read only as many bytes as versa wrote: a file of another size is not its.
  std::optional<std::string> bytes = read_regular_at(f.fd, name.c_str(), size);
  if (!bytes && also != nullptr) bytes = read_regular_at(f.fd, name.c_str(), also->size);
  const std::uint64_t now = bytes ? content_hash(*bytes) : 0;
  if (!bytes || (now != hash && (also == nullptr || now != also->hash))) {
    warnings_.push_back("kept " + shown(relative) +
                        ": changed since versa wrote it (or not a regular file); remove it by hand "
                        "if it is no longer wanted");
    return;
  }
  if (::unlinkat(f.fd, name.c_str(), 0) != 0) throw_file_error("cannot remove", shown(relative));
  ++removed_;
  // Drop the folders the removal emptied, up to the root (rmdir refuses a
  // folder that still holds anything).
  f = Folder();
  for (std::string_view d = dir; !d.empty();) {
    const auto [up, last] = split_last(d);
    Folder holder;
    try {
      holder = folder(root_.get(), up, false);
    } catch (const FileError&) {
      break;
    }
    if (holder.fd < 0) break;
    if (::unlinkat(holder.fd, std::string(last).c_str(), AT_REMOVEDIR) != 0) {
      // Still holding something: versa's files not yet removed, or someone
      // else's; report_kept_folders tells which when the removals are done.
      if (errno == ENOTEMPTY || errno == EEXIST) not_emptied_.emplace(d);
      break;
    }
    {
      std::lock_guard lock(folders_mutex_);
      if (auto it = folders_.find(d); it != folders_.end()) folders_.erase(it);
    }
    d = up;
  }
}

void OutputDir::report_kept_folders(const std::function<std::string(std::size_t)>& path_of) {
  // The folders this build writes into are not in question (usually all of
  // them, found after a few pages).
  for (std::size_t i = 0; i < entries_.size() && !not_emptied_.empty(); ++i) {
    if (!entries_[i].present) continue;
    const std::string path = path_of(i);
    for (std::string_view d = split_last(path).first; !d.empty(); d = split_last(d).first) {
      if (auto it = not_emptied_.find(d); it != not_emptied_.end()) not_emptied_.erase(it);
    }
  }
  for (const std::string& d : not_emptied_) {
    Folder f;
    try {
      f = folder(root_.get(), d, false);
    } catch (const FileError&) {
      continue;
    }
    if (f.fd < 0) continue;  // emptied by a later removal
    warnings_.push_back("kept " + shown(d) +
                        "/: versa no longer writes into it, but it holds files versa did not make "
                        "or did not remove; remove it by hand if it is no longer wanted");
  }
  not_emptied_.clear();
}

void OutputDir::save_manifest(std::string_view fingerprint,
                              const std::function<std::string(std::size_t)>& path_of) {
  const std::string name = beside_name(shown_, "manifest");
  const std::string temp = name + ".tmp-" + std::to_string(pid_);
  ::unlinkat(parent_.get(), temp.c_str(), 0);  // left by a killed build with our pid
  UniqueFd fd(::openat(parent_.get(), temp.c_str(),
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (!fd) throw_file_error("cannot write", temp);
  RecordWriter out(std::move(fd), RecordKind::manifest, fingerprint, temp);
  try {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      if (!e.present) continue;
      const std::string path = path_of(i);
      out.add({e.hash, e.size, e.mtime, path});
      fault_point("manifest");
    }
    out.close();
  } catch (...) {
    ::unlinkat(parent_.get(), temp.c_str(), 0);
    throw;
  }
  if (::renameat(parent_.get(), temp.c_str(), parent_.get(), name.c_str()) != 0) {
    throw_file_error("cannot write", name);
  }
}

void OutputDir::finish(std::string_view fingerprint,
                       const std::function<std::string(std::size_t)>& path_of) {
  const std::string journal_name = beside_name(shown_, "journal");
  if (staged()) {
    // The manifest first: a build killed while moving in leaves files the
    // manifest names, which the next build finds unchanged or writes.
    save_manifest(fingerprint, path_of);
    ::unlinkat(parent_.get(), journal_name.c_str(), 0);
    std::vector<std::string> entries = list_folder(staging_.get());
    std::sort(entries.begin(), entries.end());
    for (const std::string& e : entries) {
      if (e == kStagingMarker) continue;
      if (moved_any_) fault_point("move");
      // The output folder was empty: nothing is replaced. Moving a folder
      // keeps its files' mtimes.
      if (::renameat(staging_.get(), e.c_str(), root_.get(), e.c_str()) != 0) {
        throw_file_error("cannot move the build into", shown(e));
      }
      moved_any_ = true;
    }
    staging_ = UniqueFd();
    remove_tree_at(parent_.get(), staging_name_.c_str());
    finished_ = true;
    return;
  }
  // Remove what earlier builds made and this one did not, if still theirs.
  if (manifest_) {
    std::string why;
    const bool read =
        read_record(
            manifest_.get(), RecordKind::manifest,
            [&](const ManifestEntry& e) {
              const std::size_t made = find_previous(e.path);
              if (made < previous_.size() && made_again_[made]) return;
              const auto j = journaled_.find(e.path);
              remove_if_ours(e.path, e.size, e.hash, j == journaled_.end() ? nullptr : &j->second);
              if (j != journaled_.end()) journaled_.erase(j);
            },
            why)
            .has_value();
    if (!read)
      warnings_.push_back("the manifest beside " + shown_ + " changed during the build: " + why);
  }
  if (!journaled_.empty()) {
    // Files an unfinished rebuild wrote that no manifest names yet.
    std::vector<std::uint64_t> produced;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].present) produced.push_back(content_hash(path_of(i)));
    }
    std::sort(produced.begin(), produced.end());
    for (const auto& [path, j] : journaled_) {
      if (!std::binary_search(produced.begin(), produced.end(), content_hash(path))) {
        remove_if_ours(path, j.size, j.hash, nullptr);
      }
    }
  }
  report_kept_folders(path_of);
  save_manifest(fingerprint, path_of);
  finished_ = true;
  if (journal_) journal_->close();
  journal_.reset();
  ::unlinkat(parent_.get(), journal_name.c_str(), 0);
}

WriteCounts OutputDir::counts() const {
  return {written_.load(), unchanged_.load(), removed_};
}

}  // namespace versa
