#include "write/file_ops.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "write/fault_points.hpp"

namespace versa {

void throw_file_error(std::string_view what, std::string_view path) {
  throw FileError(std::string(what) + " " + std::string(path) + ": " + std::strerror(errno));
}

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

UniqueFd open_folder_at(int dir, const char* name, bool create, std::string_view shown) {
  // mkdir first: on a fresh build it is the only call that finds work to do.
  if (create && ::mkdirat(dir, name, 0755) != 0 && errno != EEXIST) {
    throw_file_error("cannot create folder", shown);
  }
  UniqueFd fd(::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd) return fd;
  if (errno == ENOENT && !create) return fd;
  if (errno == ELOOP || errno == ENOTDIR) {
    throw FileError("refusing to go through " + std::string(shown) +
                    ": it is a symbolic link or a file, not a folder versa made");
  }
  throw_file_error("cannot open folder", shown);
}

namespace {

void write_all(int fd, std::string_view bytes, std::string_view shown) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_file_error("cannot write", shown);
    done += static_cast<std::size_t>(n);
  }
}

std::int64_t finish_file(const UniqueFd& fd, std::string_view shown) {
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw_file_error("cannot write", shown);
  return mtime_ns(st);
}

}  // namespace

std::int64_t create_file_at(int dir, const char* name, std::string_view bytes,
                            std::string_view shown) {
  UniqueFd fd(::openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (!fd) throw_file_error("cannot create", shown);
  write_all(fd.get(), bytes, shown);
  const std::int64_t mtime = finish_file(fd, shown);
  if (::close(fd.release()) != 0) throw_file_error("cannot write", shown);
  return mtime;
}

std::int64_t replace_file_at(int dir, const char* name, std::string_view bytes,
                             const std::string& temp_name, std::string_view shown) {
  // The new bytes go to an unnamed file (O_TMPFILE) that gets a name only
  // when complete; a file system without O_TMPFILE gets a named temporary.
  UniqueFd fd(::openat(dir, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644));
  const bool unnamed = static_cast<bool>(fd);
  if (!unnamed) {
    fd = UniqueFd(::openat(dir, temp_name.c_str(),
                           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd) throw_file_error("cannot create a temporary file for", shown);
  }
  bool temp_exists = !unnamed;
  try {
    write_all(fd.get(), bytes, shown);
    const std::int64_t mtime = finish_file(fd, shown);
    if (unnamed) {
      // AT_EMPTY_PATH names the file by its descriptor (needs
      // CAP_DAC_READ_SEARCH); /proc/self/fd does the same for everyone.
      const std::string self = "/proc/self/fd/" + std::to_string(fd.get());
      const auto link_as = [&](const char* as) {
        return ::linkat(fd.get(), "", dir, as, AT_EMPTY_PATH) == 0 ||
               (errno != EEXIST &&
                ::linkat(AT_FDCWD, self.c_str(), dir, as, AT_SYMLINK_FOLLOW) == 0);
      };
      if (link_as(name)) return mtime;
      if (errno != EEXIST) throw_file_error("cannot create", shown);
      // The name is taken (a rebuild): link under the temporary name, rename over.
      if (!link_as(temp_name.c_str()))
        throw_file_error("cannot create a temporary file for", shown);
      temp_exists = true;
    }
    fault_point("rename");
    if (::renameat(dir, temp_name.c_str(), dir, name) != 0)
      throw_file_error("cannot replace", shown);
    return mtime;
  } catch (...) {
    if (temp_exists) ::unlinkat(dir, temp_name.c_str(), 0);
    throw;
  }
}

std::optional<std::string> read_regular_at(int dir, const char* name, std::uint64_t expected_size) {
  UniqueFd fd(::openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uint64_t>(st.st_size) != expected_size) {
    return std::nullopt;
  }
  std::string bytes(expected_size, '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

std::vector<std::string> list_folder(int dir) {
  std::vector<std::string> names;
  const int copy = ::fcntl(dir, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return names;
  DIR* d = ::fdopendir(copy);
  if (d == nullptr) {
    ::close(copy);
    return names;
  }
  ::rewinddir(d);
  while (const dirent* e = ::readdir(d)) {
    const std::string_view n = e->d_name;
    if (n != "." && n != "..") names.emplace_back(n);
  }
  ::closedir(d);
  return names;
}

bool remove_tree_at(int dir, const char* name) {
  struct stat st {};
  if (::fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return errno == ENOENT;
  if (!S_ISDIR(st.st_mode)) return ::unlinkat(dir, name, 0) == 0;
  bool ok = true;
  {
    const UniqueFd sub(::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!sub) return false;
    for (const std::string& entry : list_folder(sub.get())) {
      ok = remove_tree_at(sub.get(), entry.c_str()) && ok;
    }
  }
  return ::unlinkat(dir, name, AT_REMOVEDIR) == 0 && ok;
}

}  // namespace versa
