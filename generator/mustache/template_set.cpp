#include "mustache/template.hpp"

namespace versa::mustache {

bool TemplateSet::add(std::string name, const SourceText& source, Diagnostics& diags) {
  auto t = parse_template(name, source, diags);
  if (!t) return false;
  templates_[std::move(name)] = std::move(t);
  return true;
}

const Template* TemplateSet::find(std::string_view name) const {
  auto it = templates_.find(name);
  return it == templates_.end() ? nullptr : it->second.get();
}

std::vector<std::string> TemplateSet::names() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : templates_) out.push_back(name);
  return out;
}

namespace {

void check_nodes(const TemplateSet& set, const Template& t, const std::vector<Node>& nodes,
                 Diagnostics& diags) {
  for (const Node& n : nodes) {
    if ((n.kind == NodeKind::partial || n.kind == NodeKind::parent) && !set.find(n.text)) {
      diags.error({t.path, n.line, n.col}, "unknown partial '" + n.text + "'; create templates/" +
                                               n.text + ".html or correct the name");
    }
    check_nodes(set, t, n.children, diags);
  }
}

}  // namespace

void TemplateSet::check_references(Diagnostics& diags) const {
  for (const auto& [name, t] : templates_) check_nodes(*this, *t, t->nodes, diags);
}

}  // namespace versa::mustache
