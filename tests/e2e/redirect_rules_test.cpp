// site.json's "redirect_rules": the hosts' own files of real redirects (301)
// from the other order of every pair to its comparison, each rule checked
// against the pages on disk; no file unless asked for.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

void set_rules(const fs::path& dir, const nlohmann::json& rules, const std::string& base_url) {
  auto site = nlohmann::ordered_json::parse(read_file(dir / "site.json"));
  site["base_url"] = base_url;
  if (rules.is_null()) {
    site.erase("redirect_rules");
  } else {
    site["redirect_rules"] = rules;
  }
  write_file(dir / "site.json", site.dump(2) + "\n");
}

// The page a rule's path names, read from the site (`base` is base_url's path).
HtmlPage page_at(const fs::path& site, const std::string& base, const std::string& path) {
  EXPECT_EQ(path.rfind(base + "/", 0), 0u) << path;
  std::string rel = path.substr(base.size() + 1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  EXPECT_TRUE(fs::is_regular_file(site / rel)) << path;
  return HtmlPage(read_file(site / rel));
}

}  // namespace

TEST(RedirectRules, EachRuleLeadsFromARedirectPageToItsComparison) {
  TempDir dir;
  copy_small_project(dir.path());
  set_rules(dir.path(), {"netlify", "nginx"}, "https://example.org/docs");
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  const fs::path site = dir / "site";
  const std::size_t locales = 6, pairs = 6 * 5 / 2;

  // _redirects: "from to 301", from a redirect page to the page it names.
  std::istringstream netlify(read_file(site / "_redirects"));
  const std::regex rule(R"((/docs/\S+/) (/docs/\S+/) 301)");
  std::size_t rules = 0;
  for (std::string line; std::getline(netlify, line);) {
    if (line.starts_with("#")) continue;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, rule)) << line;
    const HtmlPage from = page_at(site, "/docs", m[1]);
    const HtmlPage to = page_at(site, "/docs", m[2]);
    EXPECT_TRUE(from.redirects()) << line;
    EXPECT_FALSE(to.redirects()) << line;
    for (const GumboNode* l : from.all(GUMBO_TAG_LINK)) {
      if (HtmlPage::attr(l, "rel") == "canonical") {
        EXPECT_EQ(HtmlPage::attr(l, "href"), "https://example.org" + m[2].str());
      }
    }
    ++rules;
  }
  EXPECT_EQ(rules, locales * pairs);

  // nginx: "from to;", with the slash and without it.
  std::istringstream nginx(read_file(site / "redirects.nginx.map"));
  const std::regex entry(R"((/docs/\S+) (/docs/\S+/);)");
  std::set<std::string> targets;
  std::size_t entries = 0;
  for (std::string line; std::getline(nginx, line);) {
    if (line.starts_with("#")) continue;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, entry)) << line;
    std::string from = m[1];
    if (from.back() != '/') from += '/';
    EXPECT_TRUE(page_at(site, "/docs", from).redirects()) << line;
    targets.insert(m[2]);
    ++entries;
  }
  EXPECT_EQ(entries, 2 * locales * pairs);
  EXPECT_EQ(targets.size(), locales * pairs);

  // Asked for no more, they are removed as any file versa no longer makes.
  set_rules(dir.path(), nullptr, "https://example.org/docs");
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  EXPECT_FALSE(fs::exists(site / "_redirects"));
  EXPECT_FALSE(fs::exists(site / "redirects.nginx.map"));
}

TEST(RedirectRules, AnUnknownKindIsALocatedError) {
  TempDir dir;
  copy_small_project(dir.path());
  set_rules(dir.path(), {"netlify", "apache"}, "https://example.org");
  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex(R"(site\.json:\d+:\d+: error: redirect_rules lists the files of redirect )"
                        R"(rules to write beside the pages: \["netlify"\])")))
      << r.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
}
