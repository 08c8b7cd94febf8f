// Renders a parsed template tree against a stack of JSON frames.
#include "core/html.hpp"
#include "mustache/template.hpp"

namespace versa::mustache {
namespace {

using json = Data;

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

  void run(const Template& tmpl, std::span<const Frame> frames) {
    stack_.assign(frames.begin(), frames.end());
    file_ = &tmpl.path;
    output_start_ = out_.size();
    render(tmpl.nodes);
  }

 private:
  const json* lookup(const Node& n) const {
    if (n.path.empty()) return stack_.back().name.empty() ? stack_.back().data : nullptr;
    const std::string& first = n.path.front();
    for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame) {
      const json* v = frame->data;
      if (!frame->name.empty()) {
        if (frame->name != first) continue;
      } else {
        if (!v->is_object()) continue;
        auto it = v->find(first);
        if (it == v->end()) continue;
        v = &*it;
      }
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

  // A template node and the file it was written in.
  struct Site {
    const Node* node = nullptr;
    const std::string* file = nullptr;
  };

  [[noreturn]] void fail(Site at, const std::string& why) const {
    throw RenderError({*at.file, at.node->line, at.node->col}, why);
  }
  [[noreturn]] void fail(const Node& at, const std::string& why) const { fail({&at, file_}, why); }

  // Bounds recursion (sections, partials, parents, blocks), and remembers the
  // file the nodes being rendered come from and the innermost include, for
  // errors. `file` is set when entering another template's nodes.
  class Nested {
   public:
    Nested(Renderer& r, const Node& at, const std::string* file, bool include = false)
        : r_(r), file_(r.file_), include_(r.include_) {
      if (++r_.depth_ > kMaxRenderDepth) {
        --r_.depth_;
        const Site where = include ? Site{&at, r_.file_} : r_.include_;
        if (where.node == nullptr) r_.fail(at, "sections nest too deeply while rendering");
        r_.fail(where, "partial '" + where.node->text + "' nests more than " +
                           std::to_string(kMaxRenderDepth) +
                           " levels deep while rendering; it probably includes itself without end");
      }
      if (include) r_.include_ = {&at, r_.file_};
      if (file != nullptr) r_.file_ = file;
    }
    ~Nested() {
      --r_.depth_;
      r_.file_ = file_;
      r_.include_ = include_;
    }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;

   private:
    Renderer& r_;
    const std::string* file_;
    Site include_;
  };

  // Ends renders that would never finish or would exhaust memory.
  void check_budget(const Node& at) {
    if (++steps_ > kMaxRenderSteps) {
      fail(at, "rendering stopped after " + std::to_string(kMaxRenderSteps) +
                   " steps; recursive partials or nested sections expand without end");
    }
    if (out_.size() - output_start_ > kMaxRenderOutput) {
      fail(at, "rendering stopped: the page grew past " + std::to_string(kMaxRenderOutput >> 20) +
                   " MiB; recursive partials or nested sections expand without end");
    }
  }

  struct Override {
    std::string_view name;
    const Node* block;
    const std::string* file;  // where the overriding block was written
  };

  const Override* find_override(std::string_view name) const {
    for (const Override& o : overrides_) {
      if (o.name == name) return &o;
    }
    return nullptr;
  }

  void render(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      check_budget(n);
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
          Nested nested(*this, n, nullptr);
          if (v->is_array()) {
            for (const json& item : *v) {
              stack_.push_back({&item});
              render(n.children);
              stack_.pop_back();
            }
          } else {
            stack_.push_back({v});
            render(n.children);
            stack_.pop_back();
          }
          break;
        }
        case NodeKind::inverted: {
          const json* v = lookup(n);
          if (v == nullptr || !truthy(*v)) {
            Nested nested(*this, n, nullptr);
            render(n.children);
          }
          break;
        }
        case NodeKind::partial: {
          if (const Template* t = set_.find(n.text)) {
            Nested nested(*this, n, &t->path, true);
            render_indented(t->nodes, n.indent);
          }
          break;
        }
        case NodeKind::parent: {
          const std::size_t old = overrides_.size();
          // The outermost override of a block wins over inner ones.
          for (const Node& block : n.children) {
            if (find_override(block.text) == nullptr) {
              overrides_.push_back({block.text, &block, file_});
            }
          }
          if (const Template* t = set_.find(n.text)) {
            Nested nested(*this, n, &t->path, true);
            render_indented(t->nodes, n.indent);
          }
          overrides_.resize(old);
          break;
        }
        case NodeKind::block: {
          const Override* chosen = find_override(n.text);
          Nested nested(*this, n, chosen ? chosen->file : nullptr);
          const std::vector<Node>& content = chosen ? chosen->block->children : n.children;
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
  std::vector<Frame> stack_;
  std::vector<Override> overrides_;
  std::string indent_;
  bool at_line_start_ = true;
  int depth_ = 0;
  std::size_t steps_ = 0;
  std::size_t output_start_ = 0;
  const std::string* file_ = nullptr;
  Site include_;
};

}  // namespace

void TemplateSet::render(const Template& tmpl, const json& data, std::string& out) const {
  const Frame frames[] = {{&data}};
  render(tmpl, std::span<const Frame>(frames), out);
}

void TemplateSet::render(const Template& tmpl, std::span<const Frame> frames,
                         std::string& out) const {
  Renderer(*this, out).run(tmpl, frames);
}

std::string TemplateSet::render(std::string_view name, const json& data) const {
  std::string out;
  if (const Template* t = find(name)) render(*t, data, out);
  return out;
}

}  // namespace versa::mustache
