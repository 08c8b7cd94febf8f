#include "load/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/input_file.hpp"

namespace versa {

namespace fs = std::filesystem;

namespace {}  // namespace

std::vector<fs::path> input_files(const std::string& dir, const std::string& extension,
                                  Diagnostics& diags) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({dir}, "folder not found; create it or pass its path with the matching flag");
    return out;
  }
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    if (it->path().extension() == extension) out.push_back(it->path());
  }
  if (ec) diags.error({dir}, "cannot list the folder (" + ec.message() + ")");
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

void load_templates(const std::string& dir, Inputs& inputs, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({dir}, "templates folder not found; create it or pass --templates");
    return;
  }
  // Regular files only: a FIFO or device among the templates is skipped,
  // never opened.
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) files.push_back(it->path());
  }
  if (ec) diags.error({dir}, "cannot list the folder (" + ec.message() + ")");
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const fs::path rel = fs::relative(file, dir);
    if (file.extension() == ".html") {
      auto source = read_source(file.string(), diags);
      if (!source) continue;
      std::string name = rel.string();
      name.resize(name.size() - 5);  // drop ".html"
      if (!inputs.templates.add(name, *source, diags)) inputs.broken_templates.insert(name);
    } else if (*rel.begin() == "assets") {
      // Checked now, read while pages render: a bad asset stops the build
      // before anything is written.
      if (check_input_file(file.string(), kMaxAssetBytes, diags)) {
        inputs.assets.push_back({file.string(), rel.generic_string()});
      }
    }
  }
}

}  // namespace

std::string read_asset(const Asset& asset) {
  Diagnostics diags;
  if (auto bytes = read_input_file(asset.source, kMaxAssetBytes, diags)) return std::move(*bytes);
  throw std::runtime_error(diags.all().empty() ? asset.source
                                               : format_diagnostic(diags.all().front()));
}

Inputs load_inputs(const InputPaths& paths, Diagnostics& diags) {
  Inputs inputs;
  if (auto site = load_site_config(paths.site_config, diags)) inputs.site = std::move(*site);
  for (const auto& file : input_files(paths.catalogue, ".json", diags)) {
    if (auto p = load_catalogue(file.string(), diags)) {
      inputs.protocols.push_back(std::move(*p));
    } else {
      ++inputs.broken_catalogues;
    }
  }
  for (const auto& file : input_files(paths.locales, ".json", diags)) {
    if (auto l = load_locale(file.string(), diags)) {
      inputs.locales.push_back(std::move(*l));
    } else {
      inputs.broken_locales.insert(file.stem().string());
    }
  }
  load_templates(paths.templates, inputs, diags);
  std::sort(inputs.protocols.begin(), inputs.protocols.end(),
            [](const Protocol& a, const Protocol& b) { return a.id < b.id; });
  return inputs;
}

}  // namespace versa
