// render: the declared shapes of the view models are what ViewModelBuilder
// builds and what templates/README.md lists; the templates are checked
// against them, name by name.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "plan/pages.hpp"
#include "render/view_model.hpp"
#include "render/view_shapes.hpp"
#include "support/diagnostics_text.hpp"
#include "validate/project.hpp"

using namespace versa;
using view::Name;
using view::Shape;
using view::ValueKind;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = VERSA_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Where `value` is not of `shape`: a wrong type, a name the shape does not
// declare, or a declared name the value lacks. Written from the JSON side,
// independently of the template checker.
void mismatches(const mustache::Data& value, const Shape& shape, const std::string& at,
                std::set<std::string>& out) {
  const auto members = [&](const mustache::Data& object, const std::string& where) {
    if (!object.is_object()) {
      out.insert(where + ": not an object");
      return;
    }
    std::set<std::string> declared;
    for (const Name& n : shape.members) {
      declared.insert(n.name);
      const auto it = object.find(n.name);
      if (it == object.end()) {
        out.insert(where + "." + n.name + ": declared, missing from the view model");
      } else {
        mismatches(*it, n.shape, where + "." + n.name, out);
      }
    }
    for (const auto& [key, v] : object.items()) {
      if (!declared.contains(key))
        out.insert(where + "." + key + ": in the view model, undeclared");
    }
  };
  const bool is_false = value.is_boolean() && !value.get<bool>();
  switch (shape.kind) {
    case ValueKind::text:
      if (!value.is_string()) out.insert(at + ": not a text");
      break;
    case ValueKind::flag:
      if (!value.is_boolean()) out.insert(at + ": not true or false");
      break;
    case ValueKind::text_or_false:
      if (!value.is_string() && !is_false) out.insert(at + ": neither a text nor false");
      break;
    case ValueKind::object:
      members(value, at);
      break;
    case ValueKind::object_or_false:
      if (!is_false) members(value, at);
      break;
    case ValueKind::list:
      if (!value.is_array()) {
        out.insert(at + ": not a list");
      } else {
        for (const auto& item : value) members(item, at + "[]");
      }
      break;
    case ValueKind::text_list:
      if (!value.is_array()) {
        out.insert(at + ": not a list");
      } else {
        for (const auto& item : value) {
          if (!item.is_string()) out.insert(at + "[]: not a text");
        }
      }
      break;
    case ValueKind::labels:
      if (!value.is_object()) {
        out.insert(at + ": not an object");
      } else {
        for (const auto& [key, v] : value.items()) {
          if (!v.is_string()) out.insert(at + "." + key + ": not a text");
        }
      }
      break;
  }
}

// The shipped site's project and its view models.
struct Shipped {
  std::unique_ptr<Project> project = [] {
    const std::string root = VERSA_SOURCE_DIR;
    Diagnostics diags;
    auto p = validate(load_inputs({root + "/catalogue", root + "/locales", root + "/templates",
                                   root + "/site.json"},
                                  diags),
                      diags);
    if (!p) throw std::runtime_error("the shipped inputs do not validate");
    return p;
  }();
  Plan pages{*project};
  Urls urls{*project};
  SiteModel model{*project};
  ViewModelBuilder views{model, urls};
};

// The shipped templates, with some files replaced or added.
struct Templates {
  mustache::TemplateSet set;
  Diagnostics diags;
  std::vector<std::string> errors;

  explicit Templates(const std::map<std::string, std::string>& changed = {}) {
    std::map<std::string, std::string> files;
    const fs::path dir = kSource / "templates";
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      const fs::path rel = fs::relative(e.path(), dir);
      if (e.is_regular_file() && rel.extension() == ".html" && *rel.begin() != "assets") {
        files[fs::path(rel).replace_extension().generic_string()] = read(e.path());
      }
    }
    for (const auto& [name, text] : changed) files[name] = text;
    for (const auto& [name, text] : files) {
      if (!set.add(name, SourceText("templates/" + name + ".html", text), diags)) {
        throw std::runtime_error("template " + name + " does not parse");
      }
    }
    view::check_template_names(set, {}, diags);
    errors = test::formatted(diags);
  }
};

// `name`'s shipped text with `from` replaced by `to` (once; it must be there).
std::string edited(const std::string& name, const std::string& from, const std::string& to) {
  std::string text = read(kSource / "templates" / (name + ".html"));
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error(from + " is not in " + name);
  return text.replace(at, from.size(), to);
}

const char* const kBegin = "<!-- names: generated";
const char* const kEnd = "<!-- end of names -->";

}  // namespace

TEST(ViewShapes, DeclaredShapesAreWhatViewModelsHold) {
  const Shipped s;
  std::set<std::pair<PageKind, std::uint32_t>> seen;
  std::size_t compared = 0;
  for (std::size_t i = 0; i < s.pages.size(); ++i) {
    const Page page = s.pages[i];
    // Every page but one comparison in four: those of the same class, of
    // two classes and of two documents are all among them, at a quarter of
    // the time under the sanitizers.
    if (page.kind == PageKind::compare && compared++ % 4 != 0) continue;
    seen.emplace(page.kind, page.locale);
    const view::PageShape& shape = view::page_shape(page.kind);
    const std::string where = s.urls.output_file(page);
    std::set<std::string> wrong;
    const SharedFrames shared = s.views.shared_frames(page);
    ASSERT_GE(shared.size, 1u);
    ASSERT_TRUE(shared.frames[0].name.empty()) << where;
    mismatches(*shared.frames[0].data, Shape{ValueKind::object, shape.globals}, "globals", wrong);
    // The frames shared by name: exactly the declared ones.
    std::set<std::string> named;
    for (std::size_t f = 1; f < shared.size; ++f) {
      const std::string name(shared.frames[f].name);
      named.insert(name);
      const auto declared = std::find_if(shape.shared.begin(), shape.shared.end(),
                                         [&](const Name& n) { return n.name == name; });
      if (declared == shape.shared.end()) {
        wrong.insert(name + ": shared, undeclared");
      } else {
        mismatches(*shared.frames[f].data, declared->shape, name, wrong);
      }
    }
    for (const Name& n : shape.shared) {
      if (!named.contains(n.name)) wrong.insert(n.name + ": declared, not shared");
    }
    mismatches(s.views.build(page), Shape{ValueKind::object, shape.own}, "page", wrong);
    ASSERT_TRUE(wrong.empty()) << where << ":\n  " << [&] {
      std::string all;
      for (const auto& w : wrong) all += w + "\n  ";
      return all;
    }();
  }
  EXPECT_EQ(seen.size(), std::size(view::kPageKinds) * s.project->localizations.size());
}

// The tables of templates/README.md are the declared shapes; run with
// VERSA_UPDATE_TEMPLATES_README=1 to write them there after changing a shape.
TEST(ViewShapes, TemplatesReadmeListsEveryName) {
  const fs::path path = kSource / "templates/README.md";
  std::string readme = read(path);
  const auto begin = readme.find(kBegin);
  ASSERT_NE(begin, std::string::npos) << "templates/README.md has no " << kBegin;
  const auto first = readme.find('\n', begin) + 1;
  const auto end = readme.find(kEnd, first);
  ASSERT_NE(end, std::string::npos) << "templates/README.md has no " << kEnd;
  const std::string generated = view::names_reference();
  if (const char* update = std::getenv("VERSA_UPDATE_TEMPLATES_README"); update && *update == '1') {
    readme.replace(first, end - first, generated);
    std::ofstream(path, std::ios::binary) << readme;
    return;
  }
  // The first line that differs, rather than two pages of tables.
  std::istringstream in_readme(readme.substr(first, end - first)), in_shapes(generated);
  std::string has, wants;
  for (int line = 1; in_readme || in_shapes; ++line) {
    has = wants = "(none)";
    std::getline(in_readme, has);
    std::getline(in_shapes, wants);
    ASSERT_EQ(has, wants) << "line " << line << " of the names in templates/README.md differs "
                          << "from generator/render/view_shapes.cpp; if the change is meant, "
                          << "rerun with VERSA_UPDATE_TEMPLATES_README=1";
  }
}

TEST(TemplateNames, TheShippedTemplatesUseOnlyNamesTheirPagesHave) {
  const Templates t;
  EXPECT_TRUE(t.errors.empty()) << t.errors.front();
}

TEST(TemplateNames, AMisspelledNameIsLocatedWithTheNearestName) {
  const Templates t(
      {{"compare", edited("compare", "{{{intro_html}}}", "{{{introduction_html}}}")}});
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0],
            "templates/compare.html:8:20: error: unknown name \"introduction_html\"; did you mean "
            "\"intro_html\"?");
}

TEST(TemplateNames, NamesWithoutANearOneSendToTheReadme) {
  const Templates t({{"404", edited("404", "{{{heading_html}}}", "{{{xyzzy}}}")}});
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0],
            "templates/404.html:3:5: error: unknown name \"xyzzy\"; templates/README.md lists the "
            "names each page has");
}

TEST(TemplateNames, TheLabelsAreSuggestedOnlyForADottedName) {
  const Templates one({{"404", edited("404", "{{{heading_html}}}", "{{x}}")}});
  ASSERT_EQ(one.errors.size(), 1u);
  EXPECT_EQ(one.errors[0].find("did you mean"), std::string::npos) << one.errors[0];
  const Templates dotted({{"404", edited("404", "{{t.not_found_text}}", "{{tt.not_found_text}}")}});
  ASSERT_EQ(dotted.errors.size(), 1u);
  EXPECT_NE(dotted.errors[0].find("did you mean \"t.not_found_text\"?"), std::string::npos)
      << dotted.errors[0];
}

TEST(TemplateNames, DottedNamesAreLookedUpInsideTheirObject) {
  const Templates t({{"compare", edited("compare", "{{{a.name_html}}}", "{{{a.nmae_html}}}")}});
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_NE(t.errors[0].find("compare.html:17:"), std::string::npos) << t.errors[0];
  EXPECT_NE(t.errors[0].find("unknown name \"a.nmae_html\"; did you mean \"a.name_html\"?"),
            std::string::npos)
      << t.errors[0];
}

TEST(TemplateNames, ASectionOffersItsItemsNamesAndThoseBeneath) {
  // Inside {{#differences}}: an item's `html` and `code`, and the page's
  // `heading` beneath; not a name of neither.
  const Templates ok(
      {{"compare", edited("compare", "{{{html}}}</li>", "{{{html}}}{{heading}}</li>")}});
  EXPECT_TRUE(ok.errors.empty()) << ok.errors.front();
  const Templates t({{"compare", edited("compare", "{{{html}}}</li>", "{{{htlm}}}</li>")}});
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_NE(t.errors[0].find("unknown name \"htlm\"; did you mean \"html\"?"), std::string::npos)
      << t.errors[0];
  // `html` outside the section is no name of the page.
  const Templates outside(
      {{"compare", edited("compare", "{{/differences}}", "{{/differences}}{{{html}}}")}});
  ASSERT_EQ(outside.errors.size(), 1u);
  EXPECT_NE(outside.errors[0].find("unknown name \"html\""), std::string::npos)
      << outside.errors[0];
}

TEST(TemplateNames, ListsAndTextsHaveNoNamesInside) {
  const Templates list(
      {{"compare", edited("compare", "{{#differences}}", "{{differences.code}}{{#differences}}")}});
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_NE(list.errors[0].find("\"differences\" is a list, so \"differences.code\" is never "
                                "found; write {{#differences}}{{code}}{{/differences}}"),
            std::string::npos)
      << list.errors[0];
  const Templates text({{"404", edited("404", "{{{heading_html}}}", "{{heading.text}}")}});
  ASSERT_EQ(text.errors.size(), 1u);
  EXPECT_EQ(text.errors[0],
            "templates/404.html:3:5: error: \"heading\" is a text and has no names inside: "
            "\"heading.text\" is never found; write {{heading}}");
}

TEST(TemplateNames, AnUnknownSectionIsReportedOnceNotForEachNameInside) {
  std::string compare = edited("compare", "{{#differences}}", "{{#diferences}}");
  compare.replace(compare.find("{{/differences}}"), 16, "{{/diferences}}");
  const Templates t({{"compare", compare}});
  ASSERT_EQ(t.errors.size(), 1u) << t.errors.back();
  EXPECT_NE(t.errors[0].find("unknown name \"diferences\"; did you mean \"differences\"?"),
            std::string::npos)
      << t.errors[0];
  std::string home = edited("home", "{{^comparisons}}", "{{^comparison}}");
  home.replace(home.rfind("{{/comparisons}}"), 16, "{{/comparison}}");
  const Templates inverted({{"home", home}});
  ASSERT_EQ(inverted.errors.size(), 1u);
  EXPECT_NE(inverted.errors[0].find("did you mean \"comparisons\"?"), std::string::npos);
}

TEST(TemplateNames, APartialIsCheckedWhereItIsIncluded) {
  // A name misspelled in a partial: wrong at every include.
  const Templates t({{"partials/link-list", edited("partials/link-list", "{{href}}", "{{hrfe}}")}});
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].rfind("templates/partials/link-list.html:3:16: error: unknown name "
                              "\"hrfe\"; did you mean \"href\"?",
                              0),
            0u)
      << t.errors[0];
  // Included where `links` is not a name: the include is named.
  const Templates misplaced(
      {{"compare", edited("compare", "{{#learn}}", "{{>partials/link-list}}\n    {{#learn}}")}});
  ASSERT_EQ(misplaced.errors.size(), 1u);
  EXPECT_EQ(misplaced.errors[0].rfind(
                "templates/partials/link-list.html:2:3: error: \"links\" is not found where this "
                "template is included at templates/compare.html:56:5",
                0),
            0u)
      << misplaced.errors[0];
}

TEST(TemplateNames, TheLayoutIsCheckedForEveryPageKind) {
  const Templates t({{"layout", edited("layout", "<main id=\"content\">",
                                       "<main id=\"content\">{{{intro_html}}}")}});
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(
      t.errors[0],
      "templates/layout.html:44:22: error: \"intro_html\" is a name of comparison pages only, "
      "and code, home and \"not found\" pages render this line too; use it only where those "
      "pages reach");
  // A block a page fills is checked with that page's names.
  const Templates block({{"code", edited("code", "{{>partials/breadcrumb}}",
                                         "{{>partials/breadcrumb}}{{intro_html}}")}});
  ASSERT_EQ(block.errors.size(), 1u);
  EXPECT_NE(block.errors[0].find("templates/code.html:3:25: error: unknown name \"intro_html\""),
            std::string::npos)
      << block.errors[0];
}

TEST(TemplateNames, LabelsAndTheCurrentItemAreNotNamesOfTheViewModel) {
  // `t.*` is checked against en.json by validate; `{{.}}` is whatever is on top.
  const Templates t({{"404", edited("404", "{{t.not_found_text}}", "{{t.anything}}{{.}}")}});
  EXPECT_TRUE(t.errors.empty()) << t.errors.front();
}

TEST(TemplateNames, ATemplateNoPageReachesIsNotChecked) {
  // It can only be rendered by `versa render`, with data of the user's own.
  const Templates t({{std::string("partials/extra"), "{{anything}}{{#at}}{{all}}{{/at}}\n"}});
  EXPECT_TRUE(t.errors.empty()) << t.errors.front();
}
