// Renders a parsed template tree against nlohmann::json.
#include <stdexcept>

#include "core/html.hpp"
#include "mustache/template.hpp"

namespace versa::mustache {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 128;  // nested partials, parents and blocks

bool truthy(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return false;
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::array:
      return !v.empty();
    case json::value_t::string:
      return !v.get_ref<const std::string&>().empty();
    default:
      return true;
  }
}

class Renderer {
 public:
  Renderer(const TemplateSet& set, std::string& out) : set_(set), out_(out) {}

  void run(const std::vector<Node>& nodes, std::span<const json* const> frames) {
    stack_.assign(frames.begin(), frames.end());
    render(nodes);
  }

 private:
  const json* lookup(const Node& n) const {
    if (n.path.empty()) return stack_.back();
    for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame) {
      const json& f = **frame;
      if (!f.is_object()) continue;
      auto it = f.find(n.path.front());
      if (it == f.end()) continue;
      const json* v = &*it;
      for (std::size_t k = 1; k < n.path.size(); ++k) {
        if (!v->is_object()) return nullptr;
        auto next = v->find(n.path[k]);
        if (next == v->end()) return nullptr;
        v = &*next;
      }
      return v;
    }
    return nullptr;
  }

  // Template text: indentation from standalone partials goes at each line start.
  void emit_text(std::string_view t) {
    if (t.empty()) return;
    if (indent_.empty()) {
      out_ += t;
      at_line_start_ = t.back() == '\n';
      return;
    }
    std::size_t start = 0;
    while (start < t.size()) {
      auto nl = t.find('\n', start);
      const std::size_t stop = nl == std::string_view::npos ? t.size() : nl + 1;
      if (at_line_start_ && t[start] != '\n') out_ += indent_;
      out_ += t.substr(start, stop - start);
      at_line_start_ = nl != std::string_view::npos;
      start = stop;
    }
  }

  // Interpolated data: never re-indented inside, as the spec requires.
  void emit_value(const json& v, bool escape) {
    std::string scalar;
    std::string_view s;
    if (v.is_string()) {
      s = v.get_ref<const std::string&>();
    } else if (v.is_null()) {
      return;
    } else {
      scalar = v.dump();
      s = scalar;
    }
    if (s.empty()) return;
    if (at_line_start_) out_ += indent_;
    if (escape) {
      append_html_escaped(out_, s);
    } else {
      out_ += s;
    }
    at_line_start_ = false;
  }

  // Renders `nodes` with extra indentation, as standalone partials and blocks do.
  void render_indented(const std::vector<Node>& nodes, const std::string& extra) {
    if (extra.empty()) {
      render(nodes);
      return;
    }
    const std::size_t old = indent_.size();
    indent_ += extra;
    at_line_start_ = true;
    render(nodes);
    indent_.resize(old);
  }

  struct DepthGuard {
    explicit DepthGuard(int& d) : depth(d) {
      if (++depth > kMaxDepth) {
        --depth;
        throw std::runtime_error("partials, parents or blocks nest more than " +
                                 std::to_string(kMaxDepth) + " levels deep (recursive partial?)");
      }
    }
    ~DepthGuard() { --depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    int& depth;
  };

  const Node* find_override(std::string_view name) const {
    for (const auto& [n, node] : overrides_) {
      if (n == name) return node;
    }
    return nullptr;
  }

  void render(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      switch (n.kind) {
        case NodeKind::text:
          emit_text(n.text);
          break;
        case NodeKind::escaped:
        case NodeKind::raw:
          if (const json* v = lookup(n)) emit_value(*v, n.kind == NodeKind::escaped);
          break;
        case NodeKind::section: {
          const json* v = lookup(n);
          if (v == nullptr || !truthy(*v)) break;
          if (v->is_array()) {
            for (const json& item : *v) {
              stack_.push_back(&item);
              render(n.children);
              stack_.pop_back();
            }
          } else {
            stack_.push_back(v);
            render(n.children);
            stack_.pop_back();
          }
          break;
        }
        case NodeKind::inverted: {
          const json* v = lookup(n);
          if (v == nullptr || !truthy(*v)) render(n.children);
          break;
        }
        case NodeKind::partial: {
          DepthGuard guard(depth_);
          if (const Template* t = set_.find(n.text)) render_indented(t->nodes, n.indent);
          break;
        }
        case NodeKind::parent: {
          DepthGuard guard(depth_);
          const std::size_t old = overrides_.size();
          // The outermost override of a block wins over inner ones.
          for (const Node& block : n.children) {
            if (find_override(block.text) == nullptr) overrides_.emplace_back(block.text, &block);
          }
          if (const Template* t = set_.find(n.text)) render_indented(t->nodes, n.indent);
          overrides_.resize(old);
          break;
        }
        case NodeKind::block: {
          DepthGuard guard(depth_);
          const Node* chosen = find_override(n.text);
          const std::vector<Node>& content = chosen ? chosen->children : n.children;
          if (n.standalone) {
            render_indented(content, n.indent.empty() ? n.before : n.indent);
          } else {
            render(content);
          }
          break;
        }
      }
    }
  }

  const TemplateSet& set_;
  std::string& out_;
  std::vector<const json*> stack_;
  std::vector<std::pair<std::string_view, const Node*>> overrides_;
  std::string indent_;
  bool at_line_start_ = true;
  int depth_ = 0;
};

}  // namespace

void TemplateSet::render(const Template& tmpl, const json& data, std::string& out) const {
  const json* frames[] = {&data};
  render(tmpl, std::span<const json* const>(frames), out);
}

void TemplateSet::render(const Template& tmpl, std::span<const json* const> frames,
                         std::string& out) const {
  Renderer(*this, out).run(tmpl.nodes, frames);
}

std::string TemplateSet::render(std::string_view name, const json& data) const {
  std::string out;
  if (const Template* t = find(name)) render(*t, data, out);
  return out;
}

}  // namespace versa::mustache
