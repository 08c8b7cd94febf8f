// plan: every page once, in a stable order (per locale the home page, then per
// protocol its code pages and each unordered pair of codes once, lower first;
// last the "not found" page), computed from its number.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "plan/pages.hpp"
#include "support/tiny_project.hpp"

using namespace versa;
using versa::test::catalogue_code;
using versa::test::smtp_catalogue;
using versa::test::TempDir;

namespace {

// "kind:locale:protocol:a-b", kinds numbered as PageKind declares them.
std::vector<std::string> describe(const Plan& plan) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Page p = plan[i];
    out.push_back(std::to_string(static_cast<int>(p.kind)) + ":" + std::to_string(p.locale) + ":" +
                  std::to_string(p.protocol) + ":" + std::to_string(p.a) + "-" +
                  std::to_string(p.b));
  }
  return out;
}

}  // namespace

TEST(Plan, NumbersEveryPageOnceInAStableOrder) {
  TempDir dir;
  versa::test::make_tiny_project(
      dir, smtp_catalogue(catalogue_code("250", "ok") + ",\n" + catalogue_code("251", "forward") +
                          ",\n" + catalogue_code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/de.json", R"({"messages": {}})");
  auto c = versa::test::check_project(dir);
  ASSERT_TRUE(c->project) << c->all();
  ASSERT_EQ(c->project->localizations[0].tag(), "de");
  ASSERT_EQ(c->project->default_locale, 1u);  // en
  const Plan plan(*c->project);
  // Per locale: home, 3 code pages, 3 pairs; then, left out of sitemaps, a
  // redirect per pair and locale and a "not found" page per locale.
  EXPECT_EQ(describe(plan),
            (std::vector<std::string>{
                "0:0:0:0-0", "1:0:0:0-0", "1:0:0:1-0", "1:0:0:2-0", "2:0:0:0-1", "2:0:0:0-2",
                "2:0:0:1-2", "0:1:0:0-0", "1:1:0:0-0", "1:1:0:1-0", "1:1:0:2-0", "2:1:0:0-1",
                "2:1:0:0-2", "2:1:0:1-2", "4:0:0:0-1", "4:0:0:0-2", "4:0:0:1-2", "4:1:0:0-1",
                "4:1:0:0-2", "4:1:0:1-2", "3:0:0:0-0", "3:1:0:0-0"}));
  EXPECT_EQ(plan.listed(), 14u);
}

TEST(Plan, ProtocolsComeInIdOrderEachWithItsCodesThenItsPairs) {
  TempDir dir;
  versa::test::make_tiny_project(
      dir, smtp_catalogue(catalogue_code("250", "ok") + ",\n" + catalogue_code("251", "forward") +
                          ",\n" + catalogue_code("500", "syntax-error")));
  // A second protocol whose id sorts first; its codes are listed out of order.
  versa::test::write_file(dir / "catalogue/ftp.json", R"({"protocol": "ftp", "name": "FTP",
  "title": "T", "spec": "RFC 959",
  "classes": {"2": {"name": "A", "summary": "S."}, "5": {"name": "B", "summary": "S."}},
  "codes": [
)" + catalogue_code("530", "not-logged-in") + ",\n" + catalogue_code("226", "closing") +
                                                          "\n]}\n");
  auto c = versa::test::check_project(dir);
  ASSERT_TRUE(c->project) << c->all();
  ASSERT_EQ(c->project->inputs.protocols[0].id, "ftp");
  const Plan plan(*c->project);
  EXPECT_EQ(describe(plan), (std::vector<std::string>{"0:0:0:0-0",  // home
                                                      "1:0:0:0-0", "1:0:0:1-0", "2:0:0:0-1",  // ftp
                                                      "1:0:1:0-0", "1:0:1:1-0", "1:0:1:2-0",
                                                      "2:0:1:0-1", "2:0:1:0-2",
                                                      "2:0:1:1-2",  // smtp
                                                      "4:0:0:0-1",  // redirects: ftp's
                                                      "4:0:1:0-1", "4:0:1:0-2",
                                                      "4:0:1:1-2",     // smtp's
                                                      "3:0:0:0-0"}));  // en's 404
  const Urls urls(*c->project);
  // Code 0 of ftp is 226: the catalogue's codes are in ascending order.
  EXPECT_EQ(urls.output_file(plan[1]), "ftp/226-closing/index.html");
  EXPECT_EQ(urls.output_file(plan[3]), "compare/ftp/226-closing-vs-530-not-logged-in/index.html");
  EXPECT_EQ(urls.output_file(plan[10]), "compare/ftp/530-not-logged-in-vs-226-closing/index.html");
}

TEST(Plan, EveryPageOfEveryLocaleHasItsOwnFile) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> codes = {
      {"211", "status"}, {"250", "ok"}, {"500", "syntax"}, {"550", "unavailable"}};
  std::string entries;
  for (const auto& [code, slug] : codes) {
    entries += (entries.empty() ? "" : ",\n") + catalogue_code(code, slug);
  }
  versa::test::make_tiny_project(dir, smtp_catalogue(entries));
  versa::test::write_file(dir / "locales/de.json", R"({"messages": {}})");
  versa::test::write_file(dir / "locales/ar.json", R"({"messages": {}})");
  auto c = versa::test::check_project(dir);
  ASSERT_TRUE(c->project) << c->all();

  // Written out from the URL scheme: the default locale (en) at the root,
  // the others in a folder of their tag; pairs once each, lower code first,
  // and a redirect at the other order.
  std::set<std::string> expected;
  for (const std::string prefix : {"", "ar/", "de/"}) {
    expected.insert(prefix + "index.html");
    expected.insert(prefix + "404.html");
    for (std::size_t i = 0; i < codes.size(); ++i) {
      const std::string a = codes[i].first + "-" + codes[i].second;
      expected.insert(prefix + "smtp/" + a + "/index.html");
      for (std::size_t j = i + 1; j < codes.size(); ++j) {
        const std::string b = codes[j].first + "-" + codes[j].second;
        expected.insert(prefix + "compare/smtp/" + a + "-vs-" + b + "/index.html");
        expected.insert(prefix + "compare/smtp/" + b + "-vs-" + a + "/index.html");
      }
    }
  }
  ASSERT_EQ(expected.size(), 3u * (1 + 4 + 6 + 6 + 1));

  const Plan plan(*c->project);
  const Urls urls(*c->project);
  std::vector<std::string> files;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Page p = plan[i];
    if (p.kind == PageKind::compare || p.kind == PageKind::redirect) {
      EXPECT_LT(p.a, p.b) << urls.output_file(p);
    }
    files.push_back(urls.output_file(p));
  }
  EXPECT_EQ(files.size(), expected.size());  // no page twice
  EXPECT_EQ(std::set<std::string>(files.begin(), files.end()), expected);
  // Numbering is a pure function: asking again gives the same pages.
  const Plan again(*c->project);
  for (std::size_t i = 0; i < plan.size(); ++i) EXPECT_EQ(urls.output_file(again[i]), files[i]);
}
