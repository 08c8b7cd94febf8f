// `versa serve`: build, serve on 127.0.0.1, rebuild on change, live reload.
// Only the versa-serve program links it (and cpp-httplib with OpenSSL).
#pragma once

#include <ostream>

#include "site/serve_options.hpp"

namespace versa {

/// Binds 127.0.0.1:`port` (returns 1 if it is taken; port 0 takes a free port
/// the kernel picks, which the "serving" line names), builds the site, then
/// serves `build.out_dir` until interrupted (SIGINT, SIGTERM), never following
/// a link in it. Watches the inputs and rebuilds when one changes; open pages
/// reload themselves. While an input is broken, pages show the located
/// errors and the last good build stays on disk; after a build with warnings,
/// pages show them in a box at their foot. With `colour`, the log's errors
/// and warnings are coloured. Returns the exit status.
int serve(const ServeOptions& options, std::ostream& log, bool colour = false);

}  // namespace versa
