// render: the names each page kind's view model has, and what they mean.
// Adding a value to a view model means adding it here too: the test
// ViewShapes.DeclaredShapesAreWhatViewModelsHold fails until then, and
// templates/README.md is regenerated from here.
#include "render/view_shapes.hpp"

#include <algorithm>
#include <array>

namespace versa::view {

bool Shape::operator==(const Shape& other) const {
  return kind == other.kind &&
         std::equal(members.begin(), members.end(), other.members.begin(), other.members.end(),
                    [](const Name& a, const Name& b) { return a == b; });
}

bool Name::operator==(const Name& other) const {
  return name == other.name && doc == other.doc && shape == other.shape;
}

namespace {

using K = ValueKind;

Name text(std::string name, std::string doc) {
  return {std::move(name), {K::text, {}}, doc};
}

Name of(std::string name, K kind, std::vector<Name> members, std::string doc) {
  return {std::move(name), {kind, std::move(members)}, std::move(doc)};
}

std::vector<Name> links() {
  return {of("links", K::list,
             {text("label_html", "the link's text, as HTML"), text("href", "the relative link")},
             "the links, in order")};
}

// A code as the model writes it (SiteModel's CodeInLocale::view).
std::vector<Name> code_members() {
  return {
      text("code", "the code itself (`250`)"),
      text("name_html", "its name"),
      text("class_label_html", "its class (`2xx Success`)"),
      text("class_summary_html", "what a reply of its class asks of the client"),
      text("rfc_label_html", "the documents that define it (`RFC 5321 and RFC 3207`)"),
      text("summary_html", "one sentence that stands alone (it is the code page's description)"),
      text("description_html", "what it means"),
      text("when_html", "when a server sends it"),
      text("fix_html", "what to do about it"),
      text("use_html", "how clients and servers use it")};
}

std::vector<Name> globals() {
  return {
      of("t", K::labels, {},
         "every message of the locale file that has no arguments, e.g. `{{t.glance_heading}}`; a "
         "name `en.json` lacks is an error"),
      text("lang", "the page's language, a BCP 47 tag"),
      text("dir", "`ltr` or `rtl`, from ICU"),
      text("og_locale", "the Open Graph locale (`vi_VN`)"),
      of("og_alternates", K::text_list, {}, "the Open Graph locales of the other languages"),
      of("languages", K::list,
         {text("lang", "its BCP 47 tag"), text("dir", "`ltr` or `rtl`"),
          text("name", "its name, in itself"),
          text("prefix", "its URL prefix (`vi/`; empty for the default language)"),
          of("current", K::flag, {}, "true for the page's own language")},
         "every language, named in itself"),
      text("base_url", "site.json's `base_url` with a trailing `/`"),
      text("x_default_prefix", "the default language's URL prefix"),
  };
}

// What every page has of its own.
std::vector<Name> page_members() {
  return {
      text("title",
           "text only: `<title>` and `og:title`; a whole text, never cut (`versa check` reports "
           "one over 60 characters); on right-to-left pages it starts with a right-to-left "
           "character"),
      text("description",
           "text only: the meta description and `og:description`, likewise (160 characters)"),
      text("heading", "the `h1`, as text"),
      text("heading_html", "the `h1`, as HTML"),
      of("fallback_notice", K::text_or_false, {},
         "the translated notice that part of the page is shown in another language, or false "
         "when everything is translated"),
      of("canonical", K::text_or_false, {},
         "the absolute URL of the page; false on \"not found\" pages"),
      of("indexable", K::flag, {},
         "false on \"not found\" pages, true on every other: print alternates only then"),
      text("root",
           "the relative path to the site root: the page in another language is "
           "`{{root}}{{prefix}}{{path}}` (absolute on \"not found\" pages)"),
      text("path",
           "the page's path without language prefix: its absolute URL in another language is "
           "`{{base_url}}{{prefix}}{{path}}`"),
      text("home_href", "the link to the language's home (absolute on \"not found\" pages)"),
      text("assets_href", "the link to `assets/` (absolute on \"not found\" pages)"),
      text("json_ld",
           "the page's schema.org data (`BreadcrumbList`; `WebSite` or `TechArticle`) as "
           "JSON-LD, escaped for `<script type=\"application/ld+json\">{{{json_ld}}}</script>`"),
  };
}

Name breadcrumb(std::string doc) {
  return of("breadcrumb", K::list,
            {text("label", "the link's text"), text("href", "the relative link")}, std::move(doc));
}

std::vector<Name> operator+(std::vector<Name> a, std::vector<Name> b) {
  for (Name& n : b) a.push_back(std::move(n));
  return a;
}

PageShape compare_shape() {
  return {globals(),
          {breadcrumb("the links above the page (the home, the protocol, its comparisons)"),
           of("a", K::object, code_members(), "the lower of the two codes"),
           of("b", K::object, code_members(), "the higher code")},
          page_members() +
              std::vector<Name>{
                  text("crumb_current", "the page's own step of the breadcrumb (`250 vs 550`)"),
                  text("intro_html", "the same-class or cross-class introduction"),
                  of("differences", K::list,
                     {text("code", "the code the item is about; empty for an unlabelled item"),
                      text("name_html", "that code's name"), text("html", "the item's text")},
                     "the key differences, numbered"),
                  of("learn", K::object, links(), "the pages of both codes"),
                  of("related", K::object, links(), "comparisons of each code with its neighbours"),
              }};
}

PageShape code_shape() {
  return {
      globals(),
      {breadcrumb("the links above the page (the home, the protocol)"),
       of("code", K::object, code_members(), "the code of the page")},
      page_members() + std::vector<Name>{
                           text("crumb_current", "the page's own step of the breadcrumb: the code"),
                           text("compare_heading_html", "the heading of the list of comparisons"),
                           of("comparisons", K::object, links(), "every comparison with this code"),
                       }};
}

PageShape home_shape() {
  const auto code_link = [] {
    return std::vector<Name>{text("code", "the code"), text("name_html", "its name"),
                             text("href", "the relative link to its page")};
  };
  return {
      globals(),
      {},
      page_members() +
          std::vector<Name>{
              text("tagline_html", "the site's tagline"),
              of("protocols", K::list,
                 {text("id", "its identifier (`smtp`), for `id` attributes"),
                  text("name", "its name (`SMTP`)"), text("title", "its title, translated"),
                  text("summary_html", "how many codes and comparisons it has"),
                  of("picker", K::object,
                     {text("base", "the relative link to its comparisons"),
                      of("options", K::list,
                         {text("value", "`<code>-<slug>`, as the comparisons' folders name it"),
                          text("code", "the code"), text("name", "its name, as text")},
                         "every code, in catalogue order")},
                     "the comparison picker (`assets/picker.js`)"),
                  of("classes", K::list,
                     {text("label_html", "the class (`2xx Success`)"),
                      of("codes", K::list, code_link(), "its codes, in catalogue order")},
                     "the codes by class"),
                  of("codes_by_name", K::list, code_link(),
                     "every code, sorted by name with the language's ICU collation"),
                  of("comparisons", K::object_or_false, links(),
                     "every comparison, or false past 2,000 of them (the picker reaches each)")},
                 "each protocol of the catalogue")}};
}

PageShape not_found_shape() {
  return {globals(), {}, page_members()};
}

// Not laid out by layout.html: it has none of the names of every page.
PageShape redirect_shape() {
  return {globals(),
          {},
          {text("title", "the comparison's tab title, as on the comparison page"),
           text("canonical", "the absolute URL of the comparison"),
           text("href", "the relative link to the comparison"),
           text("label_html", "the comparison's name, as links to it say it"),
           of("fallback_notice", K::text_or_false, {},
              "the translated notice that part of the page is shown in another language, or "
              "false")}};
}

// Markdown: one row per name, a list's or object's names below it as
// `list[].name` and `object.name`.
void rows(const std::vector<Name>& names, const std::string& prefix, std::string& out) {
  for (const Name& n : names) {
    std::string value;
    switch (n.shape.kind) {
      case K::text:
        break;
      case K::flag:
        value = "true or false: ";
        break;
      case K::text_or_false:
        value = "text or false: ";
        break;
      case K::object:
      case K::object_or_false:
        value = n.shape.members == code_members() ? "a code (above): " : "";
        break;
      case K::list:
        value = "a list: ";
        break;
      case K::text_list:
        value = "a list of texts (`{{.}}`): ";
        break;
      case K::labels:
        break;
    }
    const char* const inside = n.shape.kind == K::labels ? ".<key>" : "";
    out += "| `" + prefix + n.name + inside + "` | " + value + n.doc + " |\n";
    if (n.shape.members == code_members()) continue;
    const bool list = n.shape.kind == K::list;
    rows(n.shape.members, prefix + n.name + (list ? "[]." : "."), out);
  }
}

void table(const std::vector<Name>& names, std::string& out) {
  out += "| name | value |\n| --- | --- |\n";
  rows(names, "", out);
}

bool has(const std::vector<Name>& names, const Name& n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

}  // namespace

const PageShape& page_shape(PageKind kind) {
  static const std::array<PageShape, kPageKindCount> shapes = [] {
    std::array<PageShape, kPageKindCount> s;
    s[static_cast<std::size_t>(PageKind::compare)] = compare_shape();
    s[static_cast<std::size_t>(PageKind::code)] = code_shape();
    s[static_cast<std::size_t>(PageKind::home)] = home_shape();
    s[static_cast<std::size_t>(PageKind::not_found)] = not_found_shape();
    s[static_cast<std::size_t>(PageKind::redirect)] = redirect_shape();
    return s;
  }();
  return shapes[static_cast<std::size_t>(kind)];
}

PageShape with_code_fields(PageShape shape, std::span<const std::string> code_fields) {
  for (Name& n : shape.shared) {
    if (n.shape.members != code_members()) continue;
    for (const std::string& field : code_fields) {
      n.shape.members.push_back(text(field + "_html", "declared in the catalogue's code_fields"));
    }
  }
  return shape;
}

std::string names_reference() {
  std::string out;
  out += "### Every page, from its language\n\n";
  table(globals(), out);
  out += "\n### Every page, its own\n\n";
  // The names every kind has alike, then each kind's others.
  std::vector<Name> common;
  for (const Name& n : page_shape(PageKind::compare).own) {
    if (std::all_of(std::begin(kPageKinds), std::end(kPageKinds), [&](PageKind k) {
          return k == PageKind::redirect || has(page_shape(k).own, n);
        }))
      common.push_back(n);
  }
  table(common, out);
  out += "\n### A code, as code and comparison pages show it\n\n";
  out +=
      "A text shown in another language, because its translation is missing, comes wrapped in an "
      "element with that language's `lang` and `dir`.\n\n";
  table(code_members(), out);
  const struct {
    PageKind kind;
    const char* heading;
    const char* about;
  } kinds[] = {{PageKind::compare, "Comparison pages (`compare.html`)",
                "One per pair of codes of a protocol and language."},
               {PageKind::code, "Code pages (`code.html`)", "One per code and language."},
               {PageKind::home, "Home pages (`home.html`)", "One per language."},
               {PageKind::not_found, "\"Not found\" pages (`404.html`)",
                "One per language (`404.html`, `<tag>/404.html`). A host serves it at any missing "
                "address, so its links are absolute."},
               {PageKind::redirect, "Redirect pages (`redirect.html`)",
                "One per pair of codes and language, at the comparison's address with the higher "
                "code first, sending readers to the comparison. A page of its own, not in the "
                "layout: it has only the names below (and the language's)."}};
  for (const auto& [kind, heading, about] : kinds) {
    const bool apart = kind == PageKind::redirect;  // not laid out by layout.html
    std::vector<Name> names = page_shape(kind).shared;
    for (const Name& n : page_shape(kind).own) {
      if (apart || !has(common, n)) names.push_back(n);
    }
    out += "\n### " + std::string(heading) + "\n\n" + about;
    if (names.empty()) {
      out += " It has the names of every page, and no other.\n";
    } else {
      out += apart ? "\n\n" : " Beside the names of every page:\n\n";
      table(names, out);
    }
  }
  return out;
}

}  // namespace versa::view
