// Mustache templates: parsed once into a tree, rendered many times against
// nlohmann::json. Implements the Mustache spec's required modules and
// template inheritance (parents and blocks).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/source_text.hpp"

namespace versa::mustache {

/// The data templates render. Objects keep their members in one flat vector
/// (nlohmann::ordered_json): view models are small, built and dropped for
/// every page, and found by short keys, where a tree of nodes costs more.
using Data = nlohmann::ordered_json;

enum class NodeKind { text, escaped, raw, section, inverted, partial, parent, block };

/// One element of a parsed template.
struct Node {
  NodeKind kind = NodeKind::text;
  std::string text;               ///< literal text, or the tag's name
  std::vector<std::string> path;  ///< name split at dots; empty for "."
  std::vector<Node> children;     ///< section or block content; a parent's block overrides
  std::string indent;       ///< partial/parent: standalone indentation; block: dedented amount
  std::string before;       ///< block: whitespace before a standalone block tag
  bool standalone = false;  ///< block: content is re-indented where it expands
  int line = 0;
  int col = 0;
};

/// A parsed template.
struct Template {
  std::string name;
  std::string path;  ///< file it came from, for diagnostics
  std::vector<Node> nodes;
};

/// Parses `source`. Problems are reported to `diags` as file:line:col; returns
/// nothing when the template cannot be used.
std::unique_ptr<Template> parse_template(std::string name, const SourceText& source,
                                         Diagnostics& diags);

/// Rendering stopped at `where`: partials recursed too deeply, or the page grew
/// past kMaxRenderOutput bytes or kMaxRenderSteps steps (a recursion that
/// prints nothing still ends).
class RenderError : public std::runtime_error {
 public:
  RenderError(Location where, const std::string& message)
      : std::runtime_error(message), where_(std::move(where)) {}
  [[nodiscard]] const Location& where() const { return where_; }

 private:
  Location where_;
};

/// One frame of the context stack. An unnamed frame offers its members (an
/// object's keys); a named frame is found as if it were the object
/// `{name: *data}`, so data shared by many pages is seen without a copy.
struct Frame {
  const Data* data = nullptr;
  std::string_view name = {};
};

/// Sections may nest this deep in one template; deeper is a parse error.
inline constexpr int kMaxSectionNesting = 100;
/// Sections, partials, parents and blocks may nest this deep while rendering.
inline constexpr int kMaxRenderDepth = 200;
/// One render may produce at most this many bytes...
inline constexpr std::size_t kMaxRenderOutput = std::size_t{64} << 20;
/// ...and visit at most this many template nodes.
inline constexpr std::size_t kMaxRenderSteps = 20'000'000;

/// A named collection of templates; partials and parents are looked up here
/// by name when rendering. Once filled, const member functions may be called
/// from several threads at once (rendering keeps its state on the stack).
class TemplateSet {
 public:
  TemplateSet() = default;
  TemplateSet(TemplateSet&&) = default;
  TemplateSet& operator=(TemplateSet&&) = default;

  /// Parses and adds a template; false (with diagnostics) on a parse error.
  /// A template that failed is remembered: references to it are not
  /// reported again as unknown.
  bool add(std::string name, const SourceText& source, Diagnostics& diags);

  [[nodiscard]] const Template* find(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> names() const;

  /// Reports every partial or parent tag that names a template not in the set
  /// (one that failed to parse has its own error already).
  void check_references(Diagnostics& diags) const;

  /// A copy in which each `{{key.name}}` (or `{{{…}}}`) whose value in `value`
  /// is a string, number or boolean without a line break is that text,
  /// escaped as the tag asks and joined to the text around it: pages that
  /// share `value` skip looking it up. Rendered with frames that hold
  /// `{key: value}` and no other member `key` (in no frame and no section
  /// value), the copy prints what this set prints; the tags it kept still
  /// look `key` up.
  [[nodiscard]] TemplateSet with_constant(std::string_view key, const Data& value) const;

  /// Renders `tmpl` with `data`, appending to `out`. A missing partial renders
  /// as nothing (as the spec asks); call check_references() to forbid that.
  /// Throws RenderError past the limits above.
  void render(const Template& tmpl, const Data& data, std::string& out) const;

  /// Renders with a context stack of several frames, the last one on top:
  /// names not found in a frame are looked up in the ones beneath it. `{{.}}`
  /// outside any section is the top frame, which must then be unnamed.
  /// Throws RenderError past the limits above.
  void render(const Template& tmpl, std::span<const Frame> frames, std::string& out) const;
  [[nodiscard]] std::string render(std::string_view name, const Data& data) const;

 private:
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
  std::set<std::string, std::less<>> broken_;  // names whose parse failed
};

}  // namespace versa::mustache
