// `versa view PAGE`: the data of one published page, which `versa render`
// turns back into that page; and `versa render` refusing to print a page
// whose partials it could not load.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <vector>

#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

// The first sub-folder of `folder` in name order, as a path relative to `site`
// ending in '/': a page of the published site, found without asking versa.
std::string first_page_in(const fs::path& site, const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(site / folder)) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  EXPECT_FALSE(names.empty()) << folder;
  if (names.empty()) return {};
  std::sort(names.begin(), names.end());
  return (folder / names.front()).string() + "/";
}

// "line:col" of the first occurrence of `needle` in `text`, counted by hand.
std::string line_col_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  const auto line_start = text.rfind('\n', at);
  const std::size_t col = line_start == std::string::npos ? at + 1 : at - line_start;
  const auto line = std::count(text.begin(), text.begin() + at, '\n') + 1;
  return std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

// For one page of each kind in each shipped language, `versa view` then
// `versa render` with the page's template prints the published file exactly.
TEST(View, ThenRenderPrintsThePublishedPageByteForByte) {
  TempDir dir;
  copy_small_project(dir.path());
  const RunResult built = run_versa(dir.path(), "build");
  ASSERT_EQ(built.status, 0) << built.err;
  const fs::path site = dir / "site";

  const auto config = nlohmann::json::parse(read_file(dir / "site.json"));
  const std::string default_tag = config["default_locale"];
  const bool prefixed = config.value("default_locale_prefix", false);
  const std::string protocol =
      nlohmann::json::parse(read_file(dir / "catalogue/smtp.json"))["protocol"];
  std::vector<std::string> tags;
  for (const auto& e : fs::directory_iterator(dir / "locales")) tags.push_back(e.path().stem());
  std::sort(tags.begin(), tags.end());
  ASSERT_EQ(tags.size(), 6u);  // the shipped languages

  for (const std::string& tag : tags) {
    const bool root = tag == default_tag && !prefixed;
    const std::string prefix = root ? "" : tag + "/";
    struct Case {
      std::string page;  // what the user passes
      std::string file;  // the published file, relative to site/
      std::string tmpl;  // the template that lays it out
    };
    const std::string code = first_page_in(site, prefix + protocol);
    const std::string compare = first_page_in(site, prefix + "compare/" + protocol);
    const std::vector<Case> cases = {
        {root ? "index.html" : prefix, prefix + "index.html", "home"},
        {code, code + "index.html", "code"},
        // With the file name, as a user may copy it from site/.
        {compare + "index.html", compare + "index.html", "compare"},
        {root ? "404.html" : prefix + "404.html", prefix + "404.html", "404"},
    };
    for (const Case& c : cases) {
      SCOPED_TRACE(tag + " " + c.page);
      const std::string published = read_file(site / c.file);
      ASSERT_FALSE(published.empty()) << c.file;
      const RunResult view = run_versa(dir.path(), "view '" + c.page + "'");
      ASSERT_EQ(view.status, 0) << view.err;
      ASSERT_TRUE(nlohmann::json::parse(view.out).is_object()) << view.out;
      write_file(dir / "v.json", view.out);
      const RunResult render = run_versa(
          dir.path(), "render templates/" + c.tmpl + ".html --data v.json --partials templates");
      ASSERT_EQ(render.status, 0) << render.err;
      EXPECT_TRUE(render.out == published)
          << "versa render differs from site/" << c.file << " (" << render.out.size() << " vs "
          << published.size() << " bytes)";
    }
  }
  // A folder path without its trailing slash names the same page.
  const std::string compare = first_page_in(site, "vi/compare/" + protocol);
  const RunResult with_slash = run_versa(dir.path(), "view '" + compare + "'");
  const RunResult without =
      run_versa(dir.path(), "view '" + compare.substr(0, compare.size() - 1) + "'");
  EXPECT_EQ(with_slash.status, 0) << with_slash.err;
  EXPECT_EQ(without.status, 0) << without.err;
  EXPECT_EQ(with_slash.out, without.out);
}

// A misspelled page is an error naming the nearest real page; nothing is
// printed on standard output, so `versa view X > v.json` leaves no half file.
TEST(View, UnknownPageSuggestsTheNearest) {
  TempDir dir;
  copy_small_project(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  const std::string real = first_page_in(dir / "site", "vi/compare/smtp");
  std::string typo = real;
  typo.replace(typo.find("-vs-"), 4, "-sv-");
  const RunResult r = run_versa(dir.path(), "view '" + typo + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, typo + ": error: no page of the site has this path; did you mean " + real +
                       "?\nversa: view failed: 1 error, 0 warnings\n")
      << r.err;

  const RunResult far = run_versa(dir.path(), "view nowhere/at/all/");
  EXPECT_EQ(far.status, 1);
  EXPECT_EQ(far.out, "");
  EXPECT_NE(far.err.find("nowhere/at/all/: error: no page of the site has this path; give the "
                         "page's path inside the output folder"),
            std::string::npos)
      << far.err;
}

// Without --partials, a template that extends or includes others cannot be
// rendered as published: each one it names is an error at its first tag, and
// nothing is printed (before, the page printed empty and versa exited 0).
TEST(View, RenderWithoutPartialsNamesEachPartialAtItsTag) {
  TempDir dir;
  copy_small_project(dir.path());
  write_file(dir / "v.json", "{}");
  const std::string compare = read_file(dir / "templates/compare.html");
  const RunResult r = run_versa(dir.path(), "render templates/compare.html --data v.json");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  for (const auto& [tag, message] : std::vector<std::pair<std::string, std::string>>{
           {"{{<layout}}",
            "the parent template 'layout' cannot be loaded without --partials; pass --partials "
            "DIR, the folder that holds layout.html"},
           {"{{>partials/breadcrumb}}",
            "the partial 'partials/breadcrumb' cannot be loaded without --partials; pass "
            "--partials DIR, the folder that holds partials/breadcrumb.html"},
           {"{{>partials/code-card}}", "the partial 'partials/code-card' cannot be loaded"},
           {"{{>partials/link-list}}", "the partial 'partials/link-list' cannot be loaded"}}) {
    const std::string expected =
        "templates/compare.html:" + line_col_of(compare, tag) + ": error: " + message;
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\nin:\n" << r.err;
  }
  // Each partial once, at its first tag: code-card and link-list appear twice.
  std::istringstream lines(r.err);
  std::string line;
  int errors = 0;
  while (std::getline(lines, line)) errors += line.find(": error: ") != std::string::npos;
  EXPECT_EQ(errors, 4) << r.err;

  // A partial missing from the folder given is named at its tag, in the file
  // that includes it.
  fs::remove(dir / "templates/partials/languages.html");
  const std::string layout = read_file(dir / "templates/layout.html");
  const RunResult missing =
      run_versa(dir.path(), "render templates/compare.html --data v.json --partials templates");
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.out, "");
  EXPECT_NE(
      missing.err.find("templates/layout.html:" + line_col_of(layout, "{{>partials/languages}}") +
                       ": error: the partial 'partials/languages' is not in templates (no "
                       "templates/partials/languages.html)"),
      std::string::npos)
      << missing.err;
}
