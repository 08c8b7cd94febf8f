// The last line of defence of `versa` and `versa-serve`: no exception
// leaves main().
#pragma once

#include <exception>
#include <iostream>

namespace versa {

/// Exit status for a bug in versa (EX_SOFTWARE in sysexits.h).
inline constexpr int kInternalErrorStatus = 70;

/// Runs `body` (main's work) and returns its status. Any exception that
/// escapes it is a bug: it becomes one line on stderr, "versa: internal error:
/// <what>; please report it" (or "versa: internal error" for one that is not
/// a std::exception), and status 70, instead of std::terminate's abort.
/// Throws nothing.
template <class Body>
int run_reporting_internal_errors(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    std::cerr << "versa: internal error: " << e.what() << "; please report it" << std::endl;
  } catch (...) {
    std::cerr << "versa: internal error" << std::endl;
  }
  return kInternalErrorStatus;
}

}  // namespace versa
