// The whole pipeline: load -> validate -> plan -> render -> write.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "load/inputs.hpp"
#include "validate/project.hpp"

namespace versa {

struct BuildOptions {
  InputPaths inputs;
  std::string out_dir = "site";
  bool dry_run = false;  ///< render every page but write nothing
  bool strict = false;   ///< missing translations are errors
  unsigned jobs = 0;     ///< render threads; 0 = one per hardware thread
};

struct BuildSummary {
  std::size_t rendered = 0;
  std::size_t written = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  double seconds = 0;
};

/// Builds the site. Returns nothing when an input is invalid (every problem is
/// in `diags` and nothing was written) or when writing failed (reported too).
std::optional<BuildSummary> build_site(const BuildOptions& options, Diagnostics& diags);

/// Loads and validates every input without writing anything; fills
/// `coverage` with each locale's translation coverage.
bool check_inputs(const InputPaths& inputs, bool strict, Diagnostics& diags,
                  std::vector<LocaleCoverage>& coverage);

}  // namespace versa
