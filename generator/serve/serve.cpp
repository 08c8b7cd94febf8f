#include "serve/serve.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/html.hpp"
#include "core/unique_fd.hpp"
#include "write/output_dir.hpp"

namespace versa {

namespace fs = std::filesystem;

namespace {

// Polls for changes with no dependency: the inputs are small, and polling
// works the same on every file system (inotify misses some editors' renames).
std::string fingerprint(const InputPaths& in) {
  std::ostringstream out;
  for (const std::string& root : {in.catalogue, in.locales, in.templates, in.site_config}) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      out << root << ':' << fs::file_size(root, ec) << ':'
          << fs::last_write_time(root, ec).time_since_epoch().count() << '\n';
      continue;
    }
    std::vector<std::string> lines;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::ostringstream line;
      line << it->path().string() << ':' << it->file_size(ec) << ':'
           << it->last_write_time(ec).time_since_epoch().count();
      lines.push_back(line.str());
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& l : lines) out << l << '\n';
  }
  return out.str();
}

// Injected into every HTML page: reloads it once a build later than
// `generation` (the builds finished before the page was read) has finished.
// The number is written into the page, so a build that ends before the
// page's first poll still reloads it. With `warnings` (the last build's,
// printed), a box at the foot of the page lists them, folded under their count.
std::string with_reload(std::string html, unsigned long generation,
                        const std::string& warnings = "", const std::string& count = "") {
  std::string script =
      "<script>(function(){var seen='" + std::to_string(generation) +
      "';setInterval(function(){fetch('/__versa/generation').then(function(r){return r.text();})"
      ".then(function(g){if(g!==seen)location.reload();}).catch(function(){});},400);})();"
      "</script>";
  if (!warnings.empty()) {
    std::string box =
        "<aside id=\"versa-warnings\" lang=\"en\" dir=\"ltr\" style=\"position:fixed;left:0;"
        "right:0;bottom:0;z-index:2147483647;max-height:40vh;overflow:auto;margin:0;padding:"
        ".4rem 1rem;background:#fff8dc;color:#222;border-top:2px solid #c89600;font:14px/1.4 "
        "system-ui,sans-serif;text-align:left\"><details><summary>versa serve: ";
    append_html_escaped(box, count);
    box +=
        " about the inputs (only this preview shows them)</summary><pre style=\"white-space:"
        "pre-wrap;margin:.4rem 0 0;font-size:13px\">";
    append_html_escaped(box, warnings);
    box += "</pre></details></aside>";
    script = box + script;
  }
  const auto body = html.rfind("</body>");
  html.insert(body == std::string::npos ? html.size() : body, script);
  return html;
}

// What every page shows while the inputs are broken. `built` tells whether
// a good build is on disk to come back to.
std::string error_page(const std::string& errors, const std::string& count, bool built,
                       unsigned long generation) {
  std::string page =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>versa: build "
      "failed</title><style>body{font-family:system-ui,sans-serif;margin:2rem;}pre{background:"
      "#fff4f4;border:1px solid #e0a0a0;padding:1rem;white-space:pre-wrap;}</style></head><body>"
      "<h1>The build failed</h1><p>";
  append_html_escaped(page, count);
  page += ". Fix the inputs below and save: this page reloads by itself. ";
  page += built ? "The last good build is unchanged on disk."
                : "Nothing has been built yet: the site appears once the errors are fixed.";
  page += "</p><pre>";
  append_html_escaped(page, errors);
  page += "</pre></body></html>";
  return with_reload(std::move(page), generation);
}

const char* content_type(std::string_view name) {
  const std::string ext = fs::path(name).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".xml") return "application/xml; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  return "application/octet-stream";
}

bool is_html(std::string_view name) {
  return fs::path(name).extension() == ".html";
}

// What a request path names inside the served folder.
struct Lookup {
  enum Kind { file, folder_without_slash, missing, refused } kind = missing;
  UniqueFd fd;       // the regular file, when kind == file
  std::string name;  // its name, for its content type
};

// Opens `name` in the folder `dir` without following a link: a link is
// refused by the kernel (ELOOP), so nothing outside the served folder is
// reachable, whatever a link in it points to and however the path is spelt.
UniqueFd open_beneath(int dir, const std::string& name, int flags) {
  // O_NONBLOCK: opening a FIFO must not block the server.
  return UniqueFd(::openat(dir, name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
}

// Looks `path` (the decoded request path) up from the served folder, one
// component at a time. A path ending in '/' names a folder's index.html.
Lookup look_up(const fs::path& root, std::string_view path) {
  Lookup out;
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string_view::npos ||
      path.find('\\') != std::string_view::npos) {
    out.kind = Lookup::refused;
    return out;
  }
  std::vector<std::string> parts;
  for (std::size_t start = 1;;) {
    const std::size_t slash = path.find('/', start);
    parts.emplace_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  const bool folder_url = parts.back().empty();
  if (folder_url) parts.back() = "index.html";
  for (const std::string& part : parts) {
    if (part.empty() || part == "." || part == "..") {
      out.kind = Lookup::refused;
      return out;
    }
  }

  // The served folder itself may be a link: the user named it.
  UniqueFd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  for (std::size_t i = 0; dir && i + 1 < parts.size(); ++i) {
    dir = open_beneath(dir.get(), parts[i], O_RDONLY | O_DIRECTORY);
  }
  if (!dir) return out;
  UniqueFd fd = open_beneath(dir.get(), parts.back(), O_RDONLY);
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) return out;
  if (S_ISDIR(st.st_mode)) {
    if (!folder_url) out.kind = Lookup::folder_without_slash;
    return out;
  }
  if (!S_ISREG(st.st_mode)) return out;
  out.kind = Lookup::file;
  out.fd = std::move(fd);
  out.name = parts.back();
  return out;
}

std::optional<std::string> read_all(int fd) {
  std::string bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return bytes;
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

// Set by SIGINT or SIGTERM; the watcher stops the server. Not the handler:
// stop() does nothing to a server that has not started listening yet (a
// Ctrl-C right after the URL was printed was lost), and must not be called
// twice.
std::atomic<bool> g_stop_requested{false};
extern "C" void stop_server(int) {
  g_stop_requested = true;
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& log, bool colour) {
  std::mutex mutex;
  // Of the latest build, as the pages show them: its errors (and warnings)
  // when it failed, with "2 errors, 1 warning"; else its warnings, with "1 warning".
  std::string errors, warnings, count;
  // Whether a good build is on disk: one finished here, or the manifest of
  // an earlier one beside the output folder.
  std::error_code ec;
  bool built = fs::exists(fs::absolute(options.build.out_dir).lexically_normal().parent_path() /
                              OutputDir::beside_name(options.build.out_dir, "manifest"),
                          ec);
  std::atomic<unsigned long> generation{0};

  // Rebuilds run one at a time: the first, then the watcher's.
  const auto rebuild = [&] {
    Diagnostics diags;
    const auto summary = build_site(options.build, diags);
    std::ostringstream text;
    diags.print(text);
    {
      std::lock_guard lock(mutex);
      errors = summary ? "" : text.str();
      warnings = summary ? text.str() : "";
      const int n = diags.warning_count();
      count = !summary ? diags.counts() : std::to_string(n) + (n == 1 ? " warning" : " warnings");
      if (summary) built = true;
    }
    diags.print(log, colour);
    if (summary) {
      log << "versa: " << summary->rendered << " pages rendered, " << summary->written
          << " written, " << summary->unchanged << " unchanged, " << summary->removed << " removed"
          << (diags.warning_count() == 0 ? "" : "; " + count) << std::endl;
    } else if (built) {
      log << "versa: build failed: " << diags.counts(colour) << "; serving the last good build"
          << std::endl;
    } else {
      log << "versa: build failed: " << diags.counts(colour)
          << "; nothing is built yet, so pages show the errors until they are fixed" << std::endl;
    }
    ++generation;
  };

  httplib::Server server;
  // cpp-httplib's default sets SO_REUSEPORT, with which a second server
  // binds the same port and the kernel splits requests between the two.
  server.set_socket_options([](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  errno = 0;
  // Port 0: the kernel picks a free one, printed below (tests use it: a port
  // found free and then bound is a race with everyone else on the machine).
  const int port = options.port == 0 ? server.bind_to_any_port("127.0.0.1")
                   : server.bind_to_port("127.0.0.1", options.port) ? options.port
                                                                    : -1;
  if (port <= 0) {
    if (errno == EADDRINUSE) {
      log << "versa: port " << options.port
          << " is already in use on 127.0.0.1; stop the other server or pass --port N" << std::endl;
    } else {
      log << "versa: cannot listen on 127.0.0.1:" << options.port << " (" << std::strerror(errno)
          << ")" << std::endl;
    }
    return 1;
  }
  // The inputs as they are before the first build: a change saved while it
  // runs is rebuilt at once, not missed.
  std::string inputs_seen = fingerprint(options.build.inputs);
  // Bound first, so a taken port is reported before a build's worth of work.
  rebuild();

  const fs::path root = fs::absolute(options.build.out_dir);
  server.Get("/__versa/generation", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::to_string(generation.load()), "text/plain");
  });
  server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    // Read before the page: a page read during a build then reloads when
    // that build ends.
    const unsigned long served_after = generation.load();
    Lookup found = look_up(root, req.path);  // cpp-httplib has percent-decoded it
    if (found.kind == Lookup::refused) {
      res.status = 400;
      return;
    }
    if (found.kind == Lookup::folder_without_slash) {
      // Pages link relatively: their links resolve against the folder only
      // with the slash. The raw target keeps the client's own encoding.
      const std::string& target = req.target;
      const std::size_t query = target.find('?');
      res.set_redirect(
          target.substr(0, query) + "/" + (query == std::string::npos ? "" : target.substr(query)),
          301);
      return;
    }
    std::string page_warnings, page_count;
    {
      std::lock_guard lock(mutex);
      if (!errors.empty() && (found.kind == Lookup::missing || is_html(found.name))) {
        res.status = 500;
        res.set_content(error_page(errors, count, built, served_after), "text/html; charset=utf-8");
        return;
      }
      page_warnings = warnings;
      page_count = count;
    }
    if (found.kind == Lookup::missing) {
      res.status = 404;
      found = look_up(root, "/404.html");
      if (found.kind != Lookup::file) return;
    }
    std::optional<std::string> body = read_all(found.fd.get());
    if (!body) {
      res.status = 500;
      return;
    }
    if (is_html(found.name)) {
      body = with_reload(std::move(*body), served_after, page_warnings, page_count);
    }
    res.set_content(std::move(*body), content_type(found.name));
  });

  std::atomic<bool> running{true};
  std::thread watcher([&, last = std::move(inputs_seen), stop_sent = false]() mutable {
    while (running) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
      if (g_stop_requested) {
        if (!stop_sent && server.is_running()) {
          server.stop();
          stop_sent = true;
        }
        continue;
      }
      const std::string now = fingerprint(options.build.inputs);
      if (now == last) continue;
      last = now;
      log << "versa: inputs changed, rebuilding" << std::endl;
      rebuild();
    }
  });

  std::signal(SIGINT, stop_server);
  std::signal(SIGTERM, stop_server);
  log << "versa: serving " << root.string() << " at http://127.0.0.1:" << port << "/ (Ctrl-C stops)"
      << std::endl;
  const bool ok = server.listen_after_bind();
  running = false;
  watcher.join();
  if (!ok) {
    log << "versa: the server on 127.0.0.1:" << port << " stopped on an error" << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace versa
