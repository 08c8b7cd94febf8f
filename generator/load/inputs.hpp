// load: everything a build reads, gathered from the input folders.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "load/catalogue.hpp"
#include "load/locale_file.hpp"
#include "load/site_config.hpp"
#include "mustache/template.hpp"

namespace versa {

/// Where the inputs live; defaults are relative to the working directory.
struct InputPaths {
  std::string catalogue = "catalogue";
  std::string locales = "locales";
  std::string templates = "templates";
  std::string site_config = "site.json";
};

/// A static file copied to the output unchanged (stylesheets, images).
struct Asset {
  std::string source;    ///< path on disk
  std::string out_path;  ///< path relative to the output folder
};

struct Inputs {
  SiteConfig site;
  std::vector<Protocol> protocols;  ///< sorted by id
  std::vector<LocaleFile> locales;  ///< sorted by tag
  mustache::TemplateSet templates;
  std::vector<Asset> assets;
  /// Templates and locales whose files could not be parsed (already reported),
  /// so later checks do not report them again as missing.
  std::set<std::string> broken_templates;
  std::set<std::string> broken_locales;
  std::size_t broken_catalogues = 0;
};

/// Reads every input. Each problem is reported; what could be read is
/// returned even then, so validation can report the remaining problems too.
Inputs load_inputs(const InputPaths& paths, Diagnostics& diags);

}  // namespace versa
