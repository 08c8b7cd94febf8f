// What `versa serve` is asked to do.
#pragma once

#include "site/build.hpp"

namespace versa {

struct ServeOptions {
  BuildOptions build;
  int port = 8000;
  int poll_ms = 250;  ///< how often inputs are checked for changes
};

}  // namespace versa
