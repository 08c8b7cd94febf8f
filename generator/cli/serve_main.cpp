// versa-serve: `versa serve` as a program of its own (see exec_serve in
// main.cpp), the only one that links the HTTP server.
#include <unistd.h>

#include <iostream>

#include "cli/internal_error.hpp"
#include "cli/options.hpp"
#include "cli/usage.hpp"
#include "serve/serve.hpp"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"versa serve: build, serve on 127.0.0.1, rebuild and reload on change",
               "versa serve"};
  versa::ServeOptions options;
  std::string colour = "auto";
  versa::add_serve_options(&app, options, colour);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return versa::report_usage_error(app, e, "versa serve", std::cerr);
  }
  if (versa::report_no_project(options.build.inputs, std::cerr)) return 1;
  return versa::serve(options, std::cerr, versa::use_colour(colour, STDERR_FILENO));
}

}  // namespace

int main(int argc, char** argv) {
  return versa::run_reporting_internal_errors([&] { return run(argc, argv); });
}
