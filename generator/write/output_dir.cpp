#include "write/output_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace versa {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManifestHeader = "versa-manifest 2";

bool safe_relative(std::string_view rel) {
  if (rel.empty() || rel.front() == '/' || rel.back() == '/' ||
      rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) {
    return false;
  }
  for (std::size_t start = 0; start <= rel.size();) {
    std::size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    const std::string_view part = rel.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// The file on disk is the one the manifest describes.
bool matches(const fs::path& path, std::uint64_t size, std::int64_t mtime) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<std::uint64_t>(st.st_size) == size && mtime_ns(st) == mtime;
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

namespace {

// A hidden name beside `root`: ".<root's name><suffix>" in its parent folder.
fs::path beside(const fs::path& root, std::string_view suffix) {
  const fs::path abs = fs::absolute(root).lexically_normal();
  const fs::path dir = abs.has_filename() ? abs : abs.parent_path();
  return dir.parent_path() / ("." + dir.filename().string() + std::string(suffix));
}

constexpr std::string_view kStagingSuffix = ".versa-staging-";

bool same_device(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev;
}

void write_all(int fd, std::string_view bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      errno = error;
      fail("cannot write", path);
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

fs::path OutputDir::manifest_path(const fs::path& root) {
  return beside(root, ".versa-manifest");
}

OutputDir::OutputDir(fs::path root) : root_(std::move(root)), pid_(::getpid()) {
  fs::create_directories(root_);
  if (fs::is_symlink(root_))
    throw std::runtime_error("the output folder is a symbolic link: " + root_.string());
  remove_stale_staging();
  base_ = root_.string();
  // An empty folder gets the whole build at once, from a staging folder on
  // the same file system (a rename cannot cross file systems). Plain writes
  // there cost the kernel a quarter less than one atomic replace per file.
  fs::path staging = beside(root_, std::string(kStagingSuffix) + std::to_string(pid_));
  if (fs::is_empty(root_) && same_device(root_, staging.parent_path()) &&
      ::mkdir(staging.c_str(), 0755) == 0) {
    staging_ = std::move(staging);
    base_ = staging_.string();
  }
  std::ifstream manifest(manifest_path(root_));
  std::string line;
  if (!std::getline(manifest, line) || !line.starts_with(kManifestHeader)) return;
  previous_fingerprint_ =
      line.size() > kManifestHeader.size() ? line.substr(kManifestHeader.size() + 1) : "";
  // Lines: hash size mtime path. Only hashes of paths are kept in memory,
  // in a vector sized exactly: grown by doubling it could take twice the
  // room at 270,000 files.
  const std::streampos body = manifest.tellg();
  previous_.reserve(static_cast<std::size_t>(std::count(std::istreambuf_iterator<char>(manifest),
                                                        std::istreambuf_iterator<char>(), '\n')));
  manifest.clear();
  manifest.seekg(body);
  while (std::getline(manifest, line)) {
    std::istringstream in(line);
    Previous e;
    std::uint64_t size = 0;
    std::string path;
    in >> std::hex >> e.hash >> std::dec >> size >> e.mtime;
    in.get();
    std::getline(in, path);
    if (!in.fail() && safe_relative(path)) {
      e.path = content_hash(path);
      previous_.push_back(e);
    }
  }
  std::sort(previous_.begin(), previous_.end(),
            [](const Previous& a, const Previous& b) { return a.path < b.path; });
  made_again_.assign(previous_.size(), 0);
}

OutputDir::~OutputDir() {
  std::error_code ec;
  if (staged()) fs::remove_all(staging_, ec);  // finish() was not reached
}

void OutputDir::remove_stale_staging() const {
  // A staging folder whose build is no longer running was left by a kill.
  const fs::path prefix = beside(root_, kStagingSuffix);
  const std::string name = prefix.filename().string();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(prefix.parent_path(), ec)) {
    const std::string entry = e.path().filename().string();
    if (!entry.starts_with(name)) continue;
    const long pid = std::strtol(entry.c_str() + name.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH &&
        e.is_directory(ec) && !e.is_symlink(ec)) {
      fs::remove_all(e.path(), ec);
    }
  }
}

std::size_t OutputDir::find_previous(std::string_view relative) const {
  const std::uint64_t key = content_hash(relative);
  const auto it = std::lower_bound(previous_.begin(), previous_.end(), key,
                                   [](const Previous& p, std::uint64_t k) { return p.path < k; });
  return it != previous_.end() && it->path == key ? static_cast<std::size_t>(it - previous_.begin())
                                                  : previous_.size();
}

bool OutputDir::intact() const {
  std::ifstream manifest(manifest_path(root_));
  std::string line;
  std::getline(manifest, line);
  std::size_t seen = 0;
  while (std::getline(manifest, line)) {
    std::istringstream in(line);
    std::uint64_t hash = 0, size = 0;
    std::int64_t mtime = 0;
    std::string path;
    in >> std::hex >> hash >> std::dec >> size >> mtime;
    in.get();
    std::getline(in, path);
    if (in.fail() || !safe_relative(path) || !matches(root_ / path, size, mtime)) return false;
    ++seen;
  }
  return seen == previous_.size() && seen > 0;
}

void OutputDir::make_directories(std::string_view relative_dir) {
  // Each folder on the way must be a real folder, never a symbolic link that
  // would lead the write outside the output folder. Ancestors are checked
  // once; a page's own folder is checked every time (it is usually new).
  std::string current;
  for (std::size_t slash = 0; slash < relative_dir.size();) {
    slash = relative_dir.find('/', slash + 1);
    if (slash == std::string_view::npos) slash = relative_dir.size();
    const std::string_view prefix = relative_dir.substr(0, slash);
    const bool last = slash >= relative_dir.size();
    if (!last) {
      std::lock_guard lock(dirs_mutex_);
      if (safe_dirs_.contains(prefix)) continue;
    }
    current.assign(base_).append("/").append(prefix);
    // mkdir first: on a fresh build it is the only call needed.
    if (::mkdir(current.c_str(), 0755) != 0) {
      struct stat st {};
      if (errno != EEXIST) fail("cannot create folder", current);
      if (::lstat(current.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        throw std::runtime_error("refusing to write through " + current +
                                 ": not a folder (a symbolic link or a file)");
      }
    }
    if (!last) {
      std::lock_guard lock(dirs_mutex_);
      safe_dirs_.emplace(prefix);
    }
  }
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
    if (p.hash == entry.hash && matches(root_ / relative, entry.size, p.mtime)) {
      entry.mtime = p.mtime;
      ++unchanged_;
      return false;
    }
  }
  const auto slash = relative.rfind('/');
  if (slash != std::string_view::npos) make_directories(relative.substr(0, slash));
  std::string target = base_;
  target.append("/").append(relative);
  entry.mtime = staged() ? create_file(target, bytes) : replace_file(target, bytes);
  ++written_;
  return true;
}

std::int64_t OutputDir::create_file(const std::string& path, std::string_view bytes) const {
  // Nobody else writes in the staging folder: the file is new, and
  // O_EXCL | O_NOFOLLOW makes sure of it.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) fail("cannot create", path);
  write_all(fd, bytes, path);
  struct stat st {};
  const bool ok = ::fstat(fd, &st) == 0;
  if (::close(fd) != 0 || !ok) fail("cannot write", path);
  return mtime_ns(st);
}

std::int64_t OutputDir::replace_file(const std::string& target, std::string_view bytes) {
  // The new bytes go to an unnamed file (O_TMPFILE) that gets its name only
  // when complete: a reader, or a build killed half-way, never sees a partial
  // file. An existing file is replaced by a rename, which is atomic too.
  const auto cut = target.rfind('/');
  const std::string dir = target.substr(0, cut);
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  const bool unnamed = fd >= 0;
  std::string tmp;
  const auto temp_name = [&] {
    return dir + "/." + target.substr(cut + 1) + "." + std::to_string(pid_) + "-" +
           std::to_string(temp_counter_++) + ".tmp";
  };
  if (!unnamed) {  // a file system without O_TMPFILE
    tmp = temp_name();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  }
  if (fd < 0) fail("cannot create a temporary file for", target);
  try {
    write_all(fd, bytes, target);
  } catch (...) {
    if (!unnamed) ::unlink(tmp.c_str());
    throw;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (ok && unnamed) {
    // AT_EMPTY_PATH names the file by its descriptor (needs CAP_DAC_READ_SEARCH);
    // /proc/self/fd does the same for everyone, one path lookup slower.
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    const bool linked = ::linkat(fd, "", AT_FDCWD, target.c_str(), AT_EMPTY_PATH) == 0 ||
                        (errno != EEXIST && ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD,
                                                     target.c_str(), AT_SYMLINK_FOLLOW) == 0);
    if (!linked) {
      // The name is taken (a rebuild): link under a temporary name, rename over.
      ok = errno == EEXIST;
      tmp = temp_name();
      ok = ok && ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0 &&
           ::rename(tmp.c_str(), target.c_str()) == 0;
    }
  } else if (ok) {
    ok = ::rename(tmp.c_str(), target.c_str()) == 0;
  }
  if (::close(fd) != 0 || !ok) {
    if (!tmp.empty()) ::unlink(tmp.c_str());
    fail("cannot replace", target);
  }
  return mtime_ns(st);
}

void OutputDir::finish(std::string_view fingerprint,
                       const std::function<std::string(std::size_t)>& path_of) {
  if (staged()) {
    // Each top-level entry appears whole; the output folder was empty, so
    // nothing is replaced. Moving a folder keeps its files' mtimes.
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(staging_)) entries.push_back(e.path());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& e : entries) {
      const fs::path to = root_ / e.filename();
      if (::rename(e.c_str(), to.c_str()) != 0) fail("cannot move the build into", to);
    }
    fs::remove(staging_);
    staging_.clear();
  }
  // Remove what the previous build made and this one did not.
  {
    std::ifstream manifest(manifest_path(root_));
    std::string line;
    std::getline(manifest, line);
    while (std::getline(manifest, line)) {
      const auto space = line.find(' ', line.find(' ', line.find(' ') + 1) + 1);
      if (space == std::string::npos) continue;
      const std::string path = line.substr(space + 1);
      const std::size_t made = find_previous(path);
      if (!safe_relative(path) || (made < previous_.size() && made_again_[made])) continue;
      std::error_code ec;
      const fs::path file = root_ / path;
      if (fs::is_regular_file(fs::symlink_status(file, ec)) && fs::remove(file, ec) && !ec) {
        ++removed_;
        // Drop folders the removal emptied, up to the root.
        for (fs::path dir = file.parent_path(); dir != root_ && fs::is_empty(dir, ec);
             dir = dir.parent_path()) {
          fs::remove(dir, ec);
        }
      }
    }
  }
  const fs::path manifest = manifest_path(root_);
  const fs::path tmp = manifest.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kManifestHeader << ' ' << fingerprint << '\n';
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      if (!e.present) continue;
      out << std::hex << e.hash << std::dec << ' ' << e.size << ' ' << e.mtime << ' ' << path_of(i)
          << '\n';
    }
    if (!out) fail("cannot write", tmp);
  }
  fs::rename(tmp, manifest);
}

WriteCounts OutputDir::counts() const {
  return {written_.load(), unchanged_.load(), removed_};
}

}  // namespace versa
