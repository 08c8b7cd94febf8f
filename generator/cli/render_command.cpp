#include "cli/render_command.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <set>

#include "core/json_document.hpp"
#include "mustache/template.hpp"

namespace versa {

namespace {

// Loads every partial and parent `nodes` of `from` refer to, and theirs,
// from `dir`. One that cannot be loaded is an error at its first tag: a
// missing partial would print nothing, and the output would look complete.
void load_partials(const mustache::Template& from, const std::vector<mustache::Node>& nodes,
                   const std::string& dir, mustache::TemplateSet& set, std::set<std::string>& tried,
                   Diagnostics& diags) {
  for (const auto& n : nodes) {
    if ((n.kind == mustache::NodeKind::partial || n.kind == mustache::NodeKind::parent) &&
        tried.insert(n.text).second) {
      const std::string file = n.text + ".html";
      const std::string what =
          n.kind == mustache::NodeKind::parent ? "the parent template '" : "the partial '";
      const Location at{from.path, n.line, n.col};
      const std::string path = (std::filesystem::path(dir) / file).string();
      if (dir.empty()) {
        diags.error(at, what + n.text + "' cannot be loaded without --partials; pass --partials " +
                            "DIR, the folder that holds " + file);
      } else if (!std::filesystem::exists(path)) {
        diags.error(at, what + n.text + "' is not in " + dir + " (no " + path +
                            "); correct the name or pass --partials DIR, the folder that holds " +
                            file);
      } else if (auto source = read_source(path, diags);
                 source && set.add(n.text, *source, diags)) {
        const mustache::Template& loaded = *set.find(n.text);
        load_partials(loaded, loaded.nodes, dir, set, tried, diags);
      }
    }
    load_partials(from, n.children, dir, set, tried, diags);
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
  std::set<std::string> tried;
  const mustache::Template& main = *set.find(main_name);
  load_partials(main, main.nodes, partials_dir, set, tried, diags);
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
