#include "write/fault_points.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "write/file_ops.hpp"

namespace versa {

namespace {

struct Fault {
  std::string point;
  long at = 0;
  std::string kind;  // "kill", "fail" or "bug"
};

// Parsed once; a malformed value disables injection.
const Fault& configured() {
  static const Fault fault = [] {
    Fault f;
    const char* env = std::getenv("VERSA_TEST_FAULT");
    if (env == nullptr) return f;
    const std::string v = env;
    const auto a = v.find(':'), b = v.rfind(':');
    if (a == std::string::npos || a == b) return f;
    f.point = v.substr(0, a);
    f.at = std::strtol(v.c_str() + a + 1, nullptr, 10);
    f.kind = v.substr(b + 1);
    return f;
  }();
  return fault;
}

std::atomic<long> hits{0};

}  // namespace

void fault_point(std::string_view point) {
  const Fault& f = configured();
  if (f.at <= 0 || point != f.point || ++hits != f.at) return;
  if (f.kind == "kill") ::kill(::getpid(), SIGKILL);
  if (f.kind == "bug") throw std::logic_error("injected bug at " + f.point);
  errno = ENOSPC;
  throw_file_error("cannot write (injected fault at " + f.point + ")", "");
}

}  // namespace versa
