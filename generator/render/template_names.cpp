// render: every name a page template uses is one its pages have. The
// templates are walked as the renderer walks them, with a stack of shapes in
// place of the stack of values: sections push their value's shape, partials
// and parents are walked with the stack of the tag that includes them, and
// blocks with the content that fills them.
#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/nearest.hpp"
#include "render/view_model.hpp"
#include "render/view_shapes.hpp"

namespace versa::view {
namespace {

using mustache::Node;
using mustache::NodeKind;
using mustache::Template;
using K = ValueKind;

/// One frame of the stack of shapes. `members` null: a value without names
/// (a text, a flag), seen past as Mustache does. `open`: any name is found
/// (the labels, or a section whose name is unknown, so its content does not
/// repeat the error).
struct Frame {
  const std::vector<Name>* members = nullptr;
  bool open = false;
  auto operator<=>(const Frame&) const = default;
};

std::string in_quotes(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string joined(const std::vector<std::string>& path, std::size_t count) {
  std::string s;
  for (std::size_t k = 0; k < count; ++k) s += (k ? "." : "") + path[k];
  return s;
}

/// What a tag's name was found to be, or why it was not.
struct Lookup {
  std::optional<Frame> pushed;  ///< found: what a section on it pushes
  std::string problem;          ///< not found: what is wrong and how to fix it
};

// `path` is unknown from its part `k` on, where `names` are known.
std::string unknown(const std::vector<std::string>& path, std::size_t k,
                    const std::vector<std::string>& names) {
  const std::string name = in_quotes(joined(path, path.size()));
  if (auto near = nearest(path[k], names)) {
    std::vector<std::string> meant = path;
    meant[k] = *near;
    return "unknown name " + name + "; did you mean " + in_quotes(joined(meant, path.size())) + "?";
  }
  return "unknown name " + name + "; templates/README.md lists the names each page has";
}

Frame frame_of(const Shape& s) {
  switch (s.kind) {
    case K::object:
    case K::object_or_false:
    case K::list:
      return {&s.members, false};
    case K::labels:
      return {nullptr, true};
    default:
      return {};
  }
}

Lookup lookup(const std::vector<Frame>& stack, const std::vector<std::string>& path) {
  if (path.empty()) return {Frame{}, {}};  // {{.}}: the top of the stack, whatever it is
  const Name* found = nullptr;
  for (auto f = stack.rbegin(); f != stack.rend() && found == nullptr; ++f) {
    if (f->open) return {Frame{nullptr, true}, {}};
    if (f->members == nullptr) continue;
    for (const Name& n : *f->members) {
      if (n.name == path.front()) found = &n;
    }
  }
  if (found == nullptr) {
    std::vector<std::string> names;
    for (const Frame& f : stack) {
      if (f.members == nullptr) continue;
      for (const Name& n : *f.members) {
        // `t` alone is never what a one-word name meant.
        if (n.shape.kind != K::labels || path.size() > 1) names.push_back(n.name);
      }
    }
    return {std::nullopt, unknown(path, 0, names)};
  }
  const Shape* shape = &found->shape;
  for (std::size_t k = 1; k < path.size(); ++k) {
    const std::string so_far = joined(path, k);
    switch (shape->kind) {
      case K::labels:
        return {Frame{nullptr, true}, {}};
      case K::object:
      case K::object_or_false:
        break;
      case K::list:
      case K::text_list:
        return {std::nullopt, in_quotes(so_far) + " is a list, so " +
                                  in_quotes(joined(path, path.size())) +
                                  " is never found; write {{#" + so_far + "}}{{" +
                                  joined(path, path.size()).substr(so_far.size() + 1) + "}}{{/" +
                                  so_far + "}} to print it for each item"};
      default:
        return {std::nullopt,
                in_quotes(so_far) + " is " + (shape->kind == K::flag ? "true or false" : "a text") +
                    " and has no names inside: " + in_quotes(joined(path, path.size())) +
                    " is never found; write {{" + so_far + "}}"};
    }
    const Name* member = nullptr;
    for (const Name& n : shape->members) {
      if (n.name == path[k]) member = &n;
    }
    if (member == nullptr) {
      std::vector<std::string> names;
      for (const Name& n : shape->members) names.push_back(n.name);
      return {std::nullopt, unknown(path, k, names)};
    }
    shape = &member->shape;
  }
  return {frame_of(*shape), {}};
}

/// What became of one tag across every page kind and include.
struct Record {
  Location where;
  std::set<PageKind> found_on, missing_on;
  std::string problem;   ///< the first time it was not found
  Location included_at;  ///< the include it was not found through (line 0: none)
  bool found_anywhere = false;
};

const char* page_word(PageKind k) {
  switch (k) {
    case PageKind::compare:
      return "comparison";
    case PageKind::code:
      return "code";
    case PageKind::home:
      return "home";
    case PageKind::not_found:
      return "\"not found\"";
    case PageKind::redirect:
      return "redirect";
  }
  return "";
}

std::string kinds_text(const std::set<PageKind>& kinds) {
  std::string s;
  std::size_t k = 0;
  for (const PageKind kind : kPageKinds) {  // in the README's order
    if (!kinds.contains(kind)) continue;
    s += k == 0 ? "" : (k + 1 == kinds.size() ? " and " : ", ");
    s += page_word(kind);
    ++k;
  }
  return s + " pages";
}

class Walker {
 public:
  Walker(const mustache::TemplateSet& set, std::map<const Node*, Record>& records)
      : set_(set), records_(records) {}

  /// Walks `root` as a page of `kind` whose names are `shape`'s; `shape`
  /// outlives the walk's records.
  void page(PageKind kind, const PageShape& shape, const Template& root) {
    kind_ = kind;
    stack_ = {{&shape.globals}, {&shape.shared}, {&shape.own}};
    visited_.clear();
    chain_ = {&root};
    file_ = &root.path;
    walk(root.nodes);
  }

 private:
  struct Override {
    std::string_view name;
    const Node* block;
    const std::string* file;
  };

  void check(const Node& n, const Lookup& found) {
    Record& r = records_[&n];
    r.where = {*file_, n.line, n.col};
    if (found.pushed) {
      r.found_on.insert(kind_);
      r.found_anywhere = true;
      return;
    }
    r.missing_on.insert(kind_);
    if (r.problem.empty()) {
      r.problem = found.problem;
      r.included_at = include_;
    }
  }

  // A template entered through a partial or parent tag, walked once per
  // stack and blocks (so includes cost no more than their distinct uses) and
  // never inside itself (the renderer reports an include without end).
  void enter(const Node& at, const Template& t, const std::vector<Override>& overrides) {
    if (std::find(chain_.begin(), chain_.end(), &t) != chain_.end()) return;
    std::vector<const Node*> blocks;
    for (const Override& o : overrides) blocks.push_back(o.block);
    if (!visited_.emplace(&t, stack_, blocks).second) return;
    const std::string* file = file_;
    const Location include = include_;
    include_ = {*file_, at.line, at.col};
    chain_.push_back(&t);
    file_ = &t.path;
    walk(t.nodes);
    file_ = file;
    chain_.pop_back();
    include_ = include;
  }

  void walk(const std::vector<Node>& nodes) {
    // As deep as the renderer goes, which reports what is deeper.
    if (depth_ > mustache::kMaxRenderDepth) return;
    ++depth_;
    for (const Node& n : nodes) {
      switch (n.kind) {
        case NodeKind::text:
          break;
        case NodeKind::escaped:
        case NodeKind::raw:
          check(n, lookup(stack_, n.path));
          break;
        case NodeKind::section:
        case NodeKind::inverted: {
          const Lookup found = lookup(stack_, n.path);
          check(n, found);
          if (n.kind == NodeKind::inverted) {
            walk(n.children);
          } else {
            stack_.push_back(found.pushed.value_or(Frame{nullptr, true}));
            walk(n.children);
            stack_.pop_back();
          }
          break;
        }
        case NodeKind::partial:
          if (const Template* t = set_.find(n.text)) enter(n, *t, overrides_);
          break;
        case NodeKind::parent: {
          const std::size_t old = overrides_.size();
          for (const Node& block : n.children) {
            const bool outer = std::any_of(overrides_.begin(), overrides_.end(),
                                           [&](const Override& o) { return o.name == block.text; });
            if (!outer) overrides_.push_back({block.text, &block, file_});
          }
          if (const Template* t = set_.find(n.text)) enter(n, *t, overrides_);
          overrides_.resize(old);
          break;
        }
        case NodeKind::block: {
          const auto chosen = std::find_if(overrides_.begin(), overrides_.end(),
                                           [&](const Override& o) { return o.name == n.text; });
          const std::string* file = file_;
          if (chosen != overrides_.end()) {
            file_ = chosen->file;
            walk(chosen->block->children);
          } else {
            walk(n.children);
          }
          file_ = file;
          break;
        }
      }
    }
    --depth_;
  }

  const mustache::TemplateSet& set_;
  std::map<const Node*, Record>& records_;
  PageKind kind_ = PageKind::home;
  std::vector<Frame> stack_;
  std::vector<Override> overrides_;
  std::vector<const Template*> chain_;
  std::set<std::tuple<const Template*, std::vector<Frame>, std::vector<const Node*>>> visited_;
  const std::string* file_ = nullptr;
  Location include_;
  int depth_ = 0;
};

}  // namespace

bool check_template_names(const mustache::TemplateSet& templates,
                          std::span<const std::string> code_fields, Diagnostics& diags) {
  std::map<const Node*, Record> records;
  Walker walker(templates, records);
  std::vector<PageShape> shapes;
  shapes.reserve(std::size(kPageKinds));
  for (const PageKind kind : kPageKinds) {
    // A missing page template is reported by validate.
    if (const Template* t = templates.find(ViewModelBuilder::template_name(kind))) {
      walker.page(kind, shapes.emplace_back(with_code_fields(page_shape(kind), code_fields)), *t);
    }
  }
  // In file order, whatever the order of the nodes in memory.
  std::vector<std::pair<const Node*, const Record*>> missing;
  for (const auto& [node, r] : records) {
    if (!r.missing_on.empty()) missing.emplace_back(node, &r);
  }
  std::sort(missing.begin(), missing.end(), [](const auto& x, const auto& y) {
    return std::tie(x.second->where.path, x.second->where.line, x.second->where.col) <
           std::tie(y.second->where.path, y.second->where.line, y.second->where.col);
  });
  bool ok = true;
  for (const auto& [node, record] : missing) {
    const Record& r = *record;
    ok = false;
    if (!r.found_anywhere) {
      diags.error(r.where, r.problem);
      continue;
    }
    std::set<PageKind> only_found;
    std::set_difference(r.found_on.begin(), r.found_on.end(), r.missing_on.begin(),
                        r.missing_on.end(), std::inserter(only_found, only_found.end()));
    const std::string name = in_quotes(joined(node->path, node->path.size()));
    if (only_found.size() == r.found_on.size()) {
      // Known on some page kinds, missing on others that render this line too.
      diags.error(r.where, name + " is a name of " + kinds_text(r.found_on) + " only, and " +
                               kinds_text(r.missing_on) +
                               " render this line too; use it only where those pages reach");
    } else {
      // Known through some includes of this partial, not through others.
      diags.error(r.where, name + " is not found where this template is included at " +
                               r.included_at.path + ":" + std::to_string(r.included_at.line) + ":" +
                               std::to_string(r.included_at.col) + ": " + r.problem);
    }
  }
  return ok;
}

}  // namespace versa::view
