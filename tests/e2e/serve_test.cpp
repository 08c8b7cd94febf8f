// versa serve: serves the build, rebuilds on save, reloads pages, and shows
// located errors while an input is broken. The server runs as a child process
// whose output the tests read as it comes: they wait for what it prints (its
// URL, each rebuild), never for a fixed time, and take its port from it
// (`--port 0`: the kernel picks a free one, so no test races for a port).
#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>
#include <vector>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

using Clock = std::chrono::steady_clock;
// Long enough for a build under the sanitizers on a busy machine; a test that
// passes never waits for it.
constexpr auto kDeadline = std::chrono::seconds(180);

// `versa serve ARGS` started in `dir`, its stdout and stderr read into one
// buffer by a thread as they come.
class ServeProcess {
 public:
  ServeProcess(const fs::path& dir, const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    std::vector<std::string> argv_text{versa_binary(), "serve"};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string cwd = dir.string();
    pid_ = ::fork();
    if (pid_ == 0) {  // only async-signal-safe calls until exec
      if (::chdir(cwd.c_str()) != 0) ::_exit(126);
      ::dup2(fds[1], 1);
      ::dup2(fds[1], 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    if (pid_ < 0) {
      ::close(fds[0]);
      throw std::runtime_error("fork failed");
    }
    reader_ = std::thread([this, fd = fds[0]] {
      char buffer[4096];
      for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        std::lock_guard lock(mutex_);
        if (n <= 0) {
          eof_ = true;
          changed_.notify_all();
          break;
        }
        output_.append(buffer, static_cast<std::size_t>(n));
        changed_.notify_all();
      }
      ::close(fd);
    });
  }
  ~ServeProcess() {
    if (!exit_status()) {
      ::kill(pid_, SIGTERM);
      if (!wait_exit(std::chrono::seconds(30))) {
        ::kill(pid_, SIGKILL);
        wait_exit(kDeadline);
      }
    }
    reader_.join();
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  [[nodiscard]] std::string output() const {
    std::lock_guard lock(mutex_);
    return output_;
  }

  /// Waits for the next whole line, from offset `from` of the output on,
  /// that matches `re`; moves `from` past it. Returns the line, or nullopt
  /// if the server exits or the deadline passes first.
  std::optional<std::string> wait_line(const std::regex& re, std::size_t& from) {
    std::unique_lock lock(mutex_);
    std::optional<std::string> found;
    changed_.wait_until(lock, Clock::now() + kDeadline, [&] {
      for (std::size_t end; (end = output_.find('\n', from)) != std::string::npos;) {
        std::string line = output_.substr(from, end - from);
        from = end + 1;
        if (std::regex_search(line, re)) {
          found = std::move(line);
          return true;
        }
      }
      return eof_;
    });
    return found;
  }

  void signal(int sig) const { ::kill(pid_, sig); }

  /// Waits until the server's output ends (it exited); its exit status.
  std::optional<int> wait_exit(Clock::duration limit = kDeadline) {
    {
      std::unique_lock lock(mutex_);
      if (!changed_.wait_until(lock, Clock::now() + limit, [&] { return eof_; })) {
        return std::nullopt;
      }
    }
    if (!status_) {
      int raw = 0;
      if (::waitpid(pid_, &raw, 0) == pid_) status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    }
    return status_;
  }
  [[nodiscard]] std::optional<int> exit_status() const { return status_; }

 private:
  pid_t pid_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;
  bool eof_ = false;
  std::optional<int> status_;
};

const std::regex kServing(
    R"(^versa: serving (.+) at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\)$)");
const std::regex kBuilt(
    R"(^versa: (\d+) pages rendered, (\d+) written, (\d+) unchanged, (\d+) removed(; \d+ warnings?)?$)");

// A server that printed its URL: the port it listens on and the folder it serves.
struct Started {
  std::unique_ptr<ServeProcess> process;
  int port = 0;
  std::string root;
  std::size_t read = 0;  // how much of its output the test has looked at
};

Started start(const fs::path& dir, const std::vector<std::string>& args = {"--port", "0"}) {
  Started s;
  s.process = std::make_unique<ServeProcess>(dir, args);
  const auto line = s.process->wait_line(kServing, s.read);
  if (!line) {
    ADD_FAILURE() << "versa serve did not start:\n" << s.process->output();
    return s;
  }
  std::smatch m;
  std::regex_match(*line, m, kServing);
  s.root = m[1];
  s.port = std::stoi(m[2]);
  return s;
}

std::size_t files_below(const fs::path& root, const std::string& extension = "") {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    n += e.is_regular_file() && (extension.empty() || e.path().extension() == extension);
  }
  return n;
}

// The pages below `root` that show the site's name: all but the redirects.
std::size_t named_pages_below(const fs::path& root) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    n += e.is_regular_file() && !HtmlPage(read_file(e.path())).redirects();
  }
  return n;
}

// One raw HTTP/1.1 request, the target sent byte for byte (an HTTP client
// library may normalise "/../" away): the status and the body.
std::pair<int, std::string> raw_get(int port, const std::string& target) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string request =
        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, n);
    }
  }
  ::close(fd);
  std::smatch m;
  if (!std::regex_search(response, m, std::regex(R"(^HTTP/1\.1 (\d{3}) )"))) return {-1, response};
  const auto body = response.find("\r\n\r\n");
  return {std::stoi(m[1]), body == std::string::npos ? "" : response.substr(body + 4)};
}

const std::string kPage = "/de/compare/smtp/211-system-status-vs-214-help-message/";

// A served small copy of the shipped project (228 pages), answering when the
// test body starts.
class ServedSite : public ::testing::Test {
 protected:
  void SetUp() override {
    copy_small_project(dir_.path());
    server_ = start(dir_.path());
    ASSERT_TRUE(server_.port > 0);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_.port);
  }
  TempDir dir_;
  Started server_;
  std::unique_ptr<httplib::Client> client_;
};

std::string site_name(const std::string& html) {
  const HtmlPage page(html);
  const auto names = page.with_class("site-name");
  return names.size() == 1 ? HtmlPage::text(names[0]) : "(" + std::to_string(names.size()) + ")";
}

}  // namespace

TEST(Serve, RebuildsOnSaveAndShowsErrorsUntilFixed) {
  TempDir dir;
  copy_small_project(dir.path());
  Started server = start(dir.path());
  ASSERT_GT(server.port, 0);
  ServeProcess& process = *server.process;
  const fs::path site = dir / "site";

  // What it printed first: the build, then where it serves.
  std::size_t from = 0;
  const auto first = process.wait_line(kBuilt, from);
  ASSERT_TRUE(first) << process.output();
  std::smatch m;
  std::regex_match(*first, m, kBuilt);
  EXPECT_EQ(std::stoul(m[1]), files_below(site, ".html")) << *first;
  EXPECT_EQ(std::stoul(m[2]), files_below(site)) << *first;
  EXPECT_LT(from, server.read) << "the build is reported before the URL";
  EXPECT_EQ(server.root, (fs::canonical(dir.path()) / "site").string());

  httplib::Client client("127.0.0.1", server.port);
  auto res = client.Get(kPage.c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto de = nlohmann::json::parse(read_file(dir / "locales/de.json"));
  EXPECT_EQ(site_name(res->body), de["messages"]["site_name"]);
  // The live-reload script is in the page and carries the number of the
  // build the page comes from, so a build that ends before its first poll
  // still reloads it.
  std::string script;
  const HtmlPage served(res->body);
  for (const GumboNode* s : served.all(GUMBO_TAG_SCRIPT)) {
    if (HtmlPage::text(s).find("/__versa/generation") != std::string::npos) {
      script = HtmlPage::text(s);
    }
  }
  ASSERT_FALSE(script.empty()) << "no live-reload script";
  EXPECT_EQ(client.Get("/no/such/page/")->status, 404);
  const std::string generation = client.Get("/__versa/generation")->body;
  EXPECT_NE(script.find("seen='" + generation + "'"), std::string::npos) << script;

  // Save a change: every German page that shows the name is rebuilt, and only they.
  std::string text = read_file(dir / "locales/de.json");
  const std::string old_name = "\"site_name\": \"Antwortcodes erklärt\"";
  ASSERT_NE(text.find(old_name), std::string::npos);
  text.replace(text.find(old_name), old_name.size(),
               "\"site_name\": \"Antwortcodes im Vergleich\"");
  write_file(dir / "locales/de.json", text);
  from = server.read;
  ASSERT_TRUE(process.wait_line(std::regex("^versa: inputs changed, rebuilding$"), from))
      << process.output();
  const auto rebuilt = process.wait_line(kBuilt, from);
  ASSERT_TRUE(rebuilt) << process.output();
  std::regex_match(*rebuilt, m, kBuilt);
  EXPECT_EQ(std::stoul(m[2]), named_pages_below(site / "de")) << *rebuilt;
  EXPECT_EQ(std::stoul(m[4]), 0u) << *rebuilt;
  EXPECT_EQ(site_name(client.Get(kPage.c_str())->body), "Antwortcodes im Vergleich");
  EXPECT_NE(client.Get("/__versa/generation")->body, generation);  // open pages reload

  // Break a template: pages show the located error; the last build stays on disk.
  const std::string good = read_file(dir / "templates/compare.html");
  std::string broken = good;
  broken.replace(broken.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", broken);
  ASSERT_TRUE(process.wait_line(std::regex("^versa: inputs changed, rebuilding$"), from));
  EXPECT_TRUE(process.wait_line(std::regex(R"(^templates/compare\.html:\d+:\d+: error: )"), from))
      << process.output();
  EXPECT_TRUE(process.wait_line(
      std::regex("^versa: build failed: 1 error, 0 warnings; serving the last good build$"), from))
      << process.output();
  res = client.Get(kPage.c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  const HtmlPage error_page(res->body);
  const auto pre = error_page.all(GUMBO_TAG_PRE);
  ASSERT_EQ(pre.size(), 1u) << res->body;
  EXPECT_TRUE(std::regex_search(HtmlPage::text(pre[0]),
                                std::regex(R"(templates/compare\.html:\d+:\d+: error: )")));
  const auto said = error_page.all(GUMBO_TAG_P);
  ASSERT_EQ(said.size(), 1u) << res->body;
  EXPECT_NE(HtmlPage::text(said[0]).find("The last good build is unchanged on disk."),
            std::string::npos)
      << HtmlPage::text(said[0]);
  EXPECT_EQ(site_name(read_file(site / kPage.substr(1) / "index.html")),
            "Antwortcodes im Vergleich");

  // Fix it: the page comes back.
  write_file(dir / "templates/compare.html", good);
  ASSERT_TRUE(process.wait_line(kBuilt, from)) << process.output();
  res = client.Get(kPage.c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(site_name(res->body), "Antwortcodes im Vergleich");
}

// Requests for a file beside the served folder, which each would reach were
// ".." followed: refused (400), whatever the encoding.
TEST_F(ServedSite, RefusesPathsThatClimbOutOfTheServedFolder) {
  const std::string secret = "versa-outside-secret";
  write_file(dir_ / "secret.txt", secret);  // beside site/, readable
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/de/../../secret.txt",
        "/de/..%2f..%2fsecret.txt", "/de/%2e%2e/%2e%2e/secret.txt", "/de/./../../secret.txt"}) {
    SCOPED_TRACE(target);
    const auto [status, body] = raw_get(server_.port, target);
    EXPECT_EQ(status, 400);
    EXPECT_EQ(body.find(secret), std::string::npos);
  }
  // The same client reaches what is inside.
  const auto [status, body] = raw_get(server_.port, "/de/index.html");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(HtmlPage::attr(HtmlPage(body).all(GUMBO_TAG_HTML).at(0), "lang"), "de");
}

// Links inside the served folder are never followed, wherever they point:
// only what versa wrote into site/ is served.
TEST_F(ServedSite, NeverFollowsSymbolicLinks) {
  const fs::path& dir = dir_.path();
  httplib::Client& client = *client_;

  const std::string secret = "versa-outside-secret";
  TempDir outside;
  write_file(outside / "secret.txt", secret);
  write_file(outside / "index.html", "<html><body>" + secret + "</body></html>");
  write_file(dir / "secret.txt", secret);  // beside site/
  fs::create_directory_symlink(outside.path(), dir / "site/outdir");
  fs::create_directory_symlink(outside.path(), dir / "site/de/outdir");
  fs::create_symlink(outside / "secret.txt", dir / "site/outfile.txt");
  fs::create_symlink(outside / "index.html", dir / "site/de/outfile.html");
  fs::create_symlink("index.html", dir / "site/alias.html");  // even one that stays inside
  const std::string not_found_title = "<title>Page not found";

  for (const char* path :
       {"/outdir/secret.txt", "/outdir/", "/outdir", "/outdir/index.html", "/de/outdir/secret.txt",
        "/de/outdir/", "/outfile.txt", "/de/outfile.html", "/alias.html"}) {
    SCOPED_TRACE(path);
    auto res = client.Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(res->body.find(secret), std::string::npos);
    EXPECT_NE(res->body.find(not_found_title), std::string::npos);  // the site's 404.html
  }
  // Paths that smuggle separators or empty parts are refused, encoded or not.
  for (const char* path :
       {"/..%5csecret.txt", "/index.html%00.txt", "/./index.html", "//index.html"}) {
    SCOPED_TRACE(path);
    auto res = client.Get(path);
    ASSERT_TRUE(res);
    EXPECT_NE(res->status, 200);
    EXPECT_EQ(res->body.find(secret), std::string::npos);
  }
  EXPECT_EQ(client.Get("/index.html")->status, 200);
}

// Pages link relatively, so a folder must be addressed with its slash.
TEST_F(ServedSite, RedirectsAFolderWithoutItsSlash) {
  httplib::Client& client = *client_;

  const std::string page = kPage.substr(0, kPage.size() - 1);
  const std::pair<std::string, std::string> cases[] = {
      {"/vi", "/vi/"},
      {"/vi/compare", "/vi/compare/"},  // a folder without index.html too
      {page, page + "/"},
      {page + "?from=a&to=b", page + "/?from=a&to=b"},
  };
  for (const auto& [path, location] : cases) {
    SCOPED_TRACE(path);
    auto res = client.Get(path.c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 301);
    EXPECT_EQ(res->get_header_value("Location"), location);
  }
  EXPECT_EQ(client.Get("/vi/")->status, 200);
  EXPECT_EQ(client.Get((page + "/").c_str())->status, 200);
  EXPECT_EQ(client.Get("/robots.txt")->status, 200);
  EXPECT_EQ(client.Get("/robots.txt/")->status, 404);  // a file is no folder
}

// A second server on a taken port stops at once instead of sharing it.
TEST(Serve, RefusesAPortInUse) {
  TempDir dir;
  copy_small_project(dir.path());
  Started first = start(dir.path());
  ASSERT_GT(first.port, 0);
  httplib::Client client("127.0.0.1", first.port);
  ASSERT_EQ(client.Get(kPage.c_str())->status, 200);

  // The second one's site has another name, which would show were it to answer.
  TempDir elsewhere;
  copy_small_project(elsewhere.path());
  auto de = nlohmann::json::parse(read_file(elsewhere / "locales/de.json"));
  de["messages"]["site_name"] = "Der zweite Server";
  write_file(elsewhere / "locales/de.json", de.dump(2));
  ServeProcess second(elsewhere.path(), {"--port", std::to_string(first.port)});
  const auto status = second.wait_exit();
  ASSERT_TRUE(status) << second.output();
  EXPECT_EQ(*status, 1);
  EXPECT_EQ(second.output(), "versa: port " + std::to_string(first.port) +
                                 " is already in use on 127.0.0.1; stop the other server or pass "
                                 "--port N\n");

  int answered = 0;
  for (int i = 0; i < 20; ++i) {  // a new connection each time
    auto res = client.Get(kPage.c_str());
    answered += res && res->status == 200 && site_name(res->body) == "Antwortcodes erklärt";
  }
  EXPECT_EQ(answered, 20);  // none went to the second one
}

// A first build that fails has no earlier build to fall back on, and
// nothing says there is one: not the log, not the pages.
TEST(Serve, AFailedFirstBuildSaysNothingIsBuiltYet) {
  TempDir dir;
  copy_small_project(dir.path());
  std::string broken = read_file(dir / "templates/compare.html");
  broken.replace(broken.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", broken);
  Started server = start(dir.path());
  ASSERT_GT(server.port, 0);
  const std::string log = server.process->output();
  std::size_t from = 0;
  EXPECT_TRUE(
      server.process->wait_line(std::regex(R"(^templates/compare\.html:\d+:\d+: error: )"), from))
      << log;
  EXPECT_TRUE(server.process->wait_line(
      std::regex("^versa: build failed: 1 error, 0 warnings; nothing is built yet, so pages show "
                 "the errors until they are fixed$"),
      from))
      << log;
  EXPECT_EQ(log.find("last good build"), std::string::npos) << log;
  httplib::Client client("127.0.0.1", server.port);
  auto res = client.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  const HtmlPage page(res->body);
  const auto pre = page.all(GUMBO_TAG_PRE);
  ASSERT_EQ(pre.size(), 1u) << res->body;
  EXPECT_NE(HtmlPage::text(pre[0]).find("templates/compare.html:"), std::string::npos);
  const auto said = page.all(GUMBO_TAG_P);
  ASSERT_EQ(said.size(), 1u) << res->body;
  EXPECT_NE(HtmlPage::text(said[0]).find("Nothing has been built yet"), std::string::npos)
      << HtmlPage::text(said[0]);
  EXPECT_EQ(HtmlPage::text(said[0]).find("last good build"), std::string::npos)
      << HtmlPage::text(said[0]);
  EXPECT_FALSE(fs::exists(dir / "site"));
}

// Warnings about the inputs are shown while the inputs have them: in the
// log and in a box on every served page, on the first build even when it
// has nothing to do (the site was built before), and gone once fixed.
TEST(Serve, ShowsTheInputsWarningsInTheLogAndOnThePages) {
  TempDir dir;
  copy_small_project(dir.path());
  const std::string original = read_file(dir / "locales/de.json");
  auto de = nlohmann::ordered_json::parse(original);
  ASSERT_EQ(de["messages"].erase("glance_heading"), 1u);
  write_file(dir / "locales/de.json", de.dump(2) + "\n");
  {  // A first server builds the site; the next one's first build is a no-op.
    Started first = start(dir.path());
    ASSERT_GT(first.port, 0);
  }

  Started server = start(dir.path());
  ASSERT_GT(server.port, 0);
  ServeProcess& process = *server.process;
  const std::regex warning(
      R"(^locales/de\.json:\d+:\d+: warning: 1 message\(s\) not translated, English is used: glance_heading$)");
  std::size_t from = 0;
  ASSERT_TRUE(process.wait_line(warning, from)) << process.output();
  const auto built = process.wait_line(kBuilt, from);
  ASSERT_TRUE(built) << process.output();
  EXPECT_TRUE(std::regex_search(*built, std::regex("^versa: 0 pages rendered, 0 written, \\d+ "
                                                   "unchanged, 0 removed; 1 warning$")))
      << *built;

  // The box at the foot of a page: the warning, as the log has it.
  httplib::Client client("127.0.0.1", server.port);
  const auto boxes = [&](const std::string& path) {
    auto res = client.Get(path.c_str());
    std::vector<std::string> texts;
    if (!res || res->status != 200) {
      texts.push_back("(status " + std::to_string(res ? res->status : -1) + ")");
      return texts;
    }
    const HtmlPage page(res->body);
    for (const GumboNode* aside : page.all(GUMBO_TAG_ASIDE)) {
      if (HtmlPage::attr(aside, "id") == "versa-warnings") texts.push_back(HtmlPage::text(aside));
    }
    return texts;
  };
  for (const std::string& path : {kPage, std::string("/"), std::string("/ar/")}) {
    SCOPED_TRACE(path);
    const auto found = boxes(path);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("1 warning"), std::string::npos) << found[0];
    EXPECT_TRUE(std::regex_search(
        found[0],
        std::regex(
            R"(locales/de\.json:\d+:\d+: warning: 1 message\(s\) not translated, English is used: glance_heading)")))
        << found[0];
  }
  // Not in what was published.
  EXPECT_EQ(read_file(dir / "site/index.html").find("versa-warnings"), std::string::npos);

  // Fixed: the log says no more, and the pages show no box.
  write_file(dir / "locales/de.json", original);
  from = server.read;
  ASSERT_TRUE(process.wait_line(std::regex("^versa: inputs changed, rebuilding$"), from))
      << process.output();
  const auto rebuilt = process.wait_line(kBuilt, from);
  ASSERT_TRUE(rebuilt) << process.output();
  EXPECT_EQ(rebuilt->find("warning"), std::string::npos) << *rebuilt;
  EXPECT_TRUE(boxes(kPage).empty());
}

// --out DIR (and its short form -o, with -p for --port): the build goes to
// DIR, which is what is served; nothing goes to site/.
TEST(Serve, WritesAndServesTheFolderOutNames) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--port", "0", "--out", "public"},
        std::vector<std::string>{"-p", "0", "-o", "public"}}) {
    SCOPED_TRACE(args[0]);
    TempDir dir;
    copy_small_project(dir.path());
    Started server = start(dir.path(), args);
    ASSERT_GT(server.port, 0);
    EXPECT_EQ(server.root, (fs::canonical(dir.path()) / "public").string());
    EXPECT_FALSE(fs::exists(dir / "site"));
    ASSERT_TRUE(fs::exists(dir / "public" / kPage.substr(1) / "index.html"));
    // What is served is that folder: a file put there is served.
    write_file(dir / "public/mine.txt", "only in public");
    httplib::Client client("127.0.0.1", server.port);
    auto res = client.Get("/mine.txt");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "only in public");
    res = client.Get(kPage.c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(site_name(res->body), "Antwortcodes erklärt");
  }
}

// "Ctrl-C stops": SIGINT or SIGTERM ends the server at once with status 0,
// even when it comes as soon as the URL is printed.
TEST(Serve, StopsOnCtrlCAsSoonAsItServes) {
  TempDir dir;
  copy_small_project(dir.path());
  for (const int sig : {SIGINT, SIGTERM}) {
    SCOPED_TRACE(sig);
    Started server = start(dir.path());
    ASSERT_GT(server.port, 0);
    server.process->signal(sig);
    const auto status = server.process->wait_exit(std::chrono::seconds(20));
    ASSERT_TRUE(status) << "still running";
    EXPECT_EQ(*status, 0);
  }
}
