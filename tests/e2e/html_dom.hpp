// Test support: an HTML page parsed by gumbo (an HTML5 parser), so tests see
// the document as a browser would rather than matching strings.
#pragma once

#include <gumbo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace versa::test {

class HtmlPage {
 public:
  explicit HtmlPage(const std::string& html)
      : html_(html),
        output_(gumbo_parse_with_options(&kGumboDefaultOptions, html_.data(), html_.size()),
                [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); }) {}

  [[nodiscard]] const GumboNode* root() const { return output_->root; }

  /// Whether this is a page that sends its reader elsewhere at once (a
  /// comparison's address with the higher code first): a refresh in its head.
  [[nodiscard]] bool redirects() const {
    for (const GumboNode* m : all(GUMBO_TAG_META)) {
      if (attr(m, "http-equiv") == "refresh") return true;
    }
    return false;
  }

  /// Every element with `tag`, in document order.
  [[nodiscard]] std::vector<const GumboNode*> all(GumboTag tag,
                                                  const GumboNode* from = nullptr) const {
    std::vector<const GumboNode*> out;
    walk(from ? from : root(), [&](const GumboNode* n) {
      if (n->v.element.tag == tag) out.push_back(n);
    });
    return out;
  }

  /// Elements whose class attribute contains `cls`.
  [[nodiscard]] std::vector<const GumboNode*> with_class(const std::string& cls) const {
    std::vector<const GumboNode*> out;
    walk(root(), [&](const GumboNode* n) {
      const std::string c = attr(n, "class");
      if ((" " + c + " ").find(" " + cls + " ") != std::string::npos) out.push_back(n);
    });
    return out;
  }

  static std::string attr(const GumboNode* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : "";
  }

  /// The text content of a node, as textContent would give it.
  static std::string text(const GumboNode* n) {
    std::string out;
    append_text(n, out);
    return out;
  }

  /// Calls `f` on `n` and every element below it, in document order.
  static void walk(const GumboNode* n, const std::function<void(const GumboNode*)>& f) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    f(n);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), f);
  }

 private:
  static void append_text(const GumboNode* n, std::string& out) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      append_text(static_cast<const GumboNode*>(kids.data[i]), out);
  }

  std::string html_;
  std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>> output_;
};

}  // namespace versa::test
