// Test support: diagnostics as the user reads them, and long test inputs.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace versa::test {

/// Every diagnostic, formatted, sorted (the order of reporting is no promise).
inline std::vector<std::string> formatted(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.push_back(format_diagnostic(x));
  std::sort(out.begin(), out.end());
  return out;
}

/// The first diagnostic reported, formatted; empty when there is none.
inline std::string first_error(const Diagnostics& d) {
  return d.all().empty() ? "" : format_diagnostic(d.all().front());
}

/// `s` written `n` times.
inline std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace versa::test
