// Sections left open or closed by the wrong tag: each is reported once, at the
// tag that opened it, whether it stands at the top of a file or inside a block
// (standalone blocks are parsed again from their dedented text), and nothing
// that only follows from it is reported besides.
#include <gtest/gtest.h>

#include <algorithm>

#include "mustache/template.hpp"
#include "support/diagnostics_text.hpp"

using namespace versa;
using versa::test::formatted;

namespace {

constexpr const char* kLayout = "<main>{{$content}}{{/content}}</main>{{$scripts}}{{/scripts}}";

// Every diagnostic of adding `main` (as templates/main.html) to a set that
// holds a layout, then checking references as a build does.
std::vector<std::string> errors_of(const std::string& main) {
  Diagnostics diags;
  mustache::TemplateSet set;
  EXPECT_TRUE(set.add("layout", SourceText("templates/layout.html", kLayout), diags));
  EXPECT_FALSE(set.add("main", SourceText("templates/main.html", main), diags));
  set.check_references(diags);
  return formatted(diags);
}

// "line:col" of the `nth` (from 0) occurrence of `tag` in `text`, counted
// here, independently of the parser: lines from 1, columns in bytes from 1
// (the inputs are ASCII).
std::string at(const std::string& text, const std::string& tag, int nth = 0) {
  std::size_t pos = text.find(tag);
  for (int k = 0; k < nth && pos != std::string::npos; ++k) pos = text.find(tag, pos + 1);
  EXPECT_NE(pos, std::string::npos) << tag;
  const auto before = text.substr(0, pos);
  const auto line = std::count(before.begin(), before.end(), '\n') + 1;
  const auto line_start = before.rfind('\n');
  const std::size_t col = pos - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string line_of(const std::string& text, const std::string& tag, int nth = 0) {
  const std::string lc = at(text, tag, nth);
  return lc.substr(0, lc.find(':'));
}

std::string error_at(const std::string& text, const std::string& tag, const std::string& message,
                     int nth = 0) {
  return "templates/main.html:" + at(text, tag, nth) + ": error: " + message;
}

}  // namespace

// The shape of compare.html without {{/differences}}: a standalone block on
// its own line, an indented section inside it left open.
TEST(MustacheSections, UnclosedSectionInAStandaloneBlockIsReportedAtItsOpeningTag) {
  const std::string text =
      "{{<layout}}\n"
      "{{$content}}\n"
      "<article>\n"
      "  <ol>\n"
      "    {{#differences}}\n"
      "    <li>{{#code}}<b>{{code}}</b>{{/code}}{{{html}}}</li>\n"
      "  </ol>\n"
      "</article>\n"
      "{{/content}}\n"
      "{{/layout}}\n";
  EXPECT_EQ(errors_of(text),
            std::vector<std::string>{error_at(
                text, "{{#differences}}",
                "section 'differences' is never closed; add {{/differences}} before {{/content}} "
                "at line " +
                    line_of(text, "{{/content}}"))});
}

// Blocks indented, nested in blocks, and a block that is not standalone.
TEST(MustacheSections, UnclosedSectionsInNestedAndInlineBlocksAreReportedAtTheirOpeningTags) {
  const std::string nested =
      "{{<layout}}\n"
      "    {{$content}}\n"
      "        {{$inner}}\n"
      "\n"
      "            <b>{{^more}}y</b>\n"
      "        {{/inner}}\n"
      "    {{/content}}\n"
      "{{/layout}}\n";
  EXPECT_EQ(errors_of(nested),
            std::vector<std::string>{error_at(
                nested, "{{^more}}",
                "inverted section 'more' is never closed; add {{/more}} before {{/inner}} at "
                "line " +
                    line_of(nested, "{{/inner}}"))});
  const std::string inline_block = "{{<layout}}{{$content}}<p>{{#a}}x</p>{{/content}}{{/layout}}";
  EXPECT_EQ(errors_of(inline_block),
            std::vector<std::string>{
                error_at(inline_block, "{{#a}}",
                         "section 'a' is never closed; add {{/a}} before {{/content}} at line 1")});
}

// The shape of layout.html with a section left open at the top level: the
// close of the section around it is the first tag out of step.
TEST(MustacheSections, UnclosedSectionAtTheTopLevelIsReportedAtItsOpeningTag) {
  const std::string text =
      "<head>\n"
      "  {{#indexable}}\n"
      "  {{#languages}}\n"
      "  <link hreflang=\"{{lang}}\">\n"
      "  {{/indexable}}\n"
      "  {{#canonical}}<link href=\"{{canonical}}\">{{/canonical}}\n"
      "</head>\n";
  EXPECT_EQ(errors_of(text), std::vector<std::string>{error_at(
                                 text, "{{#languages}}",
                                 "section 'languages' is never closed; add {{/languages}} before "
                                 "{{/indexable}} at line 5")});
  // Left open to the end of the file.
  const std::string to_end = "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n</ul>\n";
  EXPECT_EQ(errors_of(to_end),
            std::vector<std::string>{
                error_at(to_end, "{{#items}}",
                         "section 'items' is never closed; add {{/items}} after its content")});
}

// A block or the parent tag itself left open.
TEST(MustacheSections, UnclosedBlocksAndParentsAreReportedAtTheirOpeningTags) {
  const std::string block =
      "{{<layout}}\n"
      "{{$scripts}}<script></script>{{/scripts}}\n"
      "{{$content}}\n"
      "<p>{{#a}}x{{/a}}</p>\n"
      "{{/layout}}\n";
  EXPECT_EQ(errors_of(block),
            std::vector<std::string>{error_at(
                block, "{{$content}}",
                "block 'content' is never closed; add {{/content}} before {{/layout}} at line 5")});
  const std::string parent = "{{<layout}}\n{{$content}}\n<p>x</p>\n{{/content}}\n";
  EXPECT_EQ(errors_of(parent), std::vector<std::string>{error_at(
                                   parent, "{{<layout}}",
                                   "'{{<layout}}' is never closed; add {{/layout}} after its "
                                   "content")});
}

// Every section a close tag leaves open is a cause of its own.
TEST(MustacheSections, EachSectionLeftOpenByOneCloseTagIsReported) {
  const std::string text =
      "{{<layout}}\n"
      "{{$content}}\n"
      "{{#a}}\n"
      "{{^b}}\n"
      "{{/content}}\n"
      "{{/layout}}\n";
  EXPECT_EQ(errors_of(text),
            (std::vector<std::string>{
                error_at(text, "{{#a}}",
                         "section 'a' is never closed; add {{/a}} before {{/content}} at line 5"),
                error_at(text, "{{^b}}",
                         "inverted section 'b' is never closed; add {{/b}} before {{/content}} "
                         "at line 5")}));
}

// A close tag that names no open section: a misspelling of the innermost
// section's name, reported at that section's opening tag...
TEST(MustacheSections, AMistypedCloseTagIsReportedAtTheSectionItFailsToClose) {
  const std::string text =
      "{{<layout}}\n"
      "    {{$content}}\n"
      "        <p>{{#items}}x{{/itemz}}</p>\n"
      "    {{/content}}\n"
      "{{/layout}}\n";
  EXPECT_EQ(errors_of(text),
            std::vector<std::string>{error_at(
                text, "{{#items}}",
                "section 'items' is closed by {{/itemz}} at line 3, which does not match; write "
                "{{/items}} there")});
  const std::string top = "{{#a}}\n{{#b}}x{{/c}}\n{{/a}}\n";
  EXPECT_EQ(errors_of(top), std::vector<std::string>{error_at(
                                top, "{{#b}}",
                                "section 'b' is closed by {{/c}} at line 2, which does not "
                                "match; write {{/b}} there")});
}

// ...or, when the file is consistent without it, a stray close reported where
// it stands.
TEST(MustacheSections, AStrayCloseTagIsReportedWhereItStands) {
  const std::string nested =
      "{{<layout}}\n{{$content}}\n{{#a}}x{{/b}}y{{/a}}\n{{/content}}\n{{/layout}}\n";
  EXPECT_EQ(errors_of(nested),
            std::vector<std::string>{error_at(
                nested, "{{/b}}",
                "'b' closes a section that was never opened; remove it or add the matching "
                "opening tag")});
  const std::string top = "x{{/a}}\n";
  EXPECT_EQ(errors_of(top), std::vector<std::string>{error_at(
                                top, "{{/a}}",
                                "'a' closes a section that was never opened; remove it or add "
                                "the matching opening tag")});
}

// The advice is written with the delimiters in force at the tag.
TEST(MustacheSections, TheAdviceUsesTheDelimitersInForce) {
  const std::string text = "{{=<% %>=}}\n<%#a%>\n<%#b%>\n<%/a%>\n";
  EXPECT_EQ(
      errors_of(text),
      std::vector<std::string>{error_at(
          text, "<%#b%>", "section 'b' is never closed; add <%/b%> before <%/a%> at line 4")});
}

// A layout that does not parse has its own error; the pages that extend it
// are not reported as naming an unknown template on top of it.
TEST(MustacheSections, ABrokenLayoutIsReportedOnceNotByEveryPageThatExtendsIt) {
  Diagnostics diags;
  mustache::TemplateSet set;
  const std::string layout =
      "<main>\n  {{#notice}}<p>{{notice}}</p>\n  {{$content}}{{/content}}\n</main>\n";
  EXPECT_FALSE(set.add("layout", SourceText("templates/layout.html", layout), diags));
  for (const char* page : {"404", "code", "compare", "home"}) {
    EXPECT_TRUE(set.add(page,
                        SourceText(std::string("templates/") + page + ".html",
                                   "{{<layout}}{{$content}}x{{/content}}{{/layout}}"),
                        diags));
  }
  set.check_references(diags);
  EXPECT_EQ(formatted(diags),
            std::vector<std::string>{"templates/layout.html:" + at(layout, "{{#notice}}") +
                                     ": error: section 'notice' is never closed; add {{/notice}} "
                                     "after its content"});
  // A template that was never there is still reported.
  Diagnostics missing;
  mustache::TemplateSet alone;
  ASSERT_TRUE(
      alone.add("home", SourceText("templates/home.html", "{{<layout}}{{/layout}}"), missing));
  alone.check_references(missing);
  EXPECT_EQ(formatted(missing),
            std::vector<std::string>{"templates/home.html:1:1: error: unknown partial 'layout'; "
                                     "create templates/layout.html or correct the name"});
}
