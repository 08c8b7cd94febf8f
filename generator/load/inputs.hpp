// load: everything a build reads, gathered from the input folders.
#pragma once

#include <cstddef>
#include <filesystem>
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

/// An asset may be this large: far more than a stylesheet or a logo needs,
/// and bounded so a stray disk image is refused, not copied.
inline constexpr std::size_t kMaxAssetBytes = std::size_t{32} << 20;

/// The bytes of `asset`, read bounded (read_input_file: a regular file of at
/// most kMaxAssetBytes). load_inputs already checked that much, so this fails
/// only when the file was replaced since: it then throws std::runtime_error
/// naming the file and what is wrong (and std::bad_alloc when out of memory).
std::string read_asset(const Asset& asset);

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

/// The entries named *`extension` (".json") directly in `dir`, sorted. Not
/// only regular files: a FIFO or folder named like an input is reported when
/// it is read, instead of being silently left out. A missing or unreadable
/// folder is reported in `diags` (an empty list is then returned).
std::vector<std::filesystem::path> input_files(const std::string& dir, const std::string& extension,
                                               Diagnostics& diags);

/// Reads every input. Each problem is reported; what could be read is
/// returned even then, so validation can report the remaining problems too.
/// Every file is read bounded (read_input_file); a catalogue, locale or site
/// settings file that is a FIFO, device, socket or folder is a located error,
/// and non-regular files among the templates are skipped. Assets are checked
/// (regular, at most kMaxAssetBytes), not read. Throws only std::bad_alloc.
Inputs load_inputs(const InputPaths& paths, Diagnostics& diags);

}  // namespace versa
