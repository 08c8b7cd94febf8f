// load: site.json read into SiteConfig: defaults for what is left out,
// unknown settings and wrong types located at path:line:col. Every expected
// line and column below is counted by hand from the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "load/site_config.hpp"
#include "support/diagnostics_text.hpp"
#include "support/temp_dir.hpp"

using namespace versa;
using versa::test::formatted;
using versa::test::TempDir;

namespace {

struct Loaded {
  std::string path;
  Diagnostics diags;
  std::optional<SiteConfig> config;
};

std::unique_ptr<Loaded> load(const TempDir& dir, const std::string& text) {
  auto l = std::make_unique<Loaded>();
  l->path = (dir / "site.json").string();
  versa::test::write_file(l->path, text);
  l->config = load_site_config(l->path, l->diags);
  return l;
}

}  // namespace

TEST(LoadSiteConfig, ACorrectFileYieldsEverySetting) {
  TempDir dir;
  auto l = load(dir, R"({"base_url": "https://example.org/docs/", "default_locale": "de",
 "default_locale_prefix": true, "max_page_bytes": 1000, "max_site_bytes": 123456789012})");
  ASSERT_TRUE(l->config) << testing::PrintToString(formatted(l->diags));
  EXPECT_TRUE(l->diags.all().empty());
  EXPECT_EQ(l->config->base_url, "https://example.org/docs");  // the trailing slash dropped
  EXPECT_EQ(l->config->default_locale, "de");
  EXPECT_TRUE(l->config->default_locale_prefix);
  EXPECT_EQ(l->config->max_page_bytes, 1000u);
  EXPECT_EQ(l->config->max_site_bytes, 123456789012u);
}

TEST(LoadSiteConfig, SettingsLeftOutTakeTheirDefaults) {
  TempDir dir;
  auto l = load(dir, R"({"base_url": "http://localhost:8000"})");
  ASSERT_TRUE(l->config);
  EXPECT_EQ(l->config->base_url, "http://localhost:8000");
  EXPECT_EQ(l->config->default_locale, "en");
  EXPECT_FALSE(l->config->default_locale_prefix);
  EXPECT_EQ(l->config->max_page_bytes, 8u * 1024 * 1024);            // 8 MiB
  EXPECT_EQ(l->config->max_site_bytes, 16ull * 1024 * 1024 * 1024);  // 16 GiB
}

TEST(LoadSiteConfig, UnknownSettingsAndWrongTypesAreLocated) {
  TempDir dir;
  auto l = load(dir, R"({
  "base_url": "https://example.org",
  "baseurl": "https://example.org",
  "default_locale_prefix": "yes",
  "max_page_bytes": -1,
  "max_site_bytes": 1.5,
  "default_locale": 7
})");
  EXPECT_FALSE(l->config);
  const std::string& p = l->path;
  EXPECT_EQ(formatted(l->diags),
            (std::vector<std::string>{
                p + ":3:14: error: unknown setting \"baseurl\"; site.json knows base_url, "
                    "default_locale, default_locale_prefix, max_page_bytes, max_site_bytes and "
                    "redirect_rules",
                p + ":4:28: error: default_locale_prefix must be true or false",
                p + ":5:21: error: max_page_bytes must be a whole number of bytes above 0, such "
                    "as 8388608",
                p + ":6:21: error: max_site_bytes must be a whole number of bytes above 0, such "
                    "as 8388608",
                p + ":7:21: error: field \"default_locale\" must be a string"}));
}

TEST(LoadSiteConfig, BaseUrlIsRequiredAndChecked) {
  TempDir dir;
  auto missing = load(dir, "{\n  \"default_locale\": \"en\"\n}\n");
  EXPECT_FALSE(missing->config);
  EXPECT_EQ(formatted(missing->diags),
            (std::vector<std::string>{missing->path +
                                      ":1:1: error: missing required field \"base_url\"; add it "
                                      "to this object"}));

  auto number = load(dir, R"({"base_url": 8080})");
  EXPECT_FALSE(number->config);
  EXPECT_EQ(formatted(number->diags),
            (std::vector<std::string>{number->path +
                                      ":1:14: error: field \"base_url\" must be a string"}));

  // A space inside the URL is located at itself, 1:36.
  auto space = load(dir, R"({"base_url": "https://example.org/a b"})");
  EXPECT_FALSE(space->config);
  const auto all = formatted(space->diags);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rfind(space->path + ":1:36: error: base_url contains U+0020", 0), 0u) << all[0];
}

TEST(LoadSiteConfig, MalformedJsonAndAMissingFileAreLocated) {
  TempDir dir;
  // A comma is missing after the base URL: the parser stops at 3:3.
  auto l =
      load(dir, "{\n  \"base_url\": \"https://example.org\"\n  \"default_locale\": \"de\"\n}\n");
  EXPECT_FALSE(l->config);
  const auto all = formatted(l->diags);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rfind(l->path + ":3:3: error: malformed JSON: ", 0), 0u) << all[0];

  Diagnostics diags;
  EXPECT_FALSE(load_site_config((dir / "nope.json").string(), diags));
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(format_diagnostic(diags.all()[0]).rfind((dir / "nope.json").string() + ": error: ", 0),
            0u);
}
