// Hostile template sizes and shapes: deep nesting, long lines, recursive
// partials. Each ends in a located error or a bounded result, never a crash,
// a stack overflow or a hang. (Inputs found by fuzzing live in fuzz/corpus;
// JSON and input-file limits are in core/json_limits_test.cpp.)
#include <gtest/gtest.h>

#include "mustache/template.hpp"
#include "support/diagnostics_text.hpp"

using namespace versa;
using nlohmann::json;

using versa::test::first_error;
using versa::test::repeat;

namespace {

// Renders "main" with `partials`; returns the RenderError's text, or "".
std::string render_error(std::string_view main,
                         std::initializer_list<std::pair<std::string, std::string>> partials,
                         const json& data = json::object()) {
  Diagnostics diags;
  mustache::TemplateSet set;
  for (const auto& [name, body] : partials) {
    EXPECT_TRUE(set.add(name, SourceText("templates/" + name + ".html", body), diags))
        << first_error(diags);
  }
  EXPECT_TRUE(set.add("main", SourceText("templates/main.html", std::string(main)), diags));
  std::string out;
  try {
    set.render(*set.find("main"), data, out);
  } catch (const mustache::RenderError& e) {
    return format_diagnostic({e.where(), Severity::error, e.what()});
  }
  return "";
}

// {"t": {"t": ... {"t": false}}}, `depth` levels: recursion that ends.
json nested_t(int depth) {
  json data = {{"t", false}};
  for (int i = 0; i < depth; ++i) data = {{"t", data}};
  return data;
}

}  // namespace

TEST(MustacheLimits, DeeplyNestedSectionsAreALocatedParseError) {
  Diagnostics diags;
  const std::string text = repeat("{{#a}}", 10'000) + repeat("{{/a}}", 10'000);
  EXPECT_EQ(mustache::parse_template("deep", SourceText("templates/deep.html", text), diags),
            nullptr);
  // The 101st section opens at column 6 * 100 + 1.
  EXPECT_EQ(first_error(diags).rfind("templates/deep.html:1:601: error: sections nest more than "
                                     "100 levels deep",
                                     0),
            0u)
      << first_error(diags);
}

TEST(MustacheLimits, NestedStandaloneBlocksParseInLinearTime) {
  // Each standalone block is re-parsed from its dedented text; building it
  // twice per level once cost 2^depth (this test then never finished).
  std::string text;
  for (int i = 0; i < 60; ++i) text += std::string(i, ' ') + "{{$b" + std::to_string(i) + "}}\n";
  for (int i = 59; i >= 0; --i) text += std::string(i, ' ') + "{{/b" + std::to_string(i) + "}}\n";
  Diagnostics diags;
  mustache::TemplateSet set;
  ASSERT_TRUE(set.add("main", SourceText("main.html", text), diags)) << first_error(diags);
  EXPECT_EQ(set.render("main", json::object()), "");
}

TEST(MustacheLimits, APartialIncludingItselfStopsWithItsLocation) {
  EXPECT_EQ(
      render_error("{{>loop}}", {{"loop", "x\n  {{>loop}}"}})
          .rfind("templates/loop.html:2:3: error: partial 'loop' nests more than 200 levels deep",
                 0),
      0u);
}

TEST(MustacheLimits, RecursionThatPrintsNothingStillEnds) {
  // 40 levels, well within the depth limit, each doubling: 2^40 calls
  // without output if nothing counted them.
  const std::string e = render_error("{{>p}}", {{"p", "{{#t}}{{>p}}{{>p}}{{/t}}"}}, nested_t(40));
  EXPECT_NE(e.find("error: rendering stopped after 20000000 steps"), std::string::npos) << e;
  EXPECT_EQ(e.rfind("templates/p.html:1:", 0), 0u) << e;
}

TEST(MustacheLimits, OutputThatWouldExhaustMemoryStops) {
  // Each of 30 levels doubles 1 KiB of text: without a cap, 2^30 KiB.
  const std::string e = render_error(
      "{{>p}}", {{"p", repeat("0123456789abcdef", 64) + "{{#t}}{{>p}}{{>p}}{{/t}}"}}, nested_t(30));
  EXPECT_NE(e.find("the page grew past 64 MiB"), std::string::npos) << e;
}

TEST(MustacheLimits, AVeryLongLineStaysLinearAndColumnsStayExact) {
  // 400,000 tags on one line, then an unclosed one: locating each tag from the
  // line start would take 8e10 steps.
  const std::string text = repeat("é{{x}}", 400'000) + "{{y";
  Diagnostics diags;
  EXPECT_EQ(mustache::parse_template("long", SourceText("long.html", text), diags), nullptr);
  EXPECT_EQ(first_error(diags).rfind("long.html:1:2400001: error: tag '{{' is never closed", 0), 0u)
      << first_error(diags);

  mustache::TemplateSet set;
  ASSERT_TRUE(set.add("ok", SourceText("ok.html", repeat("é{{x}}", 400'000)), diags));
  EXPECT_EQ(set.render("ok", {{"x", "<"}}).size(), 400'000u * 6);
}

TEST(MustacheLimits, ThousandsOfSectionsLeftOpenAreReportedBriefly) {
  // 300,000 sections opened on one line and never closed: each reported
  // would be 300,000 diagnostics, each located by scanning the line.
  const std::string text = repeat("{{#a}}", 300'000);
  Diagnostics diags;
  EXPECT_EQ(mustache::parse_template("open", SourceText("templates/open.html", text), diags),
            nullptr);
  ASSERT_EQ(diags.error_count(), 10);
  // The tenth opens at column 6 * 9 + 1.
  EXPECT_EQ(format_diagnostic(diags.all().back()),
            "templates/open.html:1:55: error: section 'a' is never closed; add {{/a}} after its "
            "content (and 299990 more sections opened after it are never closed)");
}
