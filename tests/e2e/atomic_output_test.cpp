// A build killed at any moment leaves every file complete: either absent or
// with the bytes a finished build writes, never truncated.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "e2e/run_versa.hpp"

using namespace versa::test;

TEST(AtomicOutput, AKilledBuildLeavesNoPartialFile) {
  TempDir dir;
  // A site large enough to be killed half-way: 100 codes, about 30,000 pages.
  const std::string synth = std::string(VERSA_SYNTH_BINARY) + " '" + VERSA_SOURCE_DIR + "' 100 '" +
                            (dir / "project").string() + "' >/dev/null";
  ASSERT_EQ(std::system(synth.c_str()), 0);
  ASSERT_EQ(run_versa(dir / "project", "build --out complete").status, 0);

  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::chdir((dir / "project").c_str());
    ::execl(VERSA_BINARY, VERSA_BINARY, "build", "--out", "killed", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);

  std::size_t present = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "project/killed")) {
    if (!e.is_regular_file()) continue;
    ++present;
    const fs::path rel = fs::relative(e.path(), dir / "project/killed");
    ASSERT_FALSE(rel.filename().string().ends_with(".tmp")) << rel;
    ASSERT_EQ(read_file(e.path()), read_file(dir / "project/complete" / rel)) << rel;
  }
  std::cout << "killed build left " << present << " complete files\n";
  // The next build finishes the job.
  EXPECT_EQ(run_versa(dir / "project", "build --out killed").status, 0);
  EXPECT_EQ(snapshot(dir / "project/killed"), snapshot(dir / "project/complete"));
}
