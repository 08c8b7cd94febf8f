#include "core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/unique_fd.hpp"

namespace versa {

namespace {

// "a FIFO", "a device", ... for a file type that is not a regular file.
const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a folder";
  return "not a file";
}

void report_not_regular(const std::string& path, mode_t mode, Diagnostics& diags) {
  diags.error({path}, std::string("is ") + kind_of(mode) +
                          ", not a regular file; inputs must be regular files: "
                          "replace it with one, or pass the path of one");
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// Opens `path` and checks it is a regular file of at most `max_bytes`; its
// size, or nothing with the error reported (`fd` may then be open or not).
std::optional<std::size_t> open_checked(const std::string& name, std::size_t max_bytes,
                                        UniqueFd& fd, Diagnostics& diags) {
  fd = UniqueFd(::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  struct stat st {};
  if (fd.get() < 0) {
    const int open_errno = errno;
    // A socket cannot be opened at all (ENXIO): say what it is, not just why open failed.
    if (::stat(name.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      report_not_regular(name, st.st_mode, diags);
    } else {
      diags.error({name}, std::string("cannot open file (") + std::strerror(open_errno) +
                              "); check that it exists and is readable");
    }
    return std::nullopt;
  }
  if (::fstat(fd.get(), &st) != 0) {
    diags.error({name}, std::string("cannot read file (") + std::strerror(errno) + ")");
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    report_not_regular(name, st.st_mode, diags);
    return std::nullopt;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) {
    diags.error({name, 1, 1}, "file is " + size_text(size) + "; input files may be at most " +
                                  size_text(max_bytes) + " (is this the right file?)");
    return std::nullopt;
  }
  return size;
}

}  // namespace

bool check_input_file(std::string_view path, std::size_t max_bytes, Diagnostics& diags) {
  UniqueFd fd;
  return open_checked(std::string(path), max_bytes, fd, diags).has_value();
}

std::optional<std::string> read_input_file(std::string_view path, std::size_t max_bytes,
                                           Diagnostics& diags) {
  const std::string name(path);
  UniqueFd fd;
  const auto checked = open_checked(name, max_bytes, fd, diags);
  if (!checked) return std::nullopt;
  const std::size_t size = *checked;
  // One piece of the size fstat gave: a growing buffer would take up to twice
  // the room, and bytes appended meanwhile are not read.
  std::string text(size, '\0');
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd.get(), text.data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diags.error({name}, std::string("cannot read file (") + std::strerror(errno) + ")");
      return std::nullopt;
    }
    if (n == 0) break;  // the file shrank after fstat
    done += static_cast<std::size_t>(n);
  }
  text.resize(done);
  return text;
}

}  // namespace versa
