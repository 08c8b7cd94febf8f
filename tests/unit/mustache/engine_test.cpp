// The template engine beyond the spec: located errors, escaping, reuse.
#include <gtest/gtest.h>

#include <algorithm>

#include "mustache/template.hpp"

using namespace versa;
using json = versa::mustache::Data;

namespace {

struct Compiled {
  Diagnostics diags;
  mustache::TemplateSet set;
  bool ok = false;
};

std::unique_ptr<Compiled> compile(
    std::string_view text,
    std::initializer_list<std::pair<std::string, std::string>> partials = {}) {
  auto c = std::make_unique<Compiled>();
  for (const auto& [name, body] : partials)
    c->set.add(name, SourceText(name + ".html", body), c->diags);
  c->ok = c->set.add("main", SourceText("templates/main.html", std::string(text)), c->diags);
  return c;
}

std::string first_error(const Compiled& c) {
  return c.diags.all().empty() ? "" : format_diagnostic(c.diags.all().front());
}

}  // namespace

TEST(MustacheEngine, UnclosedSectionNamesFileLineAndColumn) {
  auto c = compile("<ul>\n  {{#items}}\n  <li>{{name}}</li>\n</ul>\n");
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(
      first_error(*c).rfind("templates/main.html:2:3: error: section 'items' is never closed", 0),
      0u)
      << first_error(*c);
}

// Closing an outer section first leaves the inner one open: that one is the
// mistake, reported where it opens.
TEST(MustacheEngine, MismatchedCloseIsReportedAtTheSectionLeftOpen) {
  auto c = compile("{{#a}}\n{{#b}}\nx{{/a}}\n");
  EXPECT_FALSE(c->ok);
  EXPECT_EQ(first_error(*c),
            "templates/main.html:2:1: error: section 'b' is never closed; add "
            "{{/b}} before {{/a}} at line 3");
}

// A standalone block is parsed again from its dedented content; errors in it
// still point into the file as written, in nested blocks too.
TEST(MustacheEngine, TagsInsideIndentedBlocksAreLocatedExactly) {
  const std::string text =
      "{{<layout}}\n"
      "    {{$content}}\n"
      "        {{$inner}}\n"
      "\n"
      "            <b>{{>missing}}</b>\n"
      "        {{/inner}}\n"
      "    {{/content}}\n"
      "{{/layout}}\n";
  auto c = compile(text, {{"layout", "{{$content}}{{/content}}"}});
  ASSERT_TRUE(c->ok);
  Diagnostics diags;
  c->set.check_references(diags);
  ASSERT_EQ(diags.error_count(), 1);
  // Line 5, after 12 spaces and "<b>".
  EXPECT_EQ(format_diagnostic(diags.all()[0])
                .rfind("templates/main.html:5:16: error: unknown "
                       "partial 'missing'",
                       0),
            0u)
      << format_diagnostic(diags.all()[0]);
}

TEST(MustacheEngine, ErrorsInsideIndentedBlocksAreLocatedExactly) {
  const std::string block =
      "{{<layout}}\n"
      "    {{$content}}\n"
      "        <p>{{#items}}x{{/itemz}}</p>\n"
      "    {{/content}}\n"
      "{{/layout}}\n";
  const std::string nested =
      "{{<layout}}\n"
      "    {{$content}}\n"
      "        {{$inner}}\n"
      "\n"
      "            <b>{{#more}}y{{/mor}}</b>\n"
      "        {{/inner}}\n"
      "    {{/content}}\n"
      "{{/layout}}\n";
  for (const auto& [text, tag] : {std::pair{block, "{{/itemz}}"}, std::pair{nested, "{{/mor}}"}}) {
    auto c = compile(text, {{"layout", "{{$content}}{{/content}}"}});
    EXPECT_FALSE(c->ok);
    // Where the section opens, and the line of the bad close tag, counted
    // independently of the parser.
    const std::size_t at = text.rfind("{{#", text.find(tag));
    const auto line =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    const std::size_t col = at - (text.rfind('\n', at) + 1) + 1;
    const std::string expected = "templates/main.html:" + std::to_string(line) + ":" +
                                 std::to_string(col) + ": error: section";
    EXPECT_EQ(first_error(*c).rfind(expected, 0), 0u) << first_error(*c);
    EXPECT_NE(first_error(*c).find(std::string("is closed by ") + tag + " at line " +
                                   std::to_string(line) + ","),
              std::string::npos)
        << first_error(*c);
  }
}

TEST(MustacheEngine, StrayCloseAndUnterminatedTagAreErrors) {
  auto stray = compile("hello {{/a}}");
  EXPECT_NE(
      first_error(*stray).find("main.html:1:7: error: 'a' closes a section that was never opened"),
      std::string::npos);
  auto open = compile("line\n\xC3\xA9 {{name");
  // The column counts characters, not bytes: "é " is two characters.
  EXPECT_NE(first_error(*open).find("main.html:2:3: error: tag '{{' is never closed"),
            std::string::npos)
      << first_error(*open);
}

TEST(MustacheEngine, UnknownPartialIsLocatedByCheckReferences) {
  auto c = compile("a\n  {{> missing}}\n");
  ASSERT_TRUE(c->ok);
  Diagnostics diags;
  c->set.check_references(diags);
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_NE(
      format_diagnostic(diags.all()[0]).find("main.html:2:3: error: unknown partial 'missing'"),
      std::string::npos);
}

TEST(MustacheEngine, EscapesEveryHtmlSpecialCharacter) {
  auto c = compile("<p title=\"{{v}}\">{{v}}</p>{{{v}}}{{&v}}");
  ASSERT_TRUE(c->ok);
  const json data = {{"v", "<b>\"Tom\" & 'Jerry'</b>"}};
  EXPECT_EQ(c->set.render("main", data),
            "<p title=\"&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;\">"
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>"
            "<b>\"Tom\" & 'Jerry'</b><b>\"Tom\" & 'Jerry'</b>");
}

TEST(MustacheEngine, ParsedOnceRenderedWithManyDataSets) {
  auto c = compile("{{#items}}{{.}},{{/items}}{{^items}}none{{/items}}");
  ASSERT_TRUE(c->ok);
  EXPECT_EQ(c->set.render("main", {{"items", {1, 2, 3}}}), "1,2,3,");
  EXPECT_EQ(c->set.render("main", {{"items", json::array()}}), "none");
  EXPECT_EQ(c->set.render("main", {{"items", {"x"}}}), "x,");
}

TEST(MustacheEngine, LayoutInheritanceWithDefaultsAndOverrides) {
  auto c =
      compile("{{<layout}}{{$title}}Page{{/title}}{{/layout}}",
              {{"layout",
                "<title>{{$title}}Default{{/title}}</title><main>{{$body}}empty{{/body}}</main>"}});
  ASSERT_TRUE(c->ok);
  EXPECT_EQ(c->set.render("main", json::object()), "<title>Page</title><main>empty</main>");
}

TEST(MustacheEngine, RecursivePartialStopsWithAnError) {
  auto c = compile("{{>loop}}", {{"loop", "x{{>loop}}"}});
  ASSERT_TRUE(c->ok);
  EXPECT_THROW((void)c->set.render("main", json::object()), std::runtime_error);
}

TEST(MustacheEngine, EmptyStringAndMissingValuesAreFalsey) {
  auto c = compile(
      "{{#s}}yes{{/s}}{{^s}}no{{/s}}|{{#missing}}yes{{/missing}}{{^missing}}no{{/missing}}");
  ASSERT_TRUE(c->ok);
  EXPECT_EQ(c->set.render("main", {{"s", ""}}), "no|no");
  EXPECT_EQ(c->set.render("main", {{"s", "x"}}), "yes|no");
}

TEST(MustacheEngine, InvalidUtf8InATemplateIsLocated) {
  auto c = compile("ok\nbad \xFF here");
  EXPECT_FALSE(c->ok);
  EXPECT_NE(first_error(*c).find("main.html:2:5: error: invalid UTF-8"), std::string::npos)
      << first_error(*c);
}

TEST(MustacheEngine, NamedFramesAreSeenAsObjectsWithOneKey) {
  auto c = compile("{{a.name}} {{#a}}{{name}}/{{page}}{{/a}} {{^b}}no b{{/b}} [{{.}}]");
  ASSERT_TRUE(c->ok);
  const json shared = {{"name", "211"}};
  const json page = {{"page", "p"}};
  const mustache::Frame frames[] = {{&shared, "a"}, {&page}};
  std::string out;
  c->set.render(*c->set.find("main"), std::span<const mustache::Frame>(frames), out);
  // Inside {{#a}}, names fall back to the frames beneath, as with any section.
  EXPECT_EQ(out, "211 211/p no b [{&quot;page&quot;:&quot;p&quot;}]");
}

TEST(MustacheEngine, UpperFramesShadowLowerOnesAndNamedFramesShadowKeys) {
  auto c = compile("{{x}} {{a}} {{#a}}{{x}}{{/a}}");
  ASSERT_TRUE(c->ok);
  const json bottom = {{"x", "bottom"}, {"a", "key a"}};
  const json named = {{"x", "named"}};
  const json top = {{"x", "top"}};
  std::string out;
  const mustache::Frame frames[] = {{&bottom}, {&named, "a"}, {&top}};
  c->set.render(*c->set.find("main"), std::span<const mustache::Frame>(frames), out);
  EXPECT_EQ(out, "top {&quot;x&quot;:&quot;named&quot;} named");
  // A named frame on top: {{.}} has no unnamed frame to show.
  auto dot = compile("[{{.}}]");
  ASSERT_TRUE(dot->ok);
  out.clear();
  const mustache::Frame named_top[] = {{&bottom}, {&named, "a"}};
  dot->set.render(*dot->set.find("main"), std::span<const mustache::Frame>(named_top), out);
  EXPECT_EQ(out, "[]");
}

TEST(MustacheEngine, ConstantsAreWrittenIntoACopyThatRendersTheSame) {
  auto c = compile(
      "<h1>{{t.title}}</h1>{{#items}}<p>{{t.label}} {{.}}</p>{{/items}}{{>card}}"
      "{{{t.raw}}} {{t.n}} {{t.missing}}[{{t.lines}}]",
      {{"card", "  {{t.label}}!\n"}});
  ASSERT_TRUE(c->ok);
  const json constants = {
      {"title", "A & B"}, {"label", "<i>"}, {"raw", "<b>"}, {"n", 3}, {"lines", "one\ntwo"}};
  const json data = {{"items", {1, 2}}};
  const mustache::TemplateSet bound = c->set.with_constant("t", constants);
  const json t_frame = {{"t", constants}};
  const mustache::Frame frames[] = {{&t_frame}, {&data}};
  std::string looked_up;
  c->set.render(*c->set.find("main"), std::span<const mustache::Frame>(frames), looked_up);
  std::string written_in;
  bound.render(*bound.find("main"), std::span<const mustache::Frame>(frames), written_in);
  EXPECT_EQ(written_in, looked_up);
  // A value with a line break is still looked up.
  EXPECT_EQ(bound.render("main", data),
            "<h1>A &amp; B</h1><p>&lt;i&gt; 1</p><p>&lt;i&gt; 2</p>  "
            "&lt;i&gt;!\n<b> 3 []");
  EXPECT_EQ(looked_up,
            "<h1>A &amp; B</h1><p>&lt;i&gt; 1</p><p>&lt;i&gt; 2</p>  &lt;i&gt;!\n<b> 3 [one\ntwo]");
  // The original set still looks `t` up.
  EXPECT_EQ(c->set.render("main", data), "<h1></h1><p> 1</p><p> 2</p>  !\n  []");
}
