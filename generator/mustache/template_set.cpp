#include "mustache/template.hpp"

#include "core/html.hpp"

namespace versa::mustache {

bool TemplateSet::add(std::string name, const SourceText& source, Diagnostics& diags) {
  auto t = parse_template(name, source, diags);
  if (!t) {
    broken_.insert(std::move(name));
    return false;
  }
  broken_.erase(name);
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

void check_nodes(const TemplateSet& set, const std::set<std::string, std::less<>>& broken,
                 const Template& t, const std::vector<Node>& nodes, Diagnostics& diags) {
  for (const Node& n : nodes) {
    if ((n.kind == NodeKind::partial || n.kind == NodeKind::parent) && !set.find(n.text) &&
        !broken.contains(n.text)) {
      diags.error({t.path, n.line, n.col}, "unknown partial '" + n.text + "'; create templates/" +
                                               n.text + ".html or correct the name");
    }
    check_nodes(set, broken, t, n.children, diags);
  }
}

}  // namespace

void TemplateSet::check_references(Diagnostics& diags) const {
  for (const auto& [name, t] : templates_) check_nodes(*this, broken_, *t, t->nodes, diags);
}

namespace {

// Replaces the tags naming `key.…` by their text, then joins neighbouring
// text nodes: the renderer prints "a" then "b" exactly as it prints "ab".
void bind_constant(std::vector<Node>& nodes, std::string_view key, const Data& value) {
  for (Node& n : nodes) {
    bind_constant(n.children, key, value);
    if ((n.kind != NodeKind::escaped && n.kind != NodeKind::raw) || n.path.size() < 2 ||
        n.path.front() != key) {
      continue;
    }
    const Data* v = &value;
    for (std::size_t k = 1; k < n.path.size() && v != nullptr; ++k) {
      const auto it = v->is_object() ? v->find(n.path[k]) : v->end();
      v = it == v->end() ? nullptr : &*it;
    }
    if (v == nullptr || !(v->is_string() || v->is_number() || v->is_boolean())) continue;
    const std::string text = v->is_string() ? v->get<std::string>() : v->dump();
    // A value is never re-indented inside, template text is: keep those apart.
    if (text.find('\n') != std::string::npos) continue;
    n.text = n.kind == NodeKind::escaped ? html_escape(text) : text;
    n.kind = NodeKind::text;
    n.path.clear();
  }
  std::vector<Node> joined;
  joined.reserve(nodes.size());
  for (Node& n : nodes) {
    if (n.kind == NodeKind::text && !joined.empty() && joined.back().kind == NodeKind::text) {
      joined.back().text += n.text;
    } else {
      joined.push_back(std::move(n));
    }
  }
  nodes = std::move(joined);
}

}  // namespace

TemplateSet TemplateSet::with_constant(std::string_view key, const Data& value) const {
  TemplateSet copy;
  copy.broken_ = broken_;
  for (const auto& [name, t] : templates_) {
    auto bound = std::make_unique<Template>(*t);
    bind_constant(bound->nodes, key, value);
    copy.templates_.emplace(name, std::move(bound));
  }
  return copy;
}

}  // namespace versa::mustache
