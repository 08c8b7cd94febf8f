// A build killed at any moment leaves every file complete: in its old version
// or its new one, never truncated. A build into an empty folder publishes
// nothing until it has written everything.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "e2e/run_versa.hpp"

using namespace versa::test;

namespace {

// A site large enough to be killed half-way: 100 codes, about 30,000 pages.
void make_large_project(const fs::path& project) {
  const std::string synth = std::string(VERSA_SYNTH_BINARY) + " '" + VERSA_SOURCE_DIR + "' 100 '" +
                            project.string() + "' >/dev/null";
  ASSERT_EQ(std::system(synth.c_str()), 0);
}

// Starts `versa build --out <out>` in `project` and kills it after `ms`.
void build_and_kill(const fs::path& project, const std::string& out, int ms) {
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::chdir(project.c_str()) != 0) ::_exit(126);
    ::execl(VERSA_BINARY, VERSA_BINARY, "build", "--out", out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

// Names in `folder` that are not `keep`.
std::vector<std::string> others(const fs::path& folder, const std::set<std::string>& keep) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) {
    if (!keep.contains(e.path().filename().string())) names.push_back(e.path().filename());
  }
  return names;
}

}  // namespace

TEST(AtomicOutput, AKilledFirstBuildPublishesNothing) {
  TempDir dir;
  const fs::path project = dir / "project";
  make_large_project(project);
  ASSERT_EQ(run_versa(project, "build --out complete").status, 0);
  const std::set<std::string> inputs = {"catalogue", "locales",  "templates",
                                        "site.json", "complete", ".complete.versa-manifest",
                                        "killed"};

  build_and_kill(project, "killed", 400);
  // Killed while staging: the output folder is still empty.
  if (fs::exists(project / "killed")) {
    EXPECT_TRUE(fs::is_empty(project / "killed"));
  }
  // The next build cleans up what the killed one left beside the folder.
  ASSERT_EQ(run_versa(project, "build --out killed").status, 0);
  EXPECT_EQ(snapshot(project / "killed"), snapshot(project / "complete"));
  const std::vector<std::string> left = others(project, inputs);
  EXPECT_EQ(left, std::vector<std::string>{".killed.versa-manifest"});
}

TEST(AtomicOutput, AKilledRebuildLeavesEveryFileOldOrNew) {
  TempDir dir;
  const fs::path project = dir / "project";
  make_large_project(project);
  ASSERT_EQ(run_versa(project, "build --out old").status, 0);
  ASSERT_EQ(run_versa(project, "build --out killed").status, 0);
  // Every page changes: the layout gets a comment.
  {
    std::ofstream layout(project / "templates/layout.html", std::ios::app);
    layout << "<!-- v2 -->\n";
  }
  ASSERT_EQ(run_versa(project, "build --out new").status, 0);

  build_and_kill(project, "killed", 700);
  std::size_t old_files = 0, new_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(project / "killed")) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = fs::relative(e.path(), project / "killed");
    ASSERT_FALSE(rel.filename().string().ends_with(".tmp")) << rel;
    const std::string bytes = read_file(e.path());
    if (bytes == read_file(project / "new" / rel)) {
      ++new_files;
    } else {
      ASSERT_EQ(bytes, read_file(project / "old" / rel)) << rel << " is neither old nor new";
      ++old_files;
    }
  }
  std::cout << "killed rebuild left " << old_files << " old and " << new_files << " new files\n";
  EXPECT_GT(old_files + new_files, 0u);
  // The next build finishes the job.
  ASSERT_EQ(run_versa(project, "build --out killed").status, 0);
  EXPECT_EQ(snapshot(project / "killed"), snapshot(project / "new"));
}
