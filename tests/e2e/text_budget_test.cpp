// Text budgets: versa never cuts a title or a meta description. `check`
// measures every one of them on every page and reports each pattern (or
// summary) whose longest instance is over its budget, located at the pattern,
// with the page where it is longest and its length: a warning, an error with
// --strict. The expected lengths are counted here from the inputs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

using ordered_json = nlohmann::ordered_json;

// The line and column of `needle` in `text`, 1-based ("7:16").
std::string line_col(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return "?";
  const std::size_t line = 1 + std::count(text.begin(), text.begin() + at, '\n');
  const std::size_t start =
      text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  return std::to_string(line) + ":" + std::to_string(at - start + 1);
}

// Sets a German message (or summary of `code`) and rewrites de.json.
void set_german(const fs::path& dir, const std::string& key, const std::string& value,
                const std::string& code = "") {
  auto de = ordered_json::parse(read_file(dir / "locales/de.json"));
  if (code.empty()) {
    de["messages"][key] = value;
  } else {
    de["catalogue"]["smtp"]["codes"][code][key] = value;
  }
  write_file(dir / "locales/de.json", de.dump(2));
}

}  // namespace

TEST(TextBudget, AnOverlongPatternIsReportedAtItsLongestPageAndNeverCut) {
  TempDir dir;
  copy_small_project(dir.path());
  // 161 characters of pattern text before the arguments: over 160 on every
  // comparison, longest where the two names are.
  const std::string padding(140, 'x');
  set_german(dir.path(), "compare_meta",
             "{protocol} {a_code} ({a_name}) {b_code} ({b_name}) " + padding);
  const std::string de = read_file(dir / "locales/de.json");

  const RunResult warn = run_versa(dir.path(), "check");
  EXPECT_EQ(warn.status, 0) << warn.err;
  // The pair with the longest names, counted from the German names.
  const auto names = ordered_json::parse(de)["catalogue"]["smtp"]["codes"];
  std::string longest_pair;
  std::size_t longest = 0;
  std::vector<std::pair<std::string, std::string>> codes;
  for (const auto& [code, texts] : names.items()) codes.emplace_back(code, texts["name"]);
  const auto length = [](const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  for (std::size_t i = 0; i < codes.size(); ++i) {
    for (std::size_t j = i + 1; j < codes.size(); ++j) {
      const std::size_t n = length("SMTP " + codes[i].first + " (" + codes[i].second + ") " +
                                   codes[j].first + " (" + codes[j].second + ") " + padding);
      if (n > longest) {
        longest = n;
        longest_pair = codes[i].first + "-";
      }
    }
  }
  const std::regex report("locales/de\\.json:" + line_col(de, "\"{protocol} {a_code} ({a_name})") +
                          ": warning: message \"compare_meta\" makes a meta description of " +
                          std::to_string(longest) +
                          " characters in de, over the budget of 160 [^\\n]*, on "
                          "de/compare/smtp/" +
                          longest_pair + "[a-z0-9-]+-vs-[0-9]{3}-[a-z0-9-]+/index\\.html");
  EXPECT_TRUE(std::regex_search(warn.err, report)) << warn.err;
  // Reported once, for the pattern, not once per page.
  const std::string said = "message \"compare_meta\" makes";
  EXPECT_EQ(warn.err.find(said, warn.err.find(said) + 1), std::string::npos) << warn.err;

  const RunResult strict = run_versa(dir.path(), "check --strict");
  EXPECT_NE(strict.status, 0);
  EXPECT_NE(strict.err.find("error: message \"compare_meta\" makes a meta description of"),
            std::string::npos)
      << strict.err;

  // A build publishes the whole text, and warns.
  const RunResult build = run_versa(dir.path(), "build");
  ASSERT_EQ(build.status, 0) << build.err;
  EXPECT_NE(build.err.find("warning: message \"compare_meta\""), std::string::npos) << build.err;
  for (const auto& e : fs::recursive_directory_iterator(dir / "site/de/compare")) {
    if (e.path().filename() != "index.html") continue;
    const HtmlPage page(read_file(e.path()));
    for (const GumboNode* m : page.all(GUMBO_TAG_META)) {
      if (HtmlPage::attr(m, "name") == "description") {
        EXPECT_TRUE(HtmlPage::attr(m, "content").ends_with(padding)) << e.path();
      }
    }
  }
}

TEST(TextBudget, TitlesAndSummariesHaveBudgetsToo) {
  TempDir dir;
  copy_small_project(dir.path());
  // 61 characters once "SMTP 211 " and the name are in: over the title budget.
  set_german(dir.path(), "code_title", "{protocol} {code} {name} " + std::string(40, 'y'));
  // A summary is a code page's description: over 160 by itself.
  set_german(dir.path(), "summary", std::string(161, 'z'), "211");
  const std::string de = read_file(dir / "locales/de.json");
  const RunResult r = run_versa(dir.path(), "check --strict");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("locales/de.json:" + line_col(de, "\"{protocol} {code} {name} y") +
                       ": error: message \"code_title\" makes a title of "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("over the budget of 60"), std::string::npos) << r.err;
  // The summary is located at itself, with the page it describes.
  EXPECT_NE(r.err.find("locales/de.json:" + line_col(de, "\"zzzz") +
                       ": error: text \"codes/211/summary\" makes a meta description of 161 "
                       "characters in de"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("on de/smtp/211-"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
}

TEST(TextBudget, CharactersAreCountedAsReadersSeeThem) {
  TempDir dir;
  copy_small_project(dir.path());
  // 160 user-perceived characters written with 320 code points (e + U+0301):
  // within the budget, though a count of code points would say 320.
  std::string accented;
  for (int i = 0; i < 160; ++i) accented += "e\u0301";
  set_german(dir.path(), "summary", accented, "211");
  const RunResult fits = run_versa(dir.path(), "check --strict");
  EXPECT_EQ(fits.status, 0) << fits.err;
  set_german(dir.path(), "summary", accented + "e\u0301", "211");
  const RunResult over = run_versa(dir.path(), "check --strict");
  EXPECT_NE(over.status, 0);
  EXPECT_NE(over.err.find("makes a meta description of 161 characters"), std::string::npos)
      << over.err;
}
