// Test support: runs the versa binary and captures its exit status and output.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "support/temp_dir.hpp"

namespace versa::test {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

/// The versa program under test: $VERSA_TEST_BINARY when set (the sanitizer
/// passes of scripts/test.sh point it at their instrumented build), else the
/// one built beside these tests.
inline std::string versa_binary() {
  const char* env = std::getenv("VERSA_TEST_BINARY");
  return env && *env ? env : VERSA_BINARY;
}

/// Runs `versa <args>` in `cwd` (args are passed through the shell), with
/// `env` ("NAME=value ...") added to its environment; with `timeout_seconds`,
/// under `timeout`, which kills it then (status 124).
inline RunResult run_versa(const fs::path& cwd, const std::string& args,
                           const std::string& env = "", int timeout_seconds = 0) {
  TempDir capture;
  const std::string limit =
      timeout_seconds > 0 ? "timeout " + std::to_string(timeout_seconds) + " " : "";
  const std::string cmd = "cd '" + cwd.string() + "' && " + env + " " + limit + "'" +
                          versa_binary() + "' " + args + " >'" +
                          (capture / "out").string() + "' 2>'" + (capture / "err").string() + "'";
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(capture / "out");
  r.err = read_file(capture / "err");
  return r;
}

}  // namespace versa::test
