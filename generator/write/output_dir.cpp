#include "write/output_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace versa {

namespace fs = std::filesystem;

namespace {

bool safe_relative(std::string_view rel) {
  if (rel.empty() || rel.front() == '/' || rel.find('\0') != std::string_view::npos ||
      rel.find('\\') != std::string_view::npos) {
    return false;
  }
  for (const auto& part : fs::path(rel)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

bool same_bytes(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || size != bytes.size()) return false;
  std::ifstream in(path, std::ios::binary);
  std::string existing(bytes.size(), '\0');
  in.read(existing.data(), static_cast<std::streamsize>(existing.size()));
  return in.gcount() == static_cast<std::streamsize>(bytes.size()) && existing == bytes;
}

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

OutputDir::OutputDir(fs::path root) : root_(std::move(root)) {
  fs::create_directories(root_);
  std::ifstream manifest(root_ / kManifestName);
  for (std::string line; std::getline(manifest, line);) {
    if (safe_relative(line)) previous_.insert(line);
  }
}

bool OutputDir::write(std::string_view relative, std::string_view bytes) {
  if (!safe_relative(relative)) {
    throw std::runtime_error("refusing to write outside the output folder: " +
                             std::string(relative));
  }
  const fs::path target = root_ / fs::path(relative);
  {
    std::lock_guard lock(mutex_);
    produced_.insert(std::string(relative));
  }
  // Never follow a symbolic link out of the output folder.
  for (fs::path p = target.parent_path(); p != root_ && p.has_relative_path();
       p = p.parent_path()) {
    if (fs::is_symlink(p))
      throw std::runtime_error("refusing to write through symbolic link " + p.string());
  }
  if (fs::is_symlink(target)) fs::remove(target);
  if (same_bytes(target, bytes)) {
    ++unchanged_;
    return false;
  }
  fs::create_directories(target.parent_path());
  std::string tmp = target.parent_path() / ".";
  tmp.append(target.filename().string()).append(".XXXXXX");
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) fail("cannot create a temporary file for", target);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail("cannot write", target);
    }
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || ::rename(tmp.c_str(), target.c_str()) != 0) {
    ::unlink(tmp.c_str());
    fail("cannot replace", target);
  }
  ++written_;
  return true;
}

void OutputDir::finish() {
  for (const auto& old : previous_) {
    if (produced_.contains(old)) continue;
    std::error_code ec;
    const fs::path path = root_ / old;
    if (fs::remove(path, ec) && !ec) {
      ++removed_;
      // Drop folders the removal emptied, up to the root.
      for (fs::path dir = path.parent_path(); dir != root_ && fs::is_empty(dir, ec);
           dir = dir.parent_path()) {
        fs::remove(dir, ec);
      }
    }
  }
  std::ostringstream list;
  for (const auto& p : produced_) list << p << '\n';
  const std::string tmp = (root_ / (std::string(kManifestName) + ".tmp")).string();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << list.str();
    if (!out) fail("cannot write", tmp);
  }
  fs::rename(tmp, root_ / kManifestName);
}

WriteCounts OutputDir::counts() const {
  return {written_.load(), unchanged_.load(), removed_};
}

}  // namespace versa
