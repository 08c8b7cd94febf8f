// Inputs that are not what they seem (a FIFO, a 4 GiB sparse file), a
// partial including itself in `versa render`, and an absurd --jobs: each ends
// in a located error or a warning, never a hang, a crash or a half-written
// site. Commands run under `timeout 20`, so a hang fails instead of blocking.
#include <sys/stat.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

// The shipped inputs cut down to English and three codes: a build of 8 pages.
void copy_tiny_project(const fs::path& dir) {
  copy_small_project(dir, 3, "en");
}

// `timeout 20 versa <args>`: a versa that hangs fails the test instead of the suite.
RunResult run_with_timeout(const fs::path& dir, const std::string& args,
                           const std::string& env = "") {
  return run_versa(dir, args, env, 20);
}

// A failed first build may leave site/ created but empty, and no manifest.
bool nothing_written(const fs::path& dir) {
  return (!fs::exists(dir / "site") || fs::is_empty(dir / "site")) &&
         !fs::exists(dir / ".site.versa-manifest");
}

}  // namespace

TEST(InputSafety, AFifoAsSiteJsonIsRefusedWithoutWaiting) {
  TempDir dir;
  copy_tiny_project(dir.path());
  ASSERT_EQ(::mkfifo((dir / "fifo.json").c_str(), 0644), 0);
  const RunResult r = run_with_timeout(dir.path(), "build --site fifo.json");
  EXPECT_EQ(r.status, 1) << r.err;  // 124 would be timeout's: versa waited for a writer
  EXPECT_NE(r.err.find("fifo.json: error: is a FIFO, not a regular file;"), std::string::npos)
      << r.err;
  EXPECT_TRUE(nothing_written(dir.path()));
}

TEST(InputSafety, AFifoAmongTheLocalesIsRefusedLocated) {
  TempDir dir;
  copy_tiny_project(dir.path());
  ASSERT_EQ(::mkfifo((dir / "locales/xx.json").c_str(), 0644), 0);
  const RunResult r = run_with_timeout(dir.path(), "build");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("locales/xx.json: error: is a FIFO, not a regular file;"), std::string::npos)
      << r.err;
  EXPECT_TRUE(nothing_written(dir.path()));
}

TEST(InputSafety, AFifoAmongTheTemplatesIsSkipped) {
  TempDir dir;
  copy_tiny_project(dir.path());
  ASSERT_EQ(::mkfifo((dir / "templates/partials/fifo.html").c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo((dir / "templates/assets/fifo.css").c_str(), 0644), 0);
  const RunResult r = run_with_timeout(dir.path(), "build");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "site/assets/style.css"));
  EXPECT_FALSE(fs::exists(dir / "site/assets/fifo.css"));
}

TEST(InputSafety, AHugeSparseLocaleIsRefusedBeforeItIsRead) {
  TempDir dir;
  copy_tiny_project(dir.path());
  // Sparse: 4 GiB long, no disk used. Read whole, it would need 4 GiB of memory.
  write_file(dir / "locales/xx.json", "{}");
  fs::resize_file(dir / "locales/xx.json", std::uintmax_t{4} << 30);
  const RunResult r = run_with_timeout(dir.path(), "build");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("locales/xx.json:1:1: error: file is 4096 MiB; input files may be at "
                       "most 32 MiB (is this the right file?)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_TRUE(nothing_written(dir.path()));
}

TEST(InputSafety, RenderReportsAPartialIncludingItselfLocated) {
  TempDir dir;
  write_file(dir / "page.html", "{{>loop}}");
  write_file(dir / "parts/loop.html", "x\n  {{>loop}}");
  write_file(dir / "data.json", "{}");
  const RunResult r =
      run_with_timeout(dir.path(), "render page.html --data data.json --partials parts");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(
      r.err.find("parts/loop.html:2:3: error: partial 'loop' nests more than 200 levels deep"),
      std::string::npos)
      << r.err;
}

TEST(InputSafety, TooManyJobsAreCappedWithAWarning) {
  TempDir dir;
  copy_tiny_project(dir.path());
  const RunResult r = run_with_timeout(dir.path(), "build --jobs 100000");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("versa: warning: --jobs 100000 is more than versa uses; using "),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::exists(dir / "site/index.html"));
  // Nothing but the inputs, the site and its manifest: no staging folder left.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{".site.versa-manifest", "catalogue", "locales", "site",
                                             "site.json", "templates"}));
}

TEST(InputSafety, AnEscapingExceptionIsOneLineAndStatus70) {
  // An exception no handler expects (a bug, injected once the command line
  // is parsed): main() must report it in one line, not abort (status 134).
  TempDir dir;
  copy_tiny_project(dir.path());
  const RunResult r = run_with_timeout(dir.path(), "build", "VERSA_TEST_FAULT=command:1:bug");
  EXPECT_EQ(r.status, 70) << r.err;
  EXPECT_EQ(r.err, "versa: internal error: injected bug at command; please report it\n");
}

// new-locale with a catalogue folder that does not exist threw a
// filesystem_error (an internal error); it is a located error like build's.
TEST(InputSafety, NewLocaleWithAMissingCatalogueFolderSaysWhich) {
  TempDir dir;
  copy_tiny_project(dir.path());
  const RunResult r = run_with_timeout(dir.path(), "new-locale pt-BR --catalogue nope");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err.rfind("nope: error: folder not found; ", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(dir / "locales/pt-BR.json"));
}

TEST(InputSafety, AMissingPageTemplateIsAnErrorNotACrash) {
  TempDir dir;
  copy_tiny_project(dir.path());
  fs::remove(dir / "templates/404.html");
  for (const std::string command : {"check", "build"}) {
    const RunResult r = run_with_timeout(dir.path(), command);
    EXPECT_EQ(r.status, 1) << command << ": " << r.err;  // 139 was a segfault
    EXPECT_NE(r.err.find("templates: error: page template templates/404.html is missing"),
              std::string::npos)
        << r.err;
  }
  EXPECT_TRUE(nothing_written(dir.path()));
}
