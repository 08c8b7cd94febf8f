// End to end: builds the shipped site into a temporary folder with the versa
// binary, then reads every page through an HTML5 parser.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"

using namespace versa::test;
using nlohmann::json;

namespace {

struct BuiltPage {
  std::string path;  ///< relative to the site root
  std::string locale;
  std::string html;
};

class ShippedSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    copy_shipped_inputs(dir_->path());
    build_ = new RunResult(run_versa(dir_->path(), "build --out site"));
    const json catalogue = json::parse(read_file(dir_->path() / "catalogue/smtp.json"));
    for (const auto& c : catalogue["codes"]) {
      codes_[c["code"].get<std::string>()] = c;
    }
    for (const auto& e : fs::directory_iterator(dir_->path() / "locales")) {
      locales_[e.path().stem().string()] = json::parse(read_file(e.path()));
    }
    const fs::path site = dir_->path() / "site";
    for (const auto& e : fs::recursive_directory_iterator(site)) {
      if (e.path().extension() != ".html") continue;
      const std::string rel = fs::relative(e.path(), site).generic_string();
      const std::string first = rel.substr(0, rel.find('/'));
      BuiltPage page{rel, locales_.contains(first) ? first : "en", read_file(e.path())};
      (HtmlPage(page.html).redirects() ? redirects_ : pages_).push_back(std::move(page));
    }
    for (auto* list : {&pages_, &redirects_}) {
      std::sort(list->begin(), list->end(), [](auto& a, auto& b) { return a.path < b.path; });
    }
  }
  static void TearDownTestSuite() {
    delete build_;
    delete dir_;
    pages_.clear();
    redirects_.clear();
  }

  /// The locale's message, or English's when the locale lacks it.
  static std::string message(const std::string& locale, const std::string& key) {
    const json& m = locales_.at(locale)["messages"];
    return m.contains(key) ? m[key].get<std::string>()
                           : locales_.at("en")["messages"][key].get<std::string>();
  }

  static bool is_compare(const BuiltPage& p) {
    return p.path.find("compare/") != std::string::npos;
  }

  static inline TempDir* dir_ = nullptr;
  static inline RunResult* build_ = nullptr;
  static inline std::map<std::string, json> codes_;
  static inline std::map<std::string, json> locales_;
  /// Every page but the redirects, which are in redirects_.
  static inline std::vector<BuiltPage> pages_;
  static inline std::vector<BuiltPage> redirects_;
};

// Lowercased by the rules of the page's language (Turkish "I" is "ı"), never
// by the process's locale, which ICU would take from the environment.
std::string lower(const std::string& s, const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale language = icu::Locale::forLanguageTag(locale, status);
  std::string out;
  icu::UnicodeString::fromUTF8(s)
      .toLower(U_SUCCESS(status) ? language : icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

// The direction each language is written in, known independently of ICU:
// the shipped right-to-left language and the common others.
std::string direction(const std::string& locale) {
  static const std::set<std::string> kRightToLeft = {"ar", "fa", "he", "ur"};
  return kRightToLeft.contains(locale) ? "rtl" : "ltr";
}

// Strips punctuation around a word, keeping letters, digits and inner marks.
std::string core_word(const std::string& token) {
  const auto u = icu::UnicodeString::fromUTF8(token);
  int32_t b = 0, e = u.length();
  while (b < e && !u_isalnum(u.char32At(b))) b = u.moveIndex32(b, 1);
  while (e > b && !u_isalnum(u.char32At(u.moveIndex32(e, -1)))) e = u.moveIndex32(e, -1);
  std::string out;
  u.tempSubString(b, e - b).toUTF8String(out);
  return out;
}

}  // namespace

TEST_F(ShippedSite, BuildSucceedsAndSummarises) {
  ASSERT_EQ(build_->status, 0) << build_->err;
  EXPECT_TRUE(std::regex_search(
      build_->out,
      std::regex(R"(versa: \d+ pages rendered, \d+ written, 0 unchanged, 0 removed in [0-9.]+ s)")))
      << build_->out;
  // The shipped inputs are complete: no fallback is needed anywhere.
  EXPECT_EQ(build_->err.find("warning"), std::string::npos) << build_->err;
}

TEST_F(ShippedSite, OneComparisonPagePerUnorderedPairPerLocale) {
  const std::size_t n = codes_.size();
  std::map<std::string, std::size_t> per_locale;
  std::set<std::string> pairs_en;
  for (const auto& p : pages_) {
    if (!is_compare(p)) continue;
    ++per_locale[p.locale];
    // The lower code always comes first.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        p.path, m,
        std::regex(R"(compare/smtp/(\d{3})-[a-z0-9-]+-vs-(\d{3})-[a-z0-9-]+/index\.html$)")))
        << p.path;
    EXPECT_LT(m[1].str(), m[2].str()) << p.path;
  }
  EXPECT_EQ(per_locale.size(), locales_.size());
  for (const auto& [locale, count] : per_locale) EXPECT_EQ(count, n * (n - 1) / 2) << locale;
  const std::size_t total = std::count_if(pages_.begin(), pages_.end(), is_compare);
  EXPECT_EQ(total, locales_.size() * n * (n - 1) / 2);
}

// The other order of every pair (…/500-…-vs-211-…/) is a small page that
// sends readers to the comparison: canonical to it, a refresh and a visible
// link to it, its title, noindex, in the page's language; never in a sitemap
// (SitemapListsExactlyThePublishedPagesWithAlternates reads pages_ only).
TEST_F(ShippedSite, TheOtherOrderOfEveryPairRedirectsToItsComparison) {
  const std::size_t n = codes_.size();
  EXPECT_EQ(redirects_.size(), locales_.size() * n * (n - 1) / 2);
  const std::string base =
      json::parse(read_file(dir_->path() / "site.json"))["base_url"].get<std::string>() + "/";
  std::map<std::string, const BuiltPage*> by_path;
  for (const auto& p : pages_) by_path[p.path] = &p;
  const std::regex reversed(
      R"(^(.*compare/smtp/)((\d{3})-[a-z0-9-]+)-vs-((\d{3})-[a-z0-9-]+)/index\.html$)");
  for (const auto& r : redirects_) {
    SCOPED_TRACE(r.path);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(r.path, m, reversed));
    EXPECT_GT(m[3].str(), m[5].str());  // the higher code first
    const std::string folder = m[1].str() + m[4].str() + "-vs-" + m[2].str() + "/";
    ASSERT_TRUE(by_path.contains(folder + "index.html"));
    const HtmlPage target(by_path[folder + "index.html"]->html);
    const HtmlPage page(r.html);

    EXPECT_EQ(HtmlPage::attr(page.all(GUMBO_TAG_HTML).at(0), "lang"),
              HtmlPage::attr(target.all(GUMBO_TAG_HTML).at(0), "lang"));
    EXPECT_EQ(HtmlPage::text(page.all(GUMBO_TAG_TITLE).at(0)),
              HtmlPage::text(target.all(GUMBO_TAG_TITLE).at(0)));
    std::string canonical, refresh, robots;
    for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
      if (HtmlPage::attr(l, "rel") == "canonical") canonical = HtmlPage::attr(l, "href");
    }
    for (const GumboNode* meta : page.all(GUMBO_TAG_META)) {
      if (HtmlPage::attr(meta, "http-equiv") == "refresh")
        refresh = HtmlPage::attr(meta, "content");
      if (HtmlPage::attr(meta, "name") == "robots") robots = HtmlPage::attr(meta, "content");
    }
    EXPECT_EQ(canonical, base + folder);
    EXPECT_EQ(robots, "noindex");
    // The refresh and the link lead, relatively, to the comparison's folder.
    const auto links = page.all(GUMBO_TAG_A);
    ASSERT_EQ(links.size(), 1u);
    const std::string href = HtmlPage::attr(links[0], "href");
    EXPECT_EQ(refresh, "0; url=" + href);
    const fs::path from = fs::path(r.path).parent_path();
    EXPECT_EQ((from / href).lexically_normal().generic_string() + "/",
              fs::path(folder).lexically_normal().generic_string() + "/")
        << href;
    EXPECT_FALSE(HtmlPage::text(links[0]).empty());
    // Says so in the page's language, and carries no structured data.
    const std::string body = HtmlPage::text(page.all(GUMBO_TAG_BODY).at(0));
    EXPECT_NE(body.find(message(r.locale, "redirect_notice")), std::string::npos) << body;
    for (const GumboNode* script : page.all(GUMBO_TAG_SCRIPT)) {
      EXPECT_NE(HtmlPage::attr(script, "type"), "application/ld+json");
    }
  }
}

namespace {

struct Mention {
  std::string code;
  const GumboNode* link;  // the <a> it is in, or null
};

// The whole three-digit numbers in the text of `n` outside headings, each
// with the link it is in.
void mentions(const GumboNode* n, const GumboNode* link, std::vector<Mention>& out) {
  if (n->type == GUMBO_NODE_TEXT) {
    const std::string t = n->v.text.text;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t k = 0; k < t.size();) {
      if (!digit(t[k])) {
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < t.size() && digit(t[e])) ++e;
      const bool dotted = (k > 0 && (t[k - 1] == '.' || t[k - 1] == ',')) ||
                          (e + 1 < t.size() && (t[e] == '.' || t[e] == ',') && digit(t[e + 1]));
      if (e - k == 3 && !dotted) out.push_back({t.substr(k, 3), link});
      k = e;
    }
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3) return;
  if (tag == GUMBO_TAG_A) link = n;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    mentions(static_cast<const GumboNode*>(kids.data[i]), link, out);
}

}  // namespace

// Every code a code or comparison page mentions, outside its headings, is a
// link (to that code's page, where the mention is in a text), the page's own
// code(s) aside; every RFC it cites links to the RFC at rfc-editor.org.
TEST_F(ShippedSite, CodeMentionsAndRfcCitationsAreLinks) {
  const std::regex compare(R"(compare/smtp/(\d{3})-[a-z0-9-]+-vs-(\d{3})-[a-z0-9-]+/index\.html$)");
  const std::regex code(R"(smtp/(\d{3})-[a-z0-9-]+/index\.html$)");
  const std::regex rfc("RFC(?: |\u00a0)([0-9]+)");
  std::size_t linked = 0, cited = 0;
  for (const auto& p : pages_) {
    std::smatch m;
    std::set<std::string> own;
    if (std::regex_search(p.path, m, compare)) {
      own = {m[1], m[2]};
    } else if (std::regex_search(p.path, m, code) && !is_compare(p)) {
      own = {m[1]};
    } else {
      continue;
    }
    SCOPED_TRACE(p.path);
    HtmlPage page(p.html);
    const auto main = page.all(GUMBO_TAG_MAIN);
    ASSERT_EQ(main.size(), 1u);
    std::vector<Mention> found;
    mentions(main[0], nullptr, found);
    const fs::path folder = fs::path(p.path).parent_path();
    for (const Mention& mention : found) {
      if (!codes_.contains(mention.code) || own.contains(mention.code)) continue;
      ASSERT_NE(mention.link, nullptr) << mention.code << " is not a link";
      const std::string href = HtmlPage::attr(mention.link, "href");
      std::string target = (folder / href).lexically_normal().generic_string();
      if (target.ends_with("/")) target.pop_back();
      if (HtmlPage::text(mention.link) == mention.code) {  // a mention in a text
        const std::string slug = codes_.at(mention.code)["slug"];
        EXPECT_TRUE(target.ends_with("smtp/" + mention.code + "-" + slug))
            << mention.code << " links to " << href;
        ++linked;
      }
    }
    // RFC citations, in the texts and the facts.
    for (const GumboTag tag : {GUMBO_TAG_P, GUMBO_TAG_TD}) {
      for (const GumboNode* n : page.all(tag, main[0])) {
        const std::string text = HtmlPage::text(n);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), rfc);
             it != std::sregex_iterator(); ++it) {
          bool found_link = false;
          for (const GumboNode* a : page.all(GUMBO_TAG_A, n)) {
            found_link |= HtmlPage::text(a).find(it->str()) != std::string::npos &&
                          HtmlPage::attr(a, "href").starts_with(
                              "https://www.rfc-editor.org/rfc/rfc" + (*it)[1].str());
          }
          EXPECT_TRUE(found_link) << it->str() << " in: " << text;
          ++cited;
        }
      }
    }
  }
  EXPECT_GT(linked, 100u);
  EXPECT_GT(cited, 1000u);
}

// "Related comparisons" follow meaning: each code of a comparison is paired
// with the codes it is confused with (its "confused_with" or theirs) before
// any other; every comparison offers at least four; a code page lists the
// comparisons with its confusables first.
TEST_F(ShippedSite, RelatedComparisonsComeFromMeaning) {
  std::map<std::string, std::set<std::string>> confused;
  for (const auto& [code, c] : codes_) {
    for (const auto& other : c.value("confused_with", json::array())) {
      confused[code].insert(other.get<std::string>());
      confused[other.get<std::string>()].insert(code);
    }
  }
  const std::regex pair(R"((\d{3})-[a-z0-9-]+-vs-(\d{3})-[a-z0-9-]+/$)");
  const auto codes_of = [&](const std::string& href) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(href, m, pair)) << href;
    return std::pair{m[1].str(), m[2].str()};
  };
  std::size_t compared = 0, listed = 0;
  for (const auto& p : pages_) {
    HtmlPage page(p.html);
    std::smatch m;
    if (is_compare(p)) {
      ASSERT_TRUE(std::regex_search(p.path, m, std::regex(R"((\d{3})-[a-z0-9-]+-vs-(\d{3}))")));
      const std::string a = m[1], b = m[2];
      // The links after the related heading: the last list of the section.
      const auto sections = page.with_class("link-list");
      ASSERT_GE(sections.size(), 2u) << p.path;
      const auto links = page.all(GUMBO_TAG_A, sections.back());
      EXPECT_GE(links.size(), 4u) << p.path;
      std::map<std::string, std::vector<std::string>> partners;  // code -> the codes paired
      for (const GumboNode* l : links) {
        const auto [x, y] = codes_of(HtmlPage::attr(l, "href"));
        const std::string self = (x == a || x == b) ? x : y;
        partners[self].push_back(self == x ? y : x);
      }
      for (const std::string& self : {a, b}) {
        std::set<std::string> wanted = confused[self];
        wanted.erase(self == a ? b : a);
        // Each partner is a confusable while confusables remain unshown.
        const auto& shown = partners[self];
        const std::size_t expected_confused = std::min(wanted.size(), shown.size());
        const auto confused_shown = std::count_if(
            shown.begin(), shown.end(), [&](const auto& x) { return wanted.contains(x); });
        EXPECT_EQ(static_cast<std::size_t>(confused_shown), expected_confused)
            << p.path << " for " << self;
      }
      ++compared;
    } else if (std::regex_search(p.path, m,
                                 std::regex(R"(smtp/(\d{3})-[a-z0-9-]+/index\.html$)"))) {
      const std::string self = m[1];
      const auto lists = page.with_class("link-list");
      ASSERT_EQ(lists.size(), 1u) << p.path;
      const auto links = page.all(GUMBO_TAG_A, lists[0]);
      ASSERT_EQ(links.size(), codes_.size() - 1) << p.path;
      std::set<std::string> first;
      for (std::size_t k = 0; k < confused[self].size(); ++k) {
        const auto [x, y] = codes_of(HtmlPage::attr(links[k], "href"));
        first.insert(x == self ? y : x);
      }
      EXPECT_EQ(first, confused[self]) << p.path;
      ++listed;
    }
  }
  EXPECT_GT(compared, 3000u);
  EXPECT_EQ(listed, codes_.size() * locales_.size());
}

TEST_F(ShippedSite, EveryPageDeclaresItsLanguageAndDirection) {
  ASSERT_FALSE(pages_.empty());
  for (const auto& p : pages_) {
    HtmlPage page(p.html);
    const auto html = page.all(GUMBO_TAG_HTML);
    ASSERT_EQ(html.size(), 1u);
    EXPECT_EQ(HtmlPage::attr(html[0], "lang"), p.locale) << p.path;
    EXPECT_EQ(HtmlPage::attr(html[0], "dir"), direction(p.locale)) << p.path;
  }
  EXPECT_TRUE(locales_.contains("ar"));
}

TEST_F(ShippedSite, HeadingsAreInThePagesLanguage) {
  const std::map<std::string, std::string> section_headings = {
      {"glance-heading", "glance_heading"},
      {"differences-heading", "differences_heading"},
      {"usage-heading", "usage_heading"},
      {"learn-heading", "learn_heading"}};
  int checked = 0;
  for (const auto& p : pages_) {
    if (!is_compare(p)) continue;
    HtmlPage page(p.html);
    for (const GumboNode* h2 : page.all(GUMBO_TAG_H2)) {
      const std::string id = HtmlPage::attr(h2, "id");
      if (auto it = section_headings.find(id); it != section_headings.end()) {
        const std::string expected = message(p.locale, it->second);
        EXPECT_EQ(HtmlPage::text(h2), expected) << p.path;
        if (p.locale != "en") {
          EXPECT_NE(expected, message("en", it->second)) << p.locale << " " << id;
        }
        ++checked;
      } else {
        // Card headings: the code and its name in this language.
        const std::string code = id.substr(id.find('-') + 1);
        const json& names = p.locale == "en"
                                ? codes_.at(code)
                                : locales_.at(p.locale)["catalogue"]["smtp"]["codes"][code];
        EXPECT_EQ(HtmlPage::text(h2), code + " " + names["name"].get<std::string>()) << p.path;
      }
    }
    std::set<std::string> h3;
    for (const GumboNode* n : page.all(GUMBO_TAG_H3)) h3.insert(HtmlPage::text(n));
    for (const char* key :
         {"heading_description", "heading_when", "heading_fix", "related_heading"}) {
      EXPECT_TRUE(h3.contains(message(p.locale, key))) << p.path << " lacks " << key;
    }
  }
  EXPECT_EQ(checked, 4 * std::count_if(pages_.begin(), pages_.end(), is_compare));
}

TEST_F(ShippedSite, NoWordIsDoubledAnywhere) {
  int failures = 0;
  for (const auto& p : pages_) {
    HtmlPage page(p.html);
    const auto body = page.all(GUMBO_TAG_BODY);
    ASSERT_EQ(body.size(), 1u);
    // Block elements separate words, so compare words within each paragraph-like element.
    for (GumboTag tag : {GUMBO_TAG_P, GUMBO_TAG_LI, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                         GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TITLE}) {
      for (const GumboNode* n : page.all(tag)) {
        std::istringstream words(HtmlPage::text(n));
        std::string prev, token;
        while (words >> token) {
          const std::string w = lower(core_word(token), p.locale);
          if (!w.empty() && w == prev && failures++ < 10) {
            ADD_FAILURE() << p.path << ": doubled \"" << w << "\" in: " << HtmlPage::text(n);
          }
          // A label and its text ("503 Bad Sequence: Bad ...") or two
          // sentences may meet on a word: a colon or a full stop separates.
          const char last = token.back();
          prev = last == ':' || last == '.' || last == ';' ? "" : w;
        }
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(ShippedSite, KeyDifferencesListTheClassOnlyWhenClassesDiffer) {
  int same = 0, cross = 0;
  for (const auto& p : pages_) {
    if (!is_compare(p)) continue;
    std::smatch m;
    std::regex_search(p.path, m, std::regex(R"((\d{3})-[a-z0-9-]+-vs-(\d{3}))"));
    const json& a = codes_.at(m[1].str());
    const json& b = codes_.at(m[2].str());
    const bool same_class = m[1].str()[0] == m[2].str()[0];
    const bool same_rfc = a["rfc"] == b["rfc"];
    HtmlPage page(p.html);
    const auto lists = page.with_class("differences");
    ASSERT_EQ(lists.size(), 1u) << p.path;
    const auto items = page.all(GUMBO_TAG_LI, lists[0]);
    const std::string first = HtmlPage::text(items[0]);
    const std::string a_class = m[1].str().substr(0, 1) + "xx";
    const std::string b_class = m[2].str().substr(0, 1) + "xx";
    if (same_class) {
      ++same;
      EXPECT_EQ(items.size(), same_rfc ? 3u : 4u) << p.path;
    } else {
      ++cross;
      EXPECT_EQ(items.size(), same_rfc ? 5u : 6u) << p.path;
      EXPECT_NE(first.find(a_class), std::string::npos) << p.path;
      EXPECT_NE(first.find(b_class), std::string::npos) << p.path;
    }
    // The intro has the variant of its kind: cross-class names both classes.
    const std::string intro = HtmlPage::text(page.with_class("intro").at(0));
    EXPECT_EQ(intro.find(b_class) != std::string::npos && intro.find(a_class) != std::string::npos,
              true)
        << p.path;
    if (same_class) {
      EXPECT_EQ(intro.find(a_class), intro.rfind(a_class)) << p.path;
    }
  }
  EXPECT_GT(same, 0);
  EXPECT_GT(cross, 0);
}

TEST_F(ShippedSite, EveryInternalLinkResolvesToAFile) {
  const fs::path site = dir_->path() / "site";
  const std::string base_url = json::parse(read_file(dir_->path() / "site.json"))["base_url"];
  std::set<std::string> checked;
  int broken = 0;
  for (const auto& p : pages_) {
    HtmlPage page(p.html);
    std::vector<std::string> refs;
    for (const GumboNode* a : page.all(GUMBO_TAG_A)) refs.push_back(HtmlPage::attr(a, "href"));
    for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
      if (HtmlPage::attr(l, "rel") == "stylesheet") refs.push_back(HtmlPage::attr(l, "href"));
    }
    const fs::path base = (site / p.path).parent_path();
    for (std::string ref : refs) {
      // "Not found" pages link absolutely into the site: they are served at
      // any address. Other absolute links leave the site.
      fs::path from = base;
      if (ref.starts_with(base_url + "/")) {
        ref = ref.substr(base_url.size() + 1);
        from = site;
        if (ref.empty()) ref = ".";
      } else if (ref.rfind("http", 0) == 0) {
        continue;
      }
      ref = ref.substr(0, ref.find('#'));
      if (ref.empty()) continue;
      fs::path target = (from / ref).lexically_normal();
      if (ref.back() == '/' || ref == ".") target /= "index.html";
      if (!checked.insert(target.string()).second) continue;
      if (!fs::is_regular_file(target) && broken++ < 10)
        ADD_FAILURE() << p.path << " links to missing " << ref;
    }
  }
  EXPECT_EQ(broken, 0);
}

TEST_F(ShippedSite, ArabicPagesIsolateCodesAndSwitchLanguages) {
  const auto it = std::find_if(pages_.begin(), pages_.end(), [](const BuiltPage& p) {
    return p.path == "ar/compare/smtp/211-system-status-vs-500-syntax-error/index.html";
  });
  ASSERT_NE(it, pages_.end());
  HtmlPage page(it->html);
  std::set<std::string> isolated;
  for (const GumboNode* b : page.all(GUMBO_TAG_BDI)) isolated.insert(HtmlPage::text(b));
  EXPECT_TRUE(isolated.contains("211"));
  EXPECT_TRUE(isolated.contains("500"));
  // The switcher names each language in itself and links to the same pair.
  std::map<std::string, std::string> switcher;
  for (const GumboNode* a : page.all(GUMBO_TAG_A)) {
    if (!HtmlPage::attr(a, "hreflang").empty())
      switcher[HtmlPage::text(a)] = HtmlPage::attr(a, "href");
  }
  EXPECT_EQ(switcher.at("Deutsch"),
            "../../../../de/compare/smtp/211-system-status-vs-500-syntax-error/");
  EXPECT_EQ(switcher.at("English"),
            "../../../../compare/smtp/211-system-status-vs-500-syntax-error/");
  EXPECT_TRUE(switcher.contains("العربية"));
  EXPECT_TRUE(switcher.contains("Türkçe"));
  // hreflang alternates: every locale plus x-default.
  std::set<std::string> hreflangs;
  for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
    if (HtmlPage::attr(l, "rel") == "alternate") hreflangs.insert(HtmlPage::attr(l, "hreflang"));
  }
  EXPECT_EQ(hreflangs.size(), locales_.size() + 1);
  EXPECT_TRUE(hreflangs.contains("x-default"));
}

TEST_F(ShippedSite, RebuildingChangesNothing) {
  const fs::path index =
      dir_->path() / "site/compare/smtp/211-system-status-vs-500-syntax-error/index.html";
  const auto mtime = fs::last_write_time(index);
  const std::string before = read_file(index);
  const RunResult again = run_versa(dir_->path(), "build --out site --jobs 1");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 written, "), std::string::npos) << again.out;
  EXPECT_EQ(read_file(index), before);
  EXPECT_EQ(fs::last_write_time(index), mtime);
}

namespace {

// "https://versa.example.org/vi/x/" -> "vi/x/index.html"
std::string site_path(const std::string& url, const std::string& base) {
  std::string rel = url.substr(base.size() + 1);
  return rel.empty() || rel.back() == '/' ? rel + "index.html" : rel;
}

std::map<std::string, std::string> alternates(const HtmlPage& page) {
  std::map<std::string, std::string> out;
  for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
    if (HtmlPage::attr(l, "rel") == "alternate")
      out[HtmlPage::attr(l, "hreflang")] = HtmlPage::attr(l, "href");
  }
  return out;
}

bool unprefixed_is_home(const std::string& path, const std::string& locale) {
  return path == (locale == "en" ? "index.html" : locale + "/index.html");
}

}  // namespace

// Every page is checked (each page is parsed once, its alternates kept).
TEST_F(ShippedSite, AlternatesAreReciprocalAndPointToTheSamePageInThatLanguage) {
  const std::string base = json::parse(read_file(dir_->path() / "site.json"))["base_url"];
  std::map<std::string, std::pair<const BuiltPage*, std::map<std::string, std::string>>> by_path;
  for (const auto& p : pages_) by_path[p.path] = {&p, alternates(HtmlPage(p.html))};
  std::map<std::string, std::size_t> checked;  // per locale and page kind
  for (const auto& [path, entry] : by_path) {
    const auto& [p, alt] = entry;
    if (path.ends_with("404.html")) {
      EXPECT_TRUE(alt.empty());  // served at any address: no alternates
      continue;
    }
    ASSERT_EQ(alt.size(), locales_.size() + 1) << path;
    // The page lists itself under its own language, and its canonical URL.
    ASSERT_TRUE(alt.contains(p->locale)) << path;
    EXPECT_EQ(site_path(alt.at(p->locale), base), path);
    for (const auto& [lang, url] : alt) {
      if (lang == "x-default") {
        EXPECT_EQ(url, alt.at("en")) << path;
        continue;
      }
      const auto target = by_path.find(site_path(url, base));
      ASSERT_NE(target, by_path.end()) << path << " -> " << url;
      EXPECT_EQ(target->second.first->locale, lang) << url;
      // The same page in that language: the path after the locale prefix.
      const auto unprefixed = [](const BuiltPage& b) {
        return b.locale == "en" ? b.path : b.path.substr(b.locale.size() + 1);
      };
      EXPECT_EQ(unprefixed(*target->second.first), unprefixed(*p)) << path << " -> " << url;
      // A lists B exactly when B lists A: both carry the same set.
      EXPECT_EQ(target->second.second, alt) << path << " vs " << url;
    }
    const std::string kind = is_compare(*p)                           ? "compare"
                             : unprefixed_is_home(p->path, p->locale) ? "home"
                                                                      : "code";
    ++checked[p->locale + " " + kind];
  }
  for (const auto& [locale, file] : locales_) {
    EXPECT_EQ(checked[locale + " home"], 1u) << locale;
    EXPECT_EQ(checked[locale + " code"], codes_.size()) << locale;
    EXPECT_EQ(checked[locale + " compare"], codes_.size() * (codes_.size() - 1) / 2) << locale;
  }
}

TEST_F(ShippedSite, SitemapListsExactlyThePublishedPagesWithAlternates) {
  const std::string base = json::parse(read_file(dir_->path() / "site.json"))["base_url"];
  const std::string xml = read_file(dir_->path() / "site/sitemap.xml");
  ASSERT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
                      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
                      0),
            0u);
  std::multiset<std::string> listed;
  const std::regex loc("<loc>([^<]*)</loc>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), loc); it != std::sregex_iterator();
       ++it) {
    listed.insert(site_path((*it)[1].str(), base));
  }
  std::multiset<std::string> published;
  std::size_t not_found = 0;
  for (const auto& p : pages_) {
    // "Not found" pages, one per language, stay out of sitemaps.
    if (p.path.ends_with("404.html")) {
      ++not_found;
      EXPECT_EQ(p.path, p.locale == "en" ? "404.html" : p.locale + "/404.html");
    } else {
      published.insert(p.path);
    }
  }
  EXPECT_EQ(not_found, locales_.size());
  EXPECT_EQ(listed, published);
  const std::regex link("<xhtml:link rel=\"alternate\" hreflang=\"[^\"]+\" href=\"[^\"]+\"/>");
  const auto links =
      std::distance(std::sregex_iterator(xml.begin(), xml.end(), link), std::sregex_iterator());
  EXPECT_EQ(static_cast<std::size_t>(links), published.size() * (locales_.size() + 1));
  EXPECT_EQ(read_file(dir_->path() / "site/robots.txt"),
            "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n");
}

TEST_F(ShippedSite, EveryPageHasTitleDescriptionCanonicalAndOpenGraph) {
  for (const auto& p : pages_) {
    if (p.path.ends_with("404.html")) continue;
    HtmlPage page(p.html);
    ASSERT_EQ(page.all(GUMBO_TAG_TITLE).size(), 1u) << p.path;
    EXPECT_FALSE(HtmlPage::text(page.all(GUMBO_TAG_TITLE)[0]).empty());
    std::map<std::string, std::string> meta;
    for (const GumboNode* m : page.all(GUMBO_TAG_META)) {
      const std::string key = HtmlPage::attr(m, "name").empty() ? HtmlPage::attr(m, "property")
                                                                : HtmlPage::attr(m, "name");
      meta[key] = HtmlPage::attr(m, "content");
    }
    const std::string description = meta["description"];
    EXPECT_FALSE(description.empty()) << p.path;
    EXPECT_LE(icu::UnicodeString::fromUTF8(description).countChar32(), 160) << p.path;
    for (const char* og : {"og:title", "og:description", "og:url", "og:locale"}) {
      EXPECT_FALSE(meta[og].empty()) << p.path << " " << og;
    }
    std::string canonical;
    for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
      if (HtmlPage::attr(l, "rel") == "canonical") canonical = HtmlPage::attr(l, "href");
    }
    EXPECT_EQ(canonical, meta["og:url"]) << p.path;
    EXPECT_EQ(page.with_class("languages").size(), 1u) << p.path;
  }
}

namespace {

// The schema.org terms versa's JSON-LD may use, each in the vocabulary at
// https://schema.org (types, then properties).
const std::set<std::string> kSchemaTypes = {"BreadcrumbList", "ListItem", "WebSite", "TechArticle"};
const std::set<std::string> kSchemaProperties = {
    "itemListElement", "position",         "name",    "item", "url", "inLanguage", "headline",
    "description",     "mainEntityOfPage", "isPartOf"};

// Every @type and property in `v`, at any depth, is a known schema.org term.
void expect_schema_terms(const json& v, const std::string& where) {
  if (v.is_array()) {
    for (const auto& x : v) expect_schema_terms(x, where);
  } else if (v.is_object()) {
    for (const auto& [key, x] : v.items()) {
      if (key == "@type") {
        EXPECT_TRUE(kSchemaTypes.contains(x.get<std::string>())) << where << ": " << x;
      } else if (key != "@context" && key != "@graph") {
        EXPECT_TRUE(kSchemaProperties.contains(key)) << where << ": " << key;
      }
      expect_schema_terms(x, where);
    }
  }
}

std::string without_rlm(std::string s) {
  if (s.rfind("\u200F", 0) == 0) s.erase(0, 3);
  return s;
}

}  // namespace

// One JSON-LD block per page, as a parser sees it: it parses, uses only
// schema.org terms, places the page (BreadcrumbList, each step a page of the
// site, the last one the page itself), and says what the page is in its
// language with its own title and description.
TEST_F(ShippedSite, EveryPageCarriesStructuredDataThatParses) {
  const std::string base =
      json::parse(read_file(dir_->path() / "site.json"))["base_url"].get<std::string>() + "/";
  std::set<std::string> files;
  for (const auto& p : pages_) files.insert(p.path);
  for (const auto& p : pages_) {
    HtmlPage page(p.html);
    std::vector<const GumboNode*> blocks;
    for (const GumboNode* s : page.all(GUMBO_TAG_SCRIPT)) {
      if (HtmlPage::attr(s, "type") == "application/ld+json") blocks.push_back(s);
    }
    ASSERT_EQ(blocks.size(), 1u) << p.path;
    const std::string text = HtmlPage::text(blocks[0]);
    EXPECT_EQ(text.find('<'), std::string::npos) << p.path;  // nothing can end the script
    json ld;
    ASSERT_NO_THROW(ld = json::parse(text)) << p.path << ": " << text;
    EXPECT_EQ(ld["@context"], "https://schema.org") << p.path;
    expect_schema_terms(ld, p.path);
    std::map<std::string, json> by_type;
    for (const auto& node : ld["@graph"]) by_type[node["@type"]] = node;

    ASSERT_TRUE(by_type.contains("BreadcrumbList")) << p.path;
    const json& steps = by_type["BreadcrumbList"]["itemListElement"];
    ASSERT_FALSE(steps.empty()) << p.path;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      EXPECT_EQ(steps[i]["position"], i + 1) << p.path;
      EXPECT_FALSE(steps[i]["name"].get<std::string>().empty()) << p.path;
      const std::string url = steps[i]["item"];
      ASSERT_EQ(url.rfind(base, 0), 0u) << p.path << ": " << url;
      std::string file = url.substr(base.size(), url.find('#') - base.size());
      if (file.empty() || file.ends_with("/")) file += "index.html";
      EXPECT_TRUE(files.contains(file)) << p.path << ": " << url;
    }
    const GumboNode* html = page.all(GUMBO_TAG_HTML).at(0);
    const std::string title = without_rlm(HtmlPage::text(page.all(GUMBO_TAG_TITLE).at(0)));
    std::string description, canonical;
    for (const GumboNode* m : page.all(GUMBO_TAG_META)) {
      if (HtmlPage::attr(m, "name") == "description") description = HtmlPage::attr(m, "content");
    }
    for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
      if (HtmlPage::attr(l, "rel") == "canonical") canonical = HtmlPage::attr(l, "href");
    }
    if (p.path.ends_with("404.html")) continue;
    EXPECT_EQ(steps.back()["item"], canonical) << p.path;
    const bool home = p.path == "index.html" || p.path == p.locale + "/index.html";
    const json& about = by_type[home ? "WebSite" : "TechArticle"];
    ASSERT_TRUE(about.is_object()) << p.path;
    EXPECT_EQ(about["inLanguage"], HtmlPage::attr(html, "lang")) << p.path;
    EXPECT_EQ(about["description"], without_rlm(description)) << p.path;
    if (!home) {
      EXPECT_EQ(about["headline"], title) << p.path;
      EXPECT_EQ(about["url"], canonical) << p.path;
    }
  }
}

namespace {

// Appends every text of `n` that no <bdi> encloses.
void unisolated_text(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT) {
    out += n->v.text.text;
    out += ' ';
    return;
  }
  // <bdi> isolates, and so does any element with a dir attribute (HTML's
  // rendering rules give it unicode-bidi: isolate).
  if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag == GUMBO_TAG_BDI ||
      n->v.element.tag == GUMBO_TAG_SELECT || !HtmlPage::attr(n, "dir").empty()) {
    return;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    unisolated_text(static_cast<const GumboNode*>(kids.data[i]), out);
}

}  // namespace

TEST_F(ShippedSite, LatinRunsInRightToLeftPagesAreIsolated) {
  int pages = 0;
  for (const auto& p : pages_) {
    if (direction(p.locale) != "rtl") continue;
    ++pages;
    HtmlPage page(p.html);
    const auto main = page.all(GUMBO_TAG_MAIN);
    ASSERT_EQ(main.size(), 1u) << p.path;
    std::string text;
    unisolated_text(main[0], text);
    // Latin letters; bare numbers (counts) keep their order without help.
    const auto latin = std::find_if(text.begin(), text.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
    ASSERT_EQ(latin, text.end()) << p.path << ": Latin outside <bdi> near \""
                                 << std::string(latin,
                                                latin + std::min<long>(40, text.end() - latin))
                                 << "\"";
  }
  EXPECT_GT(pages, 500);
}

// Refactoring must not change what versa publishes: the shipped site's files
// hash to the digest kept in tests/data/shipped-site.sha256 (sha256sum of
// the sorted per-file sha256sum lines). When the output changes on purpose
// (new text, new markup), run the test with VERSA_UPDATE_SITE_DIGEST=1 and
// commit the new digest with the change that explains it.
TEST_F(ShippedSite, OutputIsByteIdenticalToTheRecordedDigest) {
  const fs::path record = fs::path(VERSA_SOURCE_DIR) / "tests/data/shipped-site.sha256";
  const std::string cmd = "cd '" + (dir_->path() / "site").string() +
                          "' && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | "
                          "sha256sum | cut -d' ' -f1 > '" +
                          (dir_->path() / "digest").string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string digest = read_file(dir_->path() / "digest");
  if (std::getenv("VERSA_UPDATE_SITE_DIGEST") != nullptr) write_file(record, digest);
  EXPECT_EQ(digest, read_file(record))
      << "the published site changed; if on purpose, rerun with VERSA_UPDATE_SITE_DIGEST=1";
}

namespace {

// The text-only values of a page: <title> and the <meta> texts shown outside
// it (search results, tabs, bookmarks, share previews).
std::map<std::string, std::string> text_only_values(const HtmlPage& page) {
  std::map<std::string, std::string> out;
  const auto titles = page.all(GUMBO_TAG_TITLE);
  if (!titles.empty()) out["title"] = HtmlPage::text(titles[0]);
  for (const GumboNode* m : page.all(GUMBO_TAG_META)) {
    const std::string key = HtmlPage::attr(m, "name").empty() ? HtmlPage::attr(m, "property")
                                                              : HtmlPage::attr(m, "name");
    if (key == "description" || key == "og:title" || key == "og:description" ||
        key == "og:site_name")
      out[key] = HtmlPage::attr(m, "content");
  }
  return out;
}

// The bidirectional class of the first strong character, or ON for none.
UCharDirection first_strong(const std::string& text) {
  const auto u = icu::UnicodeString::fromUTF8(text);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UCharDirection d = u_charDirection(u.char32At(i));
    if (d == U_LEFT_TO_RIGHT || d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return d;
  }
  return U_OTHER_NEUTRAL;
}

// User-perceived characters, as a reader counts them.
std::size_t graphemes(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  const auto u = icu::UnicodeString::fromUTF8(text);
  it->setText(u);
  std::size_t n = 0;
  for (it->first(); it->next() != icu::BreakIterator::DONE;) ++n;
  return n;
}

}  // namespace

TEST_F(ShippedSite, TextOnlyValuesOfRightToLeftPagesStartRightToLeft) {
  // Wherever only the first strong character sets the direction, an Arabic
  // title starting with "SMTP" would be laid out left to right.
  std::size_t checked = 0;
  for (const auto& p : pages_) {
    if (direction(p.locale) != "rtl") continue;
    for (const auto& [key, value] : text_only_values(HtmlPage(p.html))) {
      const UCharDirection d = first_strong(value);
      EXPECT_TRUE(d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
          << p.path << " " << key << ": " << value;
      ++checked;
    }
  }
  // Title, description, og:title, og:description and og:site_name of every
  // Arabic page.
  EXPECT_EQ(checked, 5 * (1 + codes_.size() + codes_.size() * (codes_.size() - 1) / 2 + 1));
}

TEST_F(ShippedSite, NoTextIsCutAndEveryTextFitsItsBudget) {
  for (const auto& p : pages_) {
    for (const auto& [key, value] : text_only_values(HtmlPage(p.html))) {
      EXPECT_FALSE(value.ends_with("…") || value.ends_with("...")) << p.path << " " << key;
      const bool title = key == "title" || key == "og:title" || key == "og:site_name";
      EXPECT_LE(graphemes(value), title ? 60u : 160u) << p.path << " " << key << ": " << value;
    }
  }
}

TEST_F(ShippedSite, RfcAndItsNumberNeverBreakApart) {
  const std::regex breakable("RFC[ \t\n]+[0-9]");
  std::size_t joined = 0;
  for (const auto& p : pages_) {
    const std::string text = HtmlPage::text(HtmlPage(p.html).all(GUMBO_TAG_BODY)[0]);
    EXPECT_FALSE(std::regex_search(text, breakable)) << p.path;
    for (std::size_t at = text.find("RFC\u00A0"); at != std::string::npos;
         at = text.find("RFC\u00A0", at + 1))
      ++joined;
  }
  EXPECT_GT(joined, pages_.size());  // every code page and comparison names an RFC
}

TEST_F(ShippedSite, ALatinTokenWithInnerPunctuationIsOneIsolatedRun) {
  std::size_t pages = 0;
  for (const auto& p : pages_) {
    if (direction(p.locale) != "rtl") continue;
    HtmlPage page(p.html);
    // Two <bdi> with only ASCII punctuation between them are one token cut
    // in two ("BODY" "=" "8BITMIME"), which the bidi algorithm reorders.
    std::size_t cut = 0;
    HtmlPage::walk(page.all(GUMBO_TAG_BODY)[0], [&](const GumboNode* n) {
      if (n->type != GUMBO_NODE_ELEMENT) return;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i + 2 < kids.length; ++i) {
        const auto* a = static_cast<const GumboNode*>(kids.data[i]);
        const auto* t = static_cast<const GumboNode*>(kids.data[i + 1]);
        const auto* b = static_cast<const GumboNode*>(kids.data[i + 2]);
        if (a->type != GUMBO_NODE_ELEMENT || a->v.element.tag != GUMBO_TAG_BDI ||
            b->type != GUMBO_NODE_ELEMENT || b->v.element.tag != GUMBO_TAG_BDI ||
            t->type != GUMBO_NODE_TEXT)
          continue;
        const std::string between = t->v.text.text;
        if (std::all_of(between.begin(), between.end(),
                        [](char c) { return c > ' ' && c < 0x7f && !std::isalnum(c); }))
          ++cut;
      }
    });
    EXPECT_EQ(cut, 0u) << p.path;
    if (p.path.starts_with("ar/smtp/555-")) {
      std::set<std::string> isolated;
      for (const GumboNode* b : page.all(GUMBO_TAG_BDI)) isolated.insert(HtmlPage::text(b));
      EXPECT_TRUE(isolated.contains("BODY=8BITMIME")) << p.path;
      EXPECT_FALSE(isolated.contains("BODY")) << p.path;
      ++pages;
    }
  }
  EXPECT_EQ(pages, 1u);
}

TEST_F(ShippedSite, EveryLanguageHasItsOwnNotFoundPage) {
  const std::string base = json::parse(read_file(dir_->path() / "site.json"))["base_url"];
  for (const auto& [locale, file] : locales_) {
    const std::string path = locale == "en" ? "404.html" : locale + "/404.html";
    const auto it = std::find_if(pages_.begin(), pages_.end(),
                                 [&](const BuiltPage& p) { return p.path == path; });
    ASSERT_NE(it, pages_.end()) << path;
    HtmlPage page(it->html);
    const GumboNode* html = page.all(GUMBO_TAG_HTML)[0];
    EXPECT_EQ(HtmlPage::attr(html, "lang"), locale);
    EXPECT_EQ(HtmlPage::attr(html, "dir"), direction(locale));
    EXPECT_EQ(HtmlPage::text(page.all(GUMBO_TAG_H1)[0]), message(locale, "not_found_title"));
    // Its texts are the language's, and its home link leads into it.
    const std::string home = base + "/" + (locale == "en" ? "" : locale + "/");
    std::set<std::string> links;
    for (const GumboNode* a : page.all(GUMBO_TAG_A)) {
      links.insert(HtmlPage::attr(a, "href") + " " + HtmlPage::text(a));
    }
    EXPECT_TRUE(links.contains(home + " " + message(locale, "not_found_home"))) << path;
    EXPECT_TRUE(links.contains(home + " " + message(locale, "site_name"))) << path;
    // Served at any address: no canonical URL, no alternates, not indexed.
    for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
      EXPECT_NE(HtmlPage::attr(l, "rel"), "canonical") << path;
    }
  }
}

TEST_F(ShippedSite, TranslatedPagesShowNoFallbackNoticeAndNoForeignText) {
  for (const auto& p : pages_) {
    HtmlPage page(p.html);
    EXPECT_TRUE(page.with_class("fallback-notice").empty()) << p.path;
    // Only the language switcher and the 404's language list name other
    // languages; nothing else is marked as written in one.
    std::size_t foreign = 0;
    HtmlPage::walk(page.all(GUMBO_TAG_MAIN)[0], [&](const GumboNode* n) {
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag != GUMBO_TAG_A &&
          !HtmlPage::attr(n, "lang").empty() && HtmlPage::attr(n, "lang") != p.locale)
        ++foreign;
    });
    EXPECT_EQ(foreign, 0u) << p.path;
  }
}

TEST_F(ShippedSite, ALocaleMayNameItself) {
  // id.json says "Bahasa Indonesia"; the others keep ICU's names.
  const auto it = std::find_if(pages_.begin(), pages_.end(),
                               [](const BuiltPage& p) { return p.path == "de/index.html"; });
  ASSERT_NE(it, pages_.end());
  HtmlPage page(it->html);
  const auto nav = page.with_class("languages");
  ASSERT_EQ(nav.size(), 1u);
  std::map<std::string, std::string> names;
  HtmlPage::walk(nav[0], [&](const GumboNode* n) {
    if (n->v.element.tag == GUMBO_TAG_A) names[HtmlPage::attr(n, "hreflang")] = HtmlPage::text(n);
  });
  EXPECT_EQ(names.at("id"), locales_.at("id")["language_name"].get<std::string>());
  EXPECT_EQ(names.at("id"), "Bahasa Indonesia");
  EXPECT_EQ(names.at("de"), "Deutsch");
  EXPECT_EQ(names.at("vi"), "Tiếng Việt");
}
