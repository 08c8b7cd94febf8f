// Command-line options that `versa` and `versa-serve` share.
#pragma once

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <string>

#include "load/inputs.hpp"
#include "site/serve_options.hpp"

namespace versa {

/// --catalogue, --locales, --templates and --site.
inline void add_input_options(CLI::App* cmd, InputPaths& in) {
  cmd->add_option("--catalogue", in.catalogue, "catalogue folder")->capture_default_str();
  cmd->add_option("--locales", in.locales, "locales folder")->capture_default_str();
  cmd->add_option("--templates", in.templates, "templates folder")->capture_default_str();
  cmd->add_option("--site", in.site_config, "site settings file")->capture_default_str();
}

/// --color=auto|always|never: whether errors and warnings are coloured.
inline void add_colour_option(CLI::App* cmd, std::string& mode) {
  cmd->add_option("--color", mode,
                  "colour errors and warnings: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

/// Whether to colour what is written to `fd` under --color=`mode`: always,
/// never, or (auto) on a terminal unless NO_COLOR is set (no-color.org: to
/// anything but ""). --color=always wins over NO_COLOR, as that convention asks.
inline bool use_colour(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return ::isatty(fd) == 1 && !(no_colour && *no_colour) &&
         !(term && std::string_view(term) == "dumb");
}

/// The input options, --out, --port and --color.
inline void add_serve_options(CLI::App* cmd, ServeOptions& options, std::string& colour) {
  add_input_options(cmd, options.build.inputs);
  cmd->add_option("--out,-o", options.build.out_dir, "output folder")->capture_default_str();
  cmd->add_option("--port,-p", options.port, "port on 127.0.0.1")->capture_default_str();
  add_colour_option(cmd, colour);
}

/// Run where there is no project (none of its inputs exists), a command
/// would only list four missing inputs: this says so in one line instead,
/// on `err`, and returns true. The caller then stops, having created nothing.
inline bool report_no_project(const InputPaths& in, std::ostream& err) {
  std::error_code ec;
  for (const std::string& input : {in.catalogue, in.locales, in.templates, in.site_config}) {
    if (std::filesystem::exists(std::filesystem::symlink_status(input, ec))) return false;
  }
  std::string folder = in.catalogue;
  if (!folder.ends_with('/')) folder += '/';
  err << "versa: no " << folder << " here: run from a project folder or pass --catalogue\n";
  return true;
}

}  // namespace versa
