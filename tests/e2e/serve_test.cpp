// versa serve: serves the build, rebuilds on save, reloads pages, and shows
// located errors while an input is broken.
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
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

// Runs `versa serve` in the background for the length of a test.
class Server {
 public:
  Server(const fs::path& dir, int port) : dir_(dir) {
    const std::string cmd = "cd '" + dir.string() + "' && sh -c 'echo $$ > serve.pid; exec \"" +
                            std::string(VERSA_BINARY) + "\" serve --port " + std::to_string(port) +
                            "' > serve.log 2>&1 &";
    std::system(cmd.c_str());
  }
  ~Server() {
    const std::string pid = read_file(dir_ / "serve.pid");
    if (!pid.empty()) ::kill(std::stoi(pid), SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

 private:
  fs::path dir_;
};

// Polls `path` until `pred(body, status)` holds or ten seconds pass.
template <typename Pred>
bool eventually(httplib::Client& client, const std::string& path, Pred pred) {
  for (int i = 0; i < 100; ++i) {
    if (auto res = client.Get(path.c_str()); res && pred(res->body, res->status)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace

TEST(Serve, RebuildsOnSaveAndShowsErrorsUntilFixed) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  const int port = free_port();
  Server server(dir.path(), port);
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
