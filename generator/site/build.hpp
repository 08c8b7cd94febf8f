// The whole pipeline: load -> validate -> plan -> render -> write.
#pragma once

#include <cstddef>
#include <cstdint>
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

/// Builds the site. Returns nothing when an input is invalid or a page cannot
/// be rendered (every problem is in `diags`, nothing was written) or when
/// writing failed (reported too). `published`, when given, receives how many
/// files reached the output folder: after a failure, the folder then mixes
/// old and new files until the next successful build completes it.
std::optional<BuildSummary> build_site(const BuildOptions& options, Diagnostics& diags,
                                       std::size_t* published = nullptr);

/// Everything a build does but write: loads and validates every input and
/// renders every page in memory, so inputs it accepts build without error.
/// Fills `coverage` with each locale's translation coverage.
bool check_inputs(const InputPaths& inputs, bool strict, Diagnostics& diags,
                  std::vector<LocaleCoverage>& coverage);

}  // namespace versa
