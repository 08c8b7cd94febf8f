// Fuzz support: the shipped English locale, SMTP catalogue and templates,
// parsed afresh for each input, so that a fuzzed file is validated and
// rendered with real partners.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "load/inputs.hpp"
#include "plan/pages.hpp"
#include "render/page_renderer.hpp"
#include "render/view_model.hpp"
#include "validate/project.hpp"

namespace versa::fuzz {

inline std::string shipped_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The shipped templates as (name, text), read once.
inline const std::vector<std::pair<std::string, std::string>>& shipped_templates() {
  static const auto templates = [] {
    std::vector<std::pair<std::string, std::string>> out;
    const std::filesystem::path dir = std::filesystem::path(VERSA_SOURCE_DIR) / "templates";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".html") continue;
      std::string name = std::filesystem::relative(entry.path(), dir).replace_extension().string();
      out.emplace_back(std::move(name), shipped_text(entry.path()));
    }
    return out;
  }();
  return templates;
}

/// Inputs with the shipped templates, en.json unless `with_en` is false, and
/// smtp.json unless `with_smtp` is false.
inline Inputs shipped_inputs(bool with_en, bool with_smtp) {
  static const std::string root = VERSA_SOURCE_DIR;
  static const std::string en = shipped_text(root + "/locales/en.json");
  static const std::string smtp = shipped_text(root + "/catalogue/smtp.json");
  Diagnostics ignored;
  Inputs in;
  if (with_en) {
    in.locales.push_back(*read_locale(
        "en", *JsonDocument::parse(SourceText("locales/en.json", en), ignored), ignored));
  }
  if (with_smtp) {
    in.protocols.push_back(*read_catalogue(
        *JsonDocument::parse(SourceText("catalogue/smtp.json", smtp), ignored), ignored));
  }
  for (const auto& [name, text] : shipped_templates()) {
    in.templates.add(name, SourceText("templates/" + name + ".html", text), ignored);
  }
  in.site.base_url = "https://example.org";
  return in;
}

/// Renders the first pages of the plan and its last page (the 404).
inline void render_some_pages(const Project& project) {
  const Plan pages(project);
  const Urls urls(project);
  const SiteModel model(project);
  const ViewModelBuilder views(model, urls);
  PageRenderer renderer(views);
  std::string html;
  for (std::size_t i = 0; i < std::min<std::size_t>(pages.size(), 4); ++i) {
    renderer.render(pages[i], html);
  }
  renderer.render(pages[pages.size() - 1], html);
}

}  // namespace versa::fuzz
