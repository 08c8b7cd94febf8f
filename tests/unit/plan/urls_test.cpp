// plan: the URL scheme (the default locale at the root, every other locale in
// a folder of its tag; "<code>-<slug>/" per code, "compare/<protocol>/<lower
// code>-<slug>-vs-<higher code>-<slug>/" per pair) and relative links between
// page folders.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "plan/pages.hpp"
#include "support/tiny_project.hpp"

using namespace versa;
using versa::test::catalogue_code;
using versa::test::TempDir;

namespace {

// en (the default) and de; smtp codes 250 "ok", 251 "forward", 500 "syntax-error".
std::unique_ptr<versa::test::Checked> project_with(const TempDir& dir,
                                                   const std::string& site_json) {
  versa::test::make_tiny_project(
      dir, versa::test::smtp_catalogue(catalogue_code("250", "ok") + ",\n" +
                                       catalogue_code("251", "forward") + ",\n" +
                                       catalogue_code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/de.json", R"({"messages": {}})");
  versa::test::write_file(dir / "site.json", site_json);
  return versa::test::check_project(dir);
}

}  // namespace

TEST(Urls, RelativeLinksClimbOnlyWhatTheyMust) {
  EXPECT_EQ(Urls::relative("compare/smtp/a-vs-b/", "smtp/211-x/"), "../../../smtp/211-x/");
  EXPECT_EQ(Urls::relative("compare/smtp/a-vs-b/", "compare/smtp/c-vs-d/"), "../c-vs-d/");
  EXPECT_EQ(Urls::relative("vi/compare/smtp/a-vs-b/", "vi/"), "../../../");
  EXPECT_EQ(Urls::relative("", "vi/"), "vi/");
  EXPECT_EQ(Urls::relative("vi/", "vi/"), "./");
  EXPECT_EQ(Urls::relative("vi/", ""), "../");
  EXPECT_EQ(Urls::relative("vi/smtp/211-x/", "ar/smtp/211-x/"), "../../../ar/smtp/211-x/");
}

TEST(Urls, DefaultLocaleAtTheRootOthersInTheirFolderPairsLowerCodeFirst) {
  TempDir dir;
  auto c = project_with(dir, R"({"base_url": "https://example.org", "default_locale": "en"})");
  ASSERT_TRUE(c->project) << c->all();
  const std::size_t de = 0;
  const std::size_t en = 1;
  ASSERT_EQ(c->project->localizations[de].tag(), "de");
  const Urls urls(*c->project);
  EXPECT_EQ(urls.home(en), "");
  EXPECT_EQ(urls.home(de), "de/");
  EXPECT_EQ(urls.code(en, 0, 1), "smtp/251-forward/");
  EXPECT_EQ(urls.code(de, 0, 2), "de/smtp/500-syntax-error/");
  // Either order names the same page: the lower code comes first.
  EXPECT_EQ(urls.compare(en, 0, 2, 0), "compare/smtp/250-ok-vs-500-syntax-error/");
  EXPECT_EQ(urls.compare(en, 0, 0, 2), "compare/smtp/250-ok-vs-500-syntax-error/");
  EXPECT_EQ(urls.compare(de, 0, 1, 0), "de/compare/smtp/250-ok-vs-251-forward/");
  EXPECT_EQ(urls.compare_root(de, 0), "de/compare/smtp/");

  const Page pair{PageKind::compare, static_cast<std::uint32_t>(de), 0, 1, 2};
  EXPECT_EQ(urls.path(pair), "compare/smtp/251-forward-vs-500-syntax-error/");
  EXPECT_EQ(urls.of(pair), "de/compare/smtp/251-forward-vs-500-syntax-error/");
  EXPECT_EQ(urls.of(pair, en), "compare/smtp/251-forward-vs-500-syntax-error/");
  EXPECT_EQ(urls.output_file(pair), "de/compare/smtp/251-forward-vs-500-syntax-error/index.html");
  EXPECT_EQ(urls.output_file({PageKind::home, static_cast<std::uint32_t>(en), 0, 0, 0}),
            "index.html");
  EXPECT_EQ(urls.output_file({PageKind::not_found, static_cast<std::uint32_t>(en), 0, 0, 0}),
            "404.html");
  EXPECT_EQ(urls.output_file({PageKind::not_found, static_cast<std::uint32_t>(de), 0, 0, 0}),
            "de/404.html");
  EXPECT_EQ(urls.absolute("de/smtp/250-ok/"), "https://example.org/de/smtp/250-ok/");
}

TEST(Urls, DefaultLocalePrefixPutsEveryLocaleInAFolder) {
  TempDir dir;
  // A base URL with a sub-folder and a trailing slash.
  auto c = project_with(
      dir, R"({"base_url": "https://example.org/docs/", "default_locale_prefix": true})");
  ASSERT_TRUE(c->project) << c->all();
  const std::size_t en = 1;
  ASSERT_EQ(c->project->localizations[en].tag(), "en");
  const Urls urls(*c->project);
  EXPECT_EQ(urls.home(en), "en/");
  EXPECT_EQ(urls.code(en, 0, 0), "en/smtp/250-ok/");
  EXPECT_EQ(urls.compare(en, 0, 0, 1), "en/compare/smtp/250-ok-vs-251-forward/");
  EXPECT_EQ(urls.home(0), "de/");
  // The "not found" page stays at the root, where servers look for it.
  EXPECT_EQ(urls.output_file({PageKind::not_found, static_cast<std::uint32_t>(en), 0, 0, 0}),
            "404.html");
  EXPECT_EQ(urls.output_file({PageKind::not_found, 0, 0, 0, 0}), "de/404.html");
  EXPECT_EQ(urls.absolute(urls.home(en)), "https://example.org/docs/en/");
}
