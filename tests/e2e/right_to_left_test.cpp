// Right-to-left pages of a new, partly translated language (Hebrew): its
// text-only values start right to left whatever the patterns start with,
// and English shown in place of a missing translation is marked as English,
// laid out left to right in one piece, with a translated notice. The
// expected texts are read from the input files, not from versa.
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

namespace versa::test {
namespace {

using json = nlohmann::json;

// Titles that start with Latin ("SMTP 211 ..."): the reason for the mark.
const char* const kHebrew = R"({
  "messages": {
    "site_name": "קודי תשובה בהסבר",
    "code_title": "{protocol} {code} {name}",
    "compare_page_title": "{protocol} {a_code} מול {b_code}",
    "fallback_notice": "חלקים מהדף הזה עדיין לא תורגמו ומוצגים בשפה אחרת."
  },
  "catalogue": {"smtp": {"codes": {"211": {"name": "מצב המערכת", "summary": "השרת מדווח על מצבו."}}}}
})";

struct Site {
  TempDir dir;
  RunResult build;
  json catalogue;
  std::map<std::string, std::string> pages;  // path below he/ -> HTML
};

const Site& site() {
  static Site* s = [] {
    auto* s = new Site;
    copy_small_project(s->dir.path());
    write_file(s->dir / "locales/he.json", kHebrew);
    s->build = run_versa(s->dir.path(), "build --out site");
    s->catalogue = json::parse(read_file(s->dir / "catalogue/smtp.json"));
    const fs::path he = s->dir / "site/he";
    if (fs::exists(he)) {
      for (const auto& e : fs::recursive_directory_iterator(he)) {
        if (e.path().extension() == ".html")
          s->pages[fs::relative(e.path(), he).generic_string()] = read_file(e.path());
      }
    }
    return s;
  }();
  return *s;
}

json code(const std::string& number) {
  for (const auto& c : site().catalogue["codes"]) {
    if (c["code"] == number) return c;
  }
  ADD_FAILURE() << "no code " << number;
  return json::object();
}

bool starts_right_to_left(const std::string& text) {
  const auto u = icu::UnicodeString::fromUTF8(text);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UCharDirection d = u_charDirection(u.char32At(i));
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return true;
    if (d == U_LEFT_TO_RIGHT) return false;
  }
  return false;
}

// The elements that mark text of `lang`, with their direction.
std::vector<const GumboNode*> marked(const HtmlPage& page, const std::string& lang) {
  std::vector<const GumboNode*> out;
  HtmlPage::walk(page.all(GUMBO_TAG_MAIN)[0], [&](const GumboNode* n) {
    if (n->v.element.tag != GUMBO_TAG_A && HtmlPage::attr(n, "lang") == lang) out.push_back(n);
  });
  return out;
}

TEST(RightToLeft, TextOnlyValuesStartRightToLeftWhateverThePatternStartsWith) {
  ASSERT_EQ(site().build.status, 0) << site().build.err;
  ASSERT_GT(site().pages.size(), 20u);
  for (const auto& [path, html] : site().pages) {
    const HtmlPage page(html);
    if (page.redirects()) continue;  // a title only, checked on its comparison
    std::map<std::string, std::string> values{
        {"title", HtmlPage::text(page.all(GUMBO_TAG_TITLE)[0])}};
    for (const GumboNode* m : page.all(GUMBO_TAG_META)) {
      const std::string key = HtmlPage::attr(m, "name") + HtmlPage::attr(m, "property");
      if (key == "description" || key.starts_with("og:title") || key == "og:description")
        values[key] = HtmlPage::attr(m, "content");
    }
    ASSERT_EQ(values.size(), 4u) << path;
    for (const auto& [key, value] : values) {
      EXPECT_TRUE(starts_right_to_left(value)) << path << " " << key << ": " << value;
    }
  }
  // The code page's title is the pattern's text after one U+200F, nothing else.
  const HtmlPage page(
      site().pages.at("smtp/211-" + code("211")["slug"].get<std::string>() + "/index.html"));
  EXPECT_EQ(HtmlPage::text(page.all(GUMBO_TAG_TITLE)[0]), "\u200FSMTP 211 מצב המערכת");
}

TEST(RightToLeft, UntranslatedTextIsEnglishInOnePieceWithANotice) {
  ASSERT_EQ(site().build.status, 0) << site().build.err;
  const json c = code("500");
  const HtmlPage page(site().pages.at("smtp/500-" + c["slug"].get<std::string>() + "/index.html"));
  // Each English text is one element, lang="en" dir="ltr", holding exactly
  // the catalogue's text: never cut into pieces at commas or Latin runs.
  std::map<std::string, int> found;
  for (const GumboNode* n : marked(page, "en")) {
    EXPECT_EQ(HtmlPage::attr(n, "dir"), "ltr");
    for (const char* field : {"summary", "description", "when", "fix", "use"}) {
      std::string text = c[field].get<std::string>();
      // versa joins "RFC" and its number with a no-break space.
      for (std::size_t at = text.find("RFC "); at != std::string::npos; at = text.find("RFC ", at))
        text.replace(at, 4, "RFC\u00A0");
      if (HtmlPage::text(n) != text) continue;
      ++found[field];
      // Left to right as a whole: nothing inside is isolated on its own.
      EXPECT_TRUE(page.all(GUMBO_TAG_BDI, n).empty()) << field;
    }
  }
  for (const char* field : {"summary", "description", "when", "fix", "use"}) {
    EXPECT_EQ(found[field], 1) << field;
  }
  const auto notice = page.with_class("fallback-notice");
  ASSERT_EQ(notice.size(), 1u);
  EXPECT_EQ(HtmlPage::text(notice[0]), "חלקים מהדף הזה עדיין לא תורגמו ומוצגים בשפה אחרת.");
  // 211's Hebrew texts are not marked; its English ones are.
  const HtmlPage status(
      site().pages.at("smtp/211-" + code("211")["slug"].get<std::string>() + "/index.html"));
  const auto english = marked(status, "en");
  EXPECT_FALSE(english.empty());
  for (const GumboNode* n : english) {
    EXPECT_NE(HtmlPage::text(n), "מצב המערכת");
    EXPECT_NE(HtmlPage::text(n), "השרת מדווח על מצבו.");
  }
}

TEST(RightToLeft, FullyTranslatedLanguagesShowNoNotice) {
  ASSERT_EQ(site().build.status, 0) << site().build.err;
  const fs::path de = site().dir / "site/de/index.html";
  ASSERT_TRUE(fs::exists(de));
  EXPECT_TRUE(HtmlPage(read_file(de)).with_class("fallback-notice").empty());
  EXPECT_TRUE(marked(HtmlPage(read_file(de)), "en").empty());
}

}  // namespace
}  // namespace versa::test
