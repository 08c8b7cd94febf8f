// A fact of your own per code, without C++: a catalogue declares a text
// field in "code_fields", each code gives it in English, locale files
// translate it, `check` counts it, templates show it as <field>_html; an
// undeclared field, anywhere it is used, is a located error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;
using json = nlohmann::ordered_json;

namespace {

const std::string kCompare = "compare/smtp/211-system-status-vs-214-help-message/index.html";

// The small project with a "mnemonic" for every code, German for 211 only,
// and the code and comparison templates showing it.
class CodeFields : public ::testing::Test {
 protected:
  void SetUp() override {
    copy_small_project(dir_.path());
    edit_json("catalogue/smtp.json", [](json& c) {
      c["code_fields"] = json::array({"mnemonic"});
      for (auto& code : c["codes"]) {
        code["mnemonic"] = "Remember " + code["code"].get<std::string>() + " <well>";
      }
    });
    edit_json("locales/de.json", [](json& l) {
      l["catalogue"]["smtp"]["codes"]["211"]["mnemonic"] = "Merke dir 211";
    });
    insert_before("templates/code.html", "{{/content}}",
                  "<p class=\"mnemonic\">{{{code.mnemonic_html}}}</p>\n");
    insert_before("templates/compare.html", "{{/content}}",
                  "<p class=\"mnemonic\">{{{a.mnemonic_html}}} / {{{b.mnemonic_html}}}</p>\n");
  }
  void edit_json(const std::string& rel, const std::function<void(json&)>& change) const {
    json j = json::parse(read_file(dir_ / rel));
    change(j);
    write_file(dir_ / rel, j.dump(2) + "\n");
  }
  void insert_before(const std::string& rel, const std::string& anchor,
                     const std::string& text) const {
    std::string t = read_file(dir_ / rel);
    const auto at = t.find(anchor);
    ASSERT_NE(at, std::string::npos) << rel;
    write_file(dir_ / rel, t.insert(at, text));
  }
  // The text of the page's only element of class "mnemonic", and that
  // element's inner HTML's first `lang` (empty when none).
  [[nodiscard]] std::string mnemonic(const std::string& page) const {
    HtmlPage html(read_file(dir_ / "site" / page));
    const auto found = html.with_class("mnemonic");
    EXPECT_EQ(found.size(), 1u) << page;
    return found.empty() ? "" : HtmlPage::text(found[0]);
  }
  TempDir dir_;
};

}  // namespace

TEST_F(CodeFields, ADeclaredFieldReachesEveryPageInItsLanguage) {
  const RunResult r = run_versa(dir_.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  // English everywhere, escaped as every text is; German where translated.
  EXPECT_EQ(mnemonic("smtp/211-system-status/index.html"), "Remember 211 <well>");
  EXPECT_EQ(mnemonic("de/smtp/211-system-status/index.html"), "Merke dir 211");
  EXPECT_EQ(mnemonic(kCompare), "Remember 211 <well> / Remember 214 <well>");
  EXPECT_EQ(mnemonic("de/" + kCompare), "Merke dir 211 / Remember 214 <well>");
  // The untranslated one is marked as English on the German page.
  HtmlPage de_214(read_file(dir_ / "site/de/smtp/214-help-message/index.html"));
  bool marked = false;
  HtmlPage::walk(de_214.with_class("mnemonic").at(0), [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_ELEMENT && HtmlPage::attr(n, "lang") == "en") marked = true;
  });
  EXPECT_TRUE(marked);
  // And the build says what is missing: German lacks five mnemonics.
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex(R"(locales/de\.json:\d+:\d+: warning: 5 catalogue text\(s\) of smtp not )"
                        R"(translated, English is used \(first: codes/214/mnemonic\))")))
      << r.err;
}

TEST_F(CodeFields, CheckCountsTheFieldAndNewLocaleListsIt) {
  TempDir plain;
  copy_small_project(plain.path());
  const auto catalogue_column = [](const std::string& table, const std::string& tag) {
    std::smatch m;
    const std::regex row("\n" + tag + R"( +[0-9]+/[0-9]+ +([0-9]+)/([0-9]+) )");
    return std::regex_search(table, m, row) ? m[1].str() + "/" + m[2].str() : "";
  };
  const RunResult before = run_versa(plain.path(), "check");
  const RunResult after = run_versa(dir_.path(), "check");
  ASSERT_EQ(after.status, 0) << after.err;
  const std::string en_before = catalogue_column(before.out + before.err, "en");
  ASSERT_FALSE(en_before.empty()) << before.out << before.err;
  const int total = std::stoi(en_before.substr(en_before.find('/') + 1));
  // Six codes, one mnemonic each: six more texts; German has one of them.
  EXPECT_EQ(catalogue_column(after.out + after.err, "en"),
            std::to_string(total + 6) + "/" + std::to_string(total + 6));
  EXPECT_EQ(catalogue_column(after.out + after.err, "de"),
            std::to_string(total + 1) + "/" + std::to_string(total + 6));

  ASSERT_EQ(run_versa(dir_.path(), "new-locale pt").status, 0);
  const json pt = json::parse(read_file(dir_ / "locales/pt.json"));
  EXPECT_EQ(pt["catalogue"]["smtp"]["codes"]["500"]["mnemonic"],
            "[untranslated] Remember 500 <well>");
}

// A field nobody declared, in the catalogue, a locale file or a template:
// each is an error where it is written, with the declared one suggested,
// and only the cause (the locale files' texts of a catalogue that could not
// be read are not reported as texts of no catalogue).
TEST_F(CodeFields, AnUndeclaredFieldIsALocatedError) {
  const auto fails_with = [&](const std::string& pattern) {
    const RunResult r = run_versa(dir_.path(), "build");
    EXPECT_EQ(r.status, 1);
    // The error, then the warnings of the fallbacks to English, then the count.
    EXPECT_TRUE(std::regex_match(
        r.err, std::regex(pattern + R"(\n(locales/[a-z]+\.json:\d+:\d+: warning: [^\n]*\n)*)" +
                          R"(versa: build failed: 1 error, [0-9]+ warnings?; nothing was )"
                          R"(written\n)")))
        << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "site"));
  };
  edit_json("catalogue/smtp.json", [](json& c) { c["codes"][1]["mnemonc"] = "typo"; });
  fails_with(R"(catalogue/smtp\.json:\d+:\d+: error: unknown field "mnemonc" in a code; did )"
             R"(you mean "mnemonic"\? A text of your own must be declared in the catalogue's )"
             R"("code_fields")");
  edit_json("catalogue/smtp.json", [](json& c) { c["codes"][1].erase("mnemonc"); });

  edit_json("locales/de.json",
            [](json& l) { l["catalogue"]["smtp"]["codes"]["214"]["mnemonik"] = "Tippfehler"; });
  fails_with(R"(locales/de\.json:\d+:\d+: error: unknown catalogue text "codes/214/mnemonik": )"
             R"([^\n]*did you mean "codes/214/mnemonic"\?[^\n]*)");
  edit_json("locales/de.json",
            [](json& l) { l["catalogue"]["smtp"]["codes"]["214"].erase("mnemonik"); });

  insert_before("templates/code.html", "{{/content}}", "{{{code.mnemoni_html}}}\n");
  fails_with(R"(templates/code\.html:\d+:\d+: error: [^\n]*"code\.mnemoni_html"[^\n]*did you )"
             R"(mean "code\.mnemonic_html"\?[^\n]*)");
}

// Declaring what every code has already, or a name a template could not
// use, is refused at the declaration.
TEST_F(CodeFields, ADeclarationOfAFieldEveryCodeHasIsRefused) {
  edit_json("catalogue/smtp.json", [](json& c) {
    c["code_fields"] = json::array({"summary", "Bad-Name", "slug"});
  });
  const RunResult r = run_versa(dir_.path(), "check");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.find("unknown field"), std::string::npos) << r.err;  // the cause only
  EXPECT_NE(r.err.find("error: \"summary\" is already a field of every code"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: a code field is named with lower-case letters"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: \"slug\" is already a field of every code"), std::string::npos)
      << r.err;
}
