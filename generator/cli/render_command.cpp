#include "cli/render_command.hpp"

#include <filesystem>
#include <functional>
#include <optional>

#include "core/json_document.hpp"
#include "mustache/template.hpp"

namespace versa {

namespace {

// Loads every partial `nodes` refer to, and theirs, from `dir`.
void load_partials(const std::vector<mustache::Node>& nodes, const std::string& dir,
                   mustache::TemplateSet& set, Diagnostics& diags) {
  for (const auto& n : nodes) {
    if ((n.kind == mustache::NodeKind::partial || n.kind == mustache::NodeKind::parent) &&
        !set.find(n.text)) {
      const std::string path = (std::filesystem::path(dir) / (n.text + ".html")).string();
      if (!dir.empty() && std::filesystem::exists(path)) {
        if (auto source = read_source(path, diags); source && set.add(n.text, *source, diags)) {
          load_partials(set.find(n.text)->nodes, dir, set, diags);
        }
      }
    }
    load_partials(n.children, dir, set, diags);
  }
}

}  // namespace

std::optional<std::string> render_template_file(const std::string& template_path,
                                                const std::string& data_path,
                                                const std::string& partials_dir,
                                                Diagnostics& diags) {
  auto data = JsonDocument::load(data_path, diags);
  auto source = read_source(template_path, diags);
  if (!data || !source) return std::nullopt;
  mustache::TemplateSet set;
  // The main template gets a name no partial can have.
  const std::string main_name = "\x01main";
  if (!set.add(main_name, *source, diags)) return std::nullopt;
  load_partials(set.find(main_name)->nodes, partials_dir, set, diags);
  if (diags.has_errors()) return std::nullopt;
  std::string out;
  try {
    set.render(*set.find(main_name), mustache::Data(data->value()), out);
  } catch (const mustache::RenderError& e) {
    // Found only while rendering: a partial including itself, a page too large.
    diags.error(e.where(), e.what());
    return std::nullopt;
  }
  return out;
}

}  // namespace versa
