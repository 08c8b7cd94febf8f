// The command line as users meet it: help, version, render, and what happens
// to site/ when an input is wrong.
#include <gtest/gtest.h>

#include <map>

#include "e2e/run_versa.hpp"

using namespace versa::test;

TEST(Cli, HelpAndVersion) {
  TempDir dir;
  const RunResult help = run_versa(dir.path(), "--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("build"), std::string::npos);
  EXPECT_NE(help.out.find("render"), std::string::npos);
  const RunResult version = run_versa(dir.path(), "--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("versa ", 0), 0u) << version.out;
  EXPECT_NE(run_versa(dir.path(), "frobnicate").status, 0);
}

TEST(Cli, RenderPrintsExactlyTheTemplateOutput) {
  TempDir dir;
  write_file(dir / "page.html",
             "{{<base}}{{$body}}<p>{{greeting}}, {{name}}!</p>{{/body}}{{/base}}");
  write_file(dir / "parts/base.html", "<main>\n  {{$body}}{{/body}}\n</main>\n{{> foot}}");
  write_file(dir / "parts/foot.html", "<footer>{{#items}}{{.}};{{/items}}</footer>");
  write_file(dir / "data.json", R"({"greeting": "Xin chào", "name": "<Ana>", "items": [1, 2]})");
  const RunResult r = run_versa(dir.path(), "render page.html --data data.json --partials parts");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "<main>\n  <p>Xin chào, &lt;Ana&gt;!</p>\n</main>\n<footer>1;2;</footer>");
}

TEST(Cli, RenderReportsTemplateErrorsWithTheirLocation) {
  TempDir dir;
  write_file(dir / "page.html", "<ul>\n{{#items}}\n<li>{{.}}</li>\n</ul>\n");
  write_file(dir / "data.json", "{}");
  const RunResult r = run_versa(dir.path(), "render page.html --data data.json");
  EXPECT_NE(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("page.html:2:1: error: section 'items' is never closed"), std::string::npos)
      << r.err;
}

TEST(Cli, BrokenInputLeavesThePublishedSiteUntouched) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  const auto before = snapshot(dir / "site");

  // Break two inputs at once: both problems are reported, nothing is written.
  std::string de = read_file(dir / "locales/de.json");
  const auto crumb = de.find("\"compare_crumb\": \"");
  ASSERT_NE(crumb, std::string::npos);
  de.replace(crumb, de.find('\n', crumb) - crumb, "\"compare_crumb\": \"{a_code} vs. {b_cod\",");
  write_file(dir / "locales/de.json", de);
  std::string compare = read_file(dir / "templates/compare.html");
  compare.replace(compare.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", compare);

  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("locales/de.json:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: message \"compare_crumb\": malformed MessageFormat pattern"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("templates/compare.html:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(dir / "site"), before);
}

TEST(Cli, CheckValidatesWithoutWriting) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  const RunResult r = run_versa(dir.path(), "check --strict");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
}

TEST(Cli, OutputIsTheSameForAnyNumberOfJobs) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build --out one --jobs 1").status, 0);
  ASSERT_EQ(run_versa(dir.path(), "build --out four --jobs 4").status, 0);
  EXPECT_TRUE(snapshot(dir / "one") == snapshot(dir / "four"));
}

TEST(Cli, FilesNoLongerProducedAreRemoved) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  ASSERT_TRUE(fs::exists(dir / "site/tr/index.html"));
  write_file(dir / "site/notes.txt", "mine");  // not versa's: must survive
  fs::remove(dir / "locales/tr.json");
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "site/tr"));
  EXPECT_TRUE(fs::exists(dir / "site/notes.txt"));
  EXPECT_NE(r.out.find(" removed"), std::string::npos);
  EXPECT_EQ(r.out.find(" 0 removed"), std::string::npos) << r.out;
}
