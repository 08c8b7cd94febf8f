#include "write/manifest.hpp"

#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <charconv>
#include <cstdio>

namespace versa {

namespace {

constexpr std::string_view kManifestHeader = "versa-manifest 2";
constexpr std::string_view kJournalHeader = "versa-journal 1";

std::string_view header(RecordKind kind) {
  return kind == RecordKind::manifest ? kManifestHeader : kJournalHeader;
}

// Parses "hash size mtime path" (manifest) or "hash size path" (journal).
bool parse_line(std::string_view line, RecordKind kind, ManifestEntry& e) {
  const auto field = [&line](auto& value, int base) {
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), value, base);
    if (ec != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
    line.remove_prefix(static_cast<std::size_t>(end - line.data()) + 1);
    return true;
  };
  e.mtime = 0;
  if (!field(e.hash, 16) || !field(e.size, 10)) return false;
  if (kind == RecordKind::manifest && !field(e.mtime, 10)) return false;
  e.path = line;
  return true;
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

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

std::optional<std::string> read_record(int fd, RecordKind kind,
                                       const std::function<void(const ManifestEntry&)>& each,
                                       std::string& why) {
  if (::lseek(fd, 0, SEEK_SET) != 0) {
    why = "cannot be read";
    return std::nullopt;
  }
  // Read in blocks and cut lines, so a manifest of 270,000 files is never
  // held whole in memory.
  std::string pending;
  char block[1 << 16];
  bool first = true;
  std::string fingerprint;
  std::size_t line_number = 0;
  const auto take = [&](std::string_view line) -> bool {
    ++line_number;
    if (first) {
      first = false;
      const std::string_view h = header(kind);
      if (!line.starts_with(h) || (line.size() > h.size() && line[h.size()] != ' ')) {
        why = "its first line is not \"" + std::string(h) + "\": it was not written by this versa";
        return false;
      }
      if (line.size() > h.size()) fingerprint = line.substr(h.size() + 1);
      return true;
    }
    ManifestEntry e;
    if (!parse_line(line, kind, e)) {
      why = "line " + std::to_string(line_number) + " is malformed";
      return false;
    }
    if (!safe_relative(e.path)) {
      why = "line " + std::to_string(line_number) + " names a path outside the output folder";
      return false;
    }
    each(e);
    return true;
  };
  for (;;) {
    const ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      why = "cannot be read";
      return std::nullopt;
    }
    if (n == 0) break;
    pending.append(block, static_cast<std::size_t>(n));
    std::size_t start = 0;
    for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1) {
      if (!take(std::string_view(pending).substr(start, nl - start))) return std::nullopt;
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) {  // a last line without its newline: cut short
    why = "its last line is incomplete";
    return std::nullopt;
  }
  if (first) {
    why = "it is empty";
    return std::nullopt;
  }
  return fingerprint;
}

RecordWriter::RecordWriter(UniqueFd fd, RecordKind kind, std::string_view fingerprint,
                           std::string shown, bool append)
    : fd_(std::move(fd)), kind_(kind), shown_(std::move(shown)) {
  if (append) return;
  buffer_.append(header(kind));
  if (kind == RecordKind::manifest) buffer_.append(" ").append(fingerprint);
  buffer_ += '\n';
}

void RecordWriter::add(const ManifestEntry& e, bool flush_now) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(e.hash));
  buffer_.append(hex).append(" ").append(std::to_string(e.size)).append(" ");
  if (kind_ == RecordKind::manifest) buffer_.append(std::to_string(e.mtime)).append(" ");
  buffer_.append(e.path).append("\n");
  if (flush_now || buffer_.size() > (1 << 16)) flush();
}

void RecordWriter::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_.get(), buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_file_error("cannot write", shown_);
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void RecordWriter::close() {
  flush();
  if (::close(fd_.release()) != 0) throw_file_error("cannot write", shown_);
}

}  // namespace versa
