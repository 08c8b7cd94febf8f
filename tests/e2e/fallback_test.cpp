// i18n: a string a locale lacks falls back along pt-BR -> pt -> en, and the
// warning names the locale each missing string is taken from.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;
using json = nlohmann::ordered_json;

namespace {

const std::string kCompare = "compare/smtp/211-system-status-vs-214-help-message/index.html";

// Three messages and three code names, each written in a different set of
// files: both pt-BR and pt, pt only, neither.
void add_portuguese(const fs::path& dir) {
  write_file(dir / "locales/pt.json", R"json({
  "messages": {
    "site_name": "Códigos de resposta (pt)",
    "glance_heading": "Num relance (pt)"
  },
  "catalogue": {"smtp": {"codes": {
    "211": {"name": "Estado do sistema (pt)"},
    "214": {"name": "Mensagem de ajuda (pt)"}
  }}}
})json");
  write_file(dir / "locales/pt-BR.json", R"json({
  "messages": {
    "site_name": "Códigos de resposta (pt-BR)"
  },
  "catalogue": {"smtp": {"codes": {
    "211": {"name": "Status do sistema (pt-BR)"}
  }}}
})json");
}

std::vector<std::string> texts(const HtmlPage& page, GumboTag tag) {
  std::vector<std::string> out;
  for (const GumboNode* n : page.all(tag)) out.push_back(HtmlPage::text(n));
  return out;
}

bool contains(const std::vector<std::string>& all, const std::string& text) {
  return std::find(all.begin(), all.end(), text) != all.end();
}

// The warning of `file` that starts with "<count> <what> not translated".
std::string warning(const std::string& err, const std::string& file, const std::string& what) {
  std::smatch m;
  const std::regex line("(^|\\n)locales/" + file + R"(:\d+:\d+: warning: (\d+ )" + what +
                        R"( not translated[^\n]*))");
  return std::regex_search(err, m, line) ? m[2].str() : "";
}

}  // namespace

TEST(Fallback, PtBrFallsBackToPtThenEnglishAndTheWarningSaysWhich) {
  TempDir dir;
  copy_small_project(dir.path());
  add_portuguese(dir.path());
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;

  const json en = json::parse(read_file(dir / "locales/en.json"))["messages"];
  const json catalogue = json::parse(read_file(dir / "catalogue/smtp.json"));
  std::string english_220;
  for (const auto& c : catalogue["codes"]) {
    if (c["code"] == "220") english_220 = c["name"];
  }
  ASSERT_FALSE(english_220.empty());

  // pt-BR: its own site name, pt's heading, English for what neither has.
  HtmlPage br(read_file(dir / "site/pt-BR" / kCompare));
  EXPECT_EQ(HtmlPage::attr(br.all(GUMBO_TAG_HTML).at(0), "lang"), "pt-BR");
  ASSERT_EQ(br.with_class("site-name").size(), 1u);
  EXPECT_EQ(HtmlPage::text(br.with_class("site-name")[0]), "Códigos de resposta (pt-BR)");
  const auto br_h2 = texts(br, GUMBO_TAG_H2);
  EXPECT_TRUE(contains(br_h2, "Num relance (pt)"));
  EXPECT_TRUE(contains(br_h2, en["differences_heading"].get<std::string>()));
  const auto br_h1 = texts(br, GUMBO_TAG_H1);
  ASSERT_EQ(br_h1.size(), 1u);
  EXPECT_NE(br_h1[0].find("Status do sistema (pt-BR)"), std::string::npos) << br_h1[0];
  EXPECT_NE(br_h1[0].find("Mensagem de ajuda (pt)"), std::string::npos) << br_h1[0];
  // A code neither file names keeps its English name.
  HtmlPage br_220(
      read_file(dir / "site/pt-BR/compare/smtp/211-system-status-vs-220-service-ready/index.html"));
  EXPECT_NE(texts(br_220, GUMBO_TAG_H1).at(0).find(english_220), std::string::npos);

  // pt itself: its own texts, English for the rest.
  HtmlPage pt(read_file(dir / "site/pt" / kCompare));
  EXPECT_EQ(HtmlPage::text(pt.with_class("site-name").at(0)), "Códigos de resposta (pt)");
  EXPECT_TRUE(contains(texts(pt, GUMBO_TAG_H2), "Num relance (pt)"));
  EXPECT_NE(texts(pt, GUMBO_TAG_H1).at(0).find("Estado do sistema (pt)"), std::string::npos);

  // The warnings: pt-BR's missing strings come from pt and from English.
  const std::size_t messages = en.size();
  EXPECT_EQ(
      warning(r.err, "pt-BR.json", "message\\(s\\)"),
      std::to_string(messages - 1) + " message(s) not translated, pt is used for 1: " +
          "glance_heading; English for " + std::to_string(messages - 2) + ": " +
          [&] {  // the first five of en.json's keys in order, but for the two
            std::vector<std::string> keys;
            for (const auto& [key, value] : en.items()) {
              if (key != "site_name" && key != "glance_heading") keys.push_back(key);
            }
            std::sort(keys.begin(), keys.end());
            return keys[0] + ", " + keys[1] + ", " + keys[2] + ", " + keys[3] + ", " + keys[4] +
                   ", ...";
          }())
      << r.err;
  const std::string br_texts = warning(r.err, "pt-BR.json", "catalogue text\\(s\\) of smtp");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(
      br_texts, m,
      std::regex(
          R"((\d+) catalogue text\(s\) of smtp not translated, pt is used for 1 \(first: codes/214/name\), English for (\d+) \(first: [a-z0-9/_]+\))")))
      << br_texts << "\n"
      << r.err;
  EXPECT_EQ(std::stoul(m[1]), std::stoul(m[2]) + 1);
  // pt's own come from English only.
  EXPECT_EQ(
      warning(r.err, "pt.json", "message\\(s\\)")
          .rfind(std::to_string(messages - 2) + " message(s) not translated, English is used: ", 0),
      0u)
      << r.err;
  EXPECT_TRUE(std::regex_match(
      warning(r.err, "pt.json", "catalogue text\\(s\\) of smtp"),
      std::regex(
          R"(\d+ catalogue text\(s\) of smtp not translated, English is used \(first: [a-z0-9/_]+\))")))
      << r.err;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("locales/pt-BR.json:")) {
      EXPECT_EQ(line.find("English is used"), std::string::npos) << line;
    }
  }
}

// Without pt.json, English stands in for everything pt-BR lacks, and the
// warning says so.
TEST(Fallback, WithoutPtEnglishIsUsedAndTheWarningSaysSo) {
  TempDir dir;
  copy_small_project(dir.path());
  add_portuguese(dir.path());
  fs::remove(dir / "locales/pt.json");
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  const json en = json::parse(read_file(dir / "locales/en.json"))["messages"];
  HtmlPage br(read_file(dir / "site/pt-BR" / kCompare));
  EXPECT_TRUE(contains(texts(br, GUMBO_TAG_H2), en["glance_heading"].get<std::string>()));
  EXPECT_EQ(
      warning(r.err, "pt-BR.json", "message\\(s\\)")
          .rfind(std::to_string(en.size() - 1) + " message(s) not translated, English is used: ",
                 0),
      0u)
      << r.err;
  EXPECT_TRUE(std::regex_match(
      warning(r.err, "pt-BR.json", "catalogue text\\(s\\) of smtp"),
      std::regex(
          R"(\d+ catalogue text\(s\) of smtp not translated, English is used \(first: [a-z0-9/_]+\))")))
      << r.err;
}
