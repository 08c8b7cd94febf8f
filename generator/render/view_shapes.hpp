// render: the shape of each page kind's view model, written down once. The
// templates are checked against it (check_template_names), templates/README.md
// lists it (names_reference), and a test holds it to what ViewModelBuilder
// really builds.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "mustache/template.hpp"
#include "plan/pages.hpp"

namespace versa::view {

/// What a value is, as far as a template can tell.
enum class ValueKind {
  text,             ///< a string
  flag,             ///< true or false
  text_or_false,    ///< a string, or false when there is none
  object,           ///< an object with the names `members`
  object_or_false,  ///< the same, or false
  list,             ///< a list of objects, each with the names `members`
  text_list,        ///< a list of strings
  labels,           ///< the locale's labels (`t`): checked against en.json by validate
};

struct Name;

struct Shape {
  ValueKind kind = ValueKind::text;
  std::vector<Name> members;  ///< an object's names, or each item's of a list
  // Written out, not defaulted: clang 14 recurses without end on a defaulted
  // comparison of this recursive type (Shape holds Names, Names a Shape).
  bool operator==(const Shape&) const;
};

/// A name templates may use, its value's shape and what it means.
struct Name {
  std::string name;
  Shape shape;
  std::string doc;  ///< one line of templates/README.md
  bool operator==(const Name&) const;
};

/// The frames a page of one kind is rendered with, bottom first. No two
/// frames have a name in common.
struct PageShape {
  std::vector<Name> globals;  ///< the locale's: `t`, `lang`, `languages`...
  std::vector<Name> shared;   ///< shared by name: `breadcrumb`, `a`, `b`, `code`
  std::vector<Name> own;      ///< the page's own view model
};

/// The shape of `kind`'s pages. Built once; safe to call from any thread.
[[nodiscard]] const PageShape& page_shape(PageKind kind);

/// `shape` with a name `<field>_html` added to each code in it (`a`, `b`,
/// `code`) for every field in `code_fields`: the text fields a catalogue
/// declares for its codes (Protocol::extra_code_fields).
[[nodiscard]] PageShape with_code_fields(PageShape shape, std::span<const std::string> code_fields);

/// Every page kind, in the order templates/README.md describes them.
inline constexpr PageKind kPageKinds[] = {PageKind::compare, PageKind::code, PageKind::home,
                                          PageKind::not_found, PageKind::redirect};

/// Reports every `{{name}}`, section and `{{{name}}}` that a page template
/// (compare, code, home, 404, and the parents and partials they reach) uses
/// and that is not a name of the page kinds it is rendered for, at its
/// file:line:col, with the nearest known name. Codes have the names of
/// `code_fields` too (with_code_fields). Returns false when it
/// reported an error. `versa render` does not call it: arbitrary data keeps
/// the Mustache spec's behaviour (a missing name prints nothing).
bool check_template_names(const mustache::TemplateSet& templates,
                          std::span<const std::string> code_fields, Diagnostics& diags);

/// The Markdown tables of every name, as templates/README.md shows them
/// between its "names" markers.
[[nodiscard]] std::string names_reference();

}  // namespace versa::view
