// Command-line options that `versa` and `versa-serve` share.
#pragma once

#include <CLI/CLI.hpp>

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

/// The input options, --out and --port.
inline void add_serve_options(CLI::App* cmd, ServeOptions& options) {
  add_input_options(cmd, options.build.inputs);
  cmd->add_option("--out,-o", options.build.out_dir, "output folder")->capture_default_str();
  cmd->add_option("--port,-p", options.port, "port on 127.0.0.1")->capture_default_str();
}

}  // namespace versa
