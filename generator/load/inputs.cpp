#include "load/inputs.hpp"

#include <algorithm>
#include <filesystem>

namespace versa {

namespace fs = std::filesystem;

namespace {

// Regular files with `extension` directly in `dir`, sorted for determinism.
std::vector<fs::path> files_in(const std::string& dir, const std::string& extension,
                               Diagnostics& diags) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({dir}, "folder not found; create it or pass its path with the matching flag");
    return out;
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == extension)
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void load_templates(const std::string& dir, Inputs& inputs, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({dir}, "templates folder not found; create it or pass --templates");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
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
      inputs.assets.push_back({file.string(), rel.generic_string()});
    }
  }
}

}  // namespace

Inputs load_inputs(const InputPaths& paths, Diagnostics& diags) {
  Inputs inputs;
  if (auto site = load_site_config(paths.site_config, diags)) inputs.site = std::move(*site);
  for (const auto& file : files_in(paths.catalogue, ".json", diags)) {
    if (auto p = load_catalogue(file.string(), diags)) {
      inputs.protocols.push_back(std::move(*p));
    } else {
      ++inputs.broken_catalogues;
    }
  }
  for (const auto& file : files_in(paths.locales, ".json", diags)) {
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
