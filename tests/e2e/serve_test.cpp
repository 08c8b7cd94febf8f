// versa serve: serves the build, rebuilds on save, reloads pages, and shows
// located errors while an input is broken.
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

#include "e2e/run_versa.hpp"

using namespace versa::test;

namespace {

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

using Clock = std::chrono::steady_clock;

// Polls `done` every 50 ms until it holds or `seconds` pass; returns whether it held.
template <typename Done>
bool poll_until(Done done, int seconds) {
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

// Runs `versa serve --port PORT` in `dir` in the background for the length of
// a test: its output goes to NAME.log, its exit status to NAME.rc.
class Server {
 public:
  Server(const fs::path& dir, int port, const std::string& name = "serve")
      : pid_file_(dir / (name + ".pid")),
        log_file_(dir / (name + ".log")),
        rc_file_(dir / (name + ".rc")) {
    const std::string cmd = "cd '" + dir.string() + "' && ( sh -c 'echo $$ > " + name +
                            ".pid; exec \"" + versa_binary() + "\" serve --port " +
                            std::to_string(port) + "' > " + name + ".log 2>&1; echo $? > " + name +
                            ".rc ) &";
    std::system(cmd.c_str());
    poll_until([&] { return !read_file(pid_file_).empty(); }, 10);
  }
  ~Server() {
    if (exited()) return;
    const std::string pid = read_file(pid_file_);
    if (!pid.empty()) ::kill(std::stoi(pid), SIGTERM);
    poll_until([&] { return exited(); }, 10);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] std::string log() const { return read_file(log_file_); }
  [[nodiscard]] bool exited() const { return !read_file(rc_file_).empty(); }
  [[nodiscard]] int exit_status() const { return std::stoi(read_file(rc_file_)); }
  // Whether it printed its URL, i.e. listens (or is about to).
  [[nodiscard]] bool serving() const { return log().find(" at http://") != std::string::npos; }

 private:
  fs::path pid_file_, log_file_, rc_file_;
};

// Starts `versa serve` in `dir` on a free port and waits until it serves;
// starts it again on another port if someone took that one meanwhile.
std::unique_ptr<Server> start_server(const fs::path& dir, int& port) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    port = free_port();
    auto server = std::make_unique<Server>(dir, port);
    poll_until([&] { return server->serving() || server->exited(); }, 120);
    if (server->serving()) return server;
    if (server->log().find("already in use") == std::string::npos) break;
  }
  ADD_FAILURE() << "versa serve did not start";
  return nullptr;
}

// Polls `path` until `pred(body, status)` holds or ten seconds pass.
template <typename Pred>
bool eventually(httplib::Client& client, const std::string& path, Pred pred) {
  for (int i = 0; i < 100; ++i) {
    if (auto res = client.Get(path.c_str()); res && pred(res->body, res->status)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// A served copy of the shipped project, answering when the test body starts.
class ServedSite : public ::testing::Test {
 protected:
  void SetUp() override {
    copy_shipped_inputs(dir_.path());
    server_ = start_server(dir_.path(), port_);
    ASSERT_TRUE(server_);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    ASSERT_TRUE(
        eventually(*client_, "/", [](const std::string&, int status) { return status == 200; }));
  }
  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace

TEST(Serve, RebuildsOnSaveAndShowsErrorsUntilFixed) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  int port = 0;
  const auto server = start_server(dir.path(), port);
  ASSERT_TRUE(server);
  httplib::Client client("127.0.0.1", port);
  const std::string page = "/de/compare/smtp/211-system-status-vs-250-ok/";

  ASSERT_TRUE(eventually(client, page, [](const std::string& body, int status) {
    return status == 200 && body.find("Antwortcodes") != std::string::npos;
  }));
  auto first = client.Get(page.c_str());
  EXPECT_NE(first->body.find("/__versa/generation"), std::string::npos);  // live reload
  EXPECT_EQ(client.Get("/no/such/page/")->status, 404);
  EXPECT_EQ(client.Get("/../etc/passwd")->status == 200, false);
  const std::string generation = client.Get("/__versa/generation")->body;

  // Save a change: the page is rebuilt and the generation moves on.
  std::string de = read_file(dir / "locales/de.json");
  const std::string old_name = "\"site_name\": \"Antwortcodes erklärt\"";
  ASSERT_NE(de.find(old_name), std::string::npos);
  de.replace(de.find(old_name), old_name.size(), "\"site_name\": \"Antwortcodes im Vergleich\"");
  write_file(dir / "locales/de.json", de);
  EXPECT_TRUE(eventually(client, page, [](const std::string& body, int) {
    return body.find("Antwortcodes im Vergleich") != std::string::npos;
  }));
  EXPECT_TRUE(eventually(client, "/__versa/generation",
                         [&](const std::string& body, int) { return body != generation; }));

  // Break a template: pages show the located error; the last build stays on disk.
  const std::string good = read_file(dir / "templates/compare.html");
  std::string broken = good;
  broken.replace(broken.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", broken);
  EXPECT_TRUE(eventually(client, page, [](const std::string& body, int status) {
    return status == 500 && body.find("templates/compare.html:") != std::string::npos;
  }));
  EXPECT_NE(read_file(dir / ("site" + page + "index.html")).find("Antwortcodes im Vergleich"),
            std::string::npos);

  // Fix it: the page comes back.
  write_file(dir / "templates/compare.html", good);
  EXPECT_TRUE(eventually(client, page, [](const std::string& body, int status) {
    return status == 200 && body.find("Antwortcodes im Vergleich") != std::string::npos;
  }));
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
  // Paths that climb out or smuggle separators are refused, encoded or not.
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/de/..%2f..%2fsecret.txt",
                           "/de/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/index.html%00.txt",
                           "/./index.html", "//index.html"}) {
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

  const std::string page = "/de/compare/smtp/211-system-status-vs-250-ok";
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
  copy_shipped_inputs(dir.path());
  int port = 0;
  const auto first = start_server(dir.path(), port);
  ASSERT_TRUE(first);
  httplib::Client client("127.0.0.1", port);
  const std::string page = "/de/compare/smtp/211-system-status-vs-250-ok/";
  ASSERT_TRUE(
      eventually(client, page, [](const std::string&, int status) { return status == 200; }));

  // The second one has no inputs, so were it to answer, its pages would be errors.
  TempDir elsewhere;
  Server second(elsewhere.path(), port, "second");
  poll_until([&] { return second.exited() || second.serving(); }, 60);
  EXPECT_TRUE(second.exited()) << second.log();
  if (second.exited()) {
    EXPECT_NE(second.exit_status(), 0);
  }
  EXPECT_NE(second.log().find("versa: port " + std::to_string(port) +
                              " is already in use on 127.0.0.1; stop the other server or pass "
                              "--port N"),
            std::string::npos)
      << second.log();
  EXPECT_EQ(second.log().find("http://"), std::string::npos) << second.log();

  int answered = 0;
  for (int i = 0; i < 20; ++i) {  // a new connection each time
    auto res = client.Get(page.c_str());
    if (res && res->status == 200 && res->body.find("Antwortcodes") != std::string::npos) {
      ++answered;
    }
  }
  EXPECT_EQ(answered, 20);  // none went to the second one
}

// A first build that fails has no earlier build to fall back on.
TEST(Serve, AFailedFirstBuildSaysPagesShowTheErrors) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  std::string broken = read_file(dir / "templates/compare.html");
  broken.replace(broken.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", broken);
  int port = 0;
  const auto server = start_server(dir.path(), port);
  ASSERT_TRUE(server);
  const std::string log = server->log();
  EXPECT_NE(log.find("templates/compare.html:"), std::string::npos) << log;
  EXPECT_NE(log.find("versa: build failed; pages show the errors until it is fixed"),
            std::string::npos)
      << log;
  EXPECT_EQ(log.find("last good build"), std::string::npos) << log;
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  EXPECT_NE(res->body.find("templates/compare.html:"), std::string::npos);
}
