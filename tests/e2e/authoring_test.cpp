// Authoring: located errors for every kind of bad input (tests/data/bad-inputs),
// adding a language with one file, new-locale and check.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

const fs::path kBadInputs = fs::path(VERSA_SOURCE_DIR) / "tests/data/bad-inputs";

std::vector<std::string> bad_input_cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kBadInputs)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

// What a translator has to translate, counted from the inputs: every message
// of en.json, and per protocol the title, each class's name and summary and
// each code's five texts.
struct Translatable {
  std::size_t messages = 0;
  std::size_t catalogue = 0;  // of smtp
  std::size_t codes = 0;
};

Translatable translatable(const fs::path& project) {
  const auto en = nlohmann::json::parse(read_file(project / "locales/en.json"));
  const auto smtp = nlohmann::json::parse(read_file(project / "catalogue/smtp.json"));
  Translatable t;
  t.messages = en["messages"].size();
  t.codes = smtp["codes"].size();
  t.catalogue = 1 + 2 * smtp["classes"].size() + 6 * t.codes;  // name, summary, 4 texts
  return t;
}

}  // namespace

// Each folder of tests/data/bad-inputs adds or replaces input files; the build
// must fail with the located error of expected.txt and leave site/ as it was.
// A small project keeps each case fast; the files of a case are whole files,
// so their line numbers do not depend on the rest of the project.
TEST_P(BadInput, IsLocatedAndNothingIsPublished) {
  const fs::path corpus = kBadInputs / GetParam();
  TempDir dir;
  copy_small_project(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  const auto before = snapshot(dir / "site");
  int copied = 0;
  for (const auto& f : fs::recursive_directory_iterator(corpus)) {
    const fs::path rel = fs::relative(f.path(), corpus);
    if (f.is_regular_file() && rel != "expected.txt") {
      fs::create_directories((dir / rel.string()).parent_path());
      fs::copy_file(f.path(), dir / rel.string(), fs::copy_options::overwrite_existing);
      ++copied;
    }
  }
  ASSERT_GT(copied, 0) << "the case adds no input file";
  std::string expected = read_file(corpus / "expected.txt");
  while (!expected.empty() && expected.back() == '\n') expected.pop_back();
  ASSERT_FALSE(expected.empty());
  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(("\n" + r.err).find("\n" + expected), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(dir / "site"), before);
  // check reports the same problem, fails and writes nothing either.
  const RunResult c = run_versa(dir.path(), "check");
  EXPECT_EQ(c.status, 1);
  EXPECT_NE(("\n" + c.err).find("\n" + expected), std::string::npos) << c.err;
  EXPECT_EQ(snapshot(dir / "site"), before);
}

INSTANTIATE_TEST_SUITE_P(Authoring, BadInput, ::testing::ValuesIn(bad_input_cases()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// The corpus is found: an empty or mistyped folder would make the suite above
// pass by running nothing.
TEST(Authoring, TheBadInputCorpusHoldsEveryKindOfMistake) {
  const auto cases = bad_input_cases();
  EXPECT_GE(cases.size(), 17u);
  for (const auto& name : cases) {
    EXPECT_TRUE(fs::is_regular_file(kBadInputs / name / "expected.txt")) << name;
  }
}

// A partial that includes itself is only found while rendering: one page of
// each kind is rendered before any file is written, so site/ stays as it was.
TEST(Authoring, APartialIncludingItselfIsLocatedAndNothingIsPublished) {
  TempDir dir;
  copy_small_project(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  const auto before = snapshot(dir / "site");
  write_file(dir / "templates/partials/breadcrumb.html",
             read_file(dir / "templates/partials/breadcrumb.html") +
                 "<p>\n  {{>partials/breadcrumb}}</p>\n");
  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(
      r.err.find("templates/partials/breadcrumb.html:10:3: error: partial 'partials/breadcrumb' "
                 "nests more than 200 levels deep while rendering"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("; nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(dir / "site"), before);
}

TEST(Authoring, AddingALocaleIsOneFile) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  // A partial Hebrew translation: a few strings, the rest falls back to English.
  write_file(dir / "locales/he.json", R"({
  "messages": {
    "site_name": "קודי תשובה בהסבר",
    "glance_heading": "במבט חטוף",
    "compare_crumb": "{a_code} מול {b_code}"
  },
  "catalogue": {"smtp": {"codes": {"250": {"name": "אישור"}}}}
})");
  const Translatable all = translatable(dir.path());
  const std::string missing_messages = std::to_string(all.messages - 3);
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("locales/he.json:2:15: warning: " + missing_messages +
                       " message(s) not translated, English is used"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("locales/he.json:7:16: warning: " + std::to_string(all.catalogue - 1) +
                       " catalogue text(s) of smtp not translated"),
            std::string::npos)
      << r.err;

  const fs::path site = dir / "site";
  std::size_t he_compare = 0, he_redirects = 0;
  for (const auto& e : fs::recursive_directory_iterator(site / "he/compare")) {
    if (e.path().filename() != "index.html") continue;
    (HtmlPage(read_file(e.path())).redirects() ? he_redirects : he_compare) += 1;
  }
  EXPECT_EQ(he_compare, all.codes * (all.codes - 1) / 2);
  EXPECT_EQ(he_redirects, he_compare);  // each pair's other order

  HtmlPage he(read_file(site / "he/compare/smtp/211-system-status-vs-250-ok/index.html"));
  const GumboNode* html = he.all(GUMBO_TAG_HTML).at(0);
  EXPECT_EQ(HtmlPage::attr(html, "lang"), "he");
  EXPECT_EQ(HtmlPage::attr(html, "dir"), "rtl");  // from ICU, nothing configured
  EXPECT_EQ(HtmlPage::text(he.with_class("site-name").at(0)), "קודי תשובה בהסבר");
  EXPECT_EQ(HtmlPage::text(he.all(GUMBO_TAG_H2).at(0)), "במבט חטוף");
  EXPECT_EQ(HtmlPage::text(he.all(GUMBO_TAG_H2).at(2)), "250 אישור");
  EXPECT_EQ(HtmlPage::text(he.all(GUMBO_TAG_H1).at(0)), "SMTP 211 System Status vs 250 אישור");

  // Every other page now offers Hebrew: switcher, alternates, sitemap.
  HtmlPage de(read_file(site / "de/compare/smtp/211-system-status-vs-250-ok/index.html"));
  bool switcher = false, alternate = false;
  for (const GumboNode* a : de.all(GUMBO_TAG_A)) {
    switcher |=
        HtmlPage::attr(a, "hreflang") == "he" &&
        HtmlPage::attr(a, "href") == "../../../../he/compare/smtp/211-system-status-vs-250-ok/";
  }
  for (const GumboNode* l : de.all(GUMBO_TAG_LINK)) {
    alternate |= HtmlPage::attr(l, "hreflang") == "he" &&
                 HtmlPage::attr(l, "href") ==
                     "https://versa.example.org/he/compare/smtp/211-system-status-vs-250-ok/";
  }
  EXPECT_TRUE(switcher);
  EXPECT_TRUE(alternate);
  EXPECT_NE(
      read_file(site / "sitemap.xml").find("<loc>https://versa.example.org/he/smtp/250-ok/</loc>"),
      std::string::npos);

  // --strict turns the missing strings into errors.
  const RunResult strict = run_versa(dir.path(), "check --strict");
  EXPECT_EQ(strict.status, 1);
  EXPECT_NE(strict.err.find("locales/he.json:2:15: error: " + missing_messages +
                            " message(s) not translated"),
            std::string::npos)
      << strict.err;
}

TEST(Authoring, NewLocaleWritesAChecklistAndRefusesBadTags) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  const RunResult r = run_versa(dir.path(), "new-locale pt-BR");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto file = nlohmann::ordered_json::parse(read_file(dir / "locales/pt-BR.json"));
  const auto en = nlohmann::json::parse(read_file(dir / "locales/en.json"));
  EXPECT_EQ(file["messages"].size(), en["messages"].size());
  EXPECT_EQ(file["messages"].begin().key(), "site_name");  // en.json's order
  EXPECT_EQ(file["messages"]["site_name"], "[untranslated] Reply Codes Explained");
  EXPECT_EQ(file["catalogue"]["smtp"]["codes"]["250"]["name"], "[untranslated] OK");
  const Translatable all = translatable(dir.path());
  EXPECT_EQ(file["catalogue"]["smtp"]["codes"].size(), all.codes);

  // Marked values count as missing, so the checklist shows up in check.
  const RunResult check = run_versa(dir.path(), "check");
  EXPECT_EQ(check.status, 0);
  const std::string row = "\npt-BR +0/" + std::to_string(all.messages) + " +0/" +
                          std::to_string(all.catalogue) + " +" +
                          std::to_string(all.messages + all.catalogue) + " +0 +0 +0\n";
  EXPECT_TRUE(std::regex_search(check.out, std::regex(row))) << check.out;

  EXPECT_NE(run_versa(dir.path(), "new-locale pt-BR").status, 0);  // exists
  const RunResult underscore = run_versa(dir.path(), "new-locale pt_BR");
  EXPECT_NE(underscore.status, 0);
  EXPECT_NE(underscore.err.find("'pt-BR'"), std::string::npos) << underscore.err;
  EXPECT_NE(run_versa(dir.path(), "new-locale qqq").status, 0);
  EXPECT_NE(run_versa(dir.path(), "new-locale 'de DE'").status, 0);
  EXPECT_FALSE(fs::exists(dir / "locales/qqq.json"));
}

TEST(Authoring, CheckPrintsACoverageTable) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  const RunResult r = run_versa(dir.path(), "check --strict");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("locale        messages     catalogue  missing  extra  arguments  syntax"),
            std::string::npos)
      << r.out;
  // Every shipped locale translates everything.
  const Translatable all = translatable(dir.path());
  const std::string full = " +" + std::to_string(all.messages) + "/" +
                           std::to_string(all.messages) + " +" + std::to_string(all.catalogue) +
                           "/" + std::to_string(all.catalogue) + " +0 +0 +0 +0\n";
  for (const auto& e : fs::directory_iterator(dir / "locales")) {
    const std::string tag = e.path().stem().string();
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\n" + tag + full))) << tag << "\n" << r.out;
  }
  EXPECT_FALSE(fs::exists(dir / "site"));
}
