// versa-serve: `versa serve` as a program of its own (see exec_serve in
// main.cpp), the only one that links the HTTP server.
#include <iostream>

#include "cli/internal_error.hpp"
#include "cli/options.hpp"
#include "serve/serve.hpp"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"versa serve: build, serve on 127.0.0.1, rebuild and reload on change",
               "versa serve"};
  versa::ServeOptions options;
  versa::add_serve_options(&app, options);
  CLI11_PARSE(app, argc, argv);
  return versa::serve(options, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  return versa::run_reporting_internal_errors([&] { return run(argc, argv); });
}
