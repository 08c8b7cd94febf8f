// load: locales/<tag>.json read into a LocaleFile: the tag from the file
// name, messages, catalogue texts flattened to "codes/250/name", values marked
// "[untranslated] " left out; structural problems located at path:line:col.
// Every expected line and column below is counted by hand from the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "load/locale_file.hpp"
#include "support/diagnostics_text.hpp"
#include "support/temp_dir.hpp"

using namespace versa;
using versa::test::formatted;
using versa::test::TempDir;

namespace {

using Texts = std::map<std::string, std::string>;

}  // namespace

TEST(LoadLocale, ACorrectFileYieldsItsTagMessagesAndFlattenedTexts) {
  TempDir dir;
  const auto path = (dir / "pt-BR.json").string();
  versa::test::write_file(path, R"({
  "messages": {"site_name": "Códigos", "home_meta": "[untranslated] Every code", "page_title": "{page} | {site}"},
  "catalogue": {
    "smtp": {
      "title": "Protocolo",
      "classes": {"2": {"summary": "Sucesso."}},
      "codes": {"250": {"name": "OK", "when": "[untranslated] W."}}
    },
    "ftp": {}
  }
}
)");
  Diagnostics diags;
  const auto file = load_locale(path, diags);
  ASSERT_TRUE(file);
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(file->tag, "pt-BR");
  EXPECT_EQ(file->messages, (Texts{{"site_name", "Códigos"}, {"page_title", "{page} | {site}"}}));
  EXPECT_EQ(
      file->catalogue.at("smtp"),
      (Texts{{"title", "Protocolo"}, {"classes/2/summary", "Sucesso."}, {"codes/250/name", "OK"}}));
  EXPECT_TRUE(file->catalogue.at("ftp").empty());
  // The document keeps positions for validate: "OK" is at 7:33.
  const Location ok = file->document.locate(LocaleFile::text_pointer("smtp", "codes/250/name"));
  EXPECT_EQ(ok.line, 7);
  EXPECT_EQ(ok.col, 33);
}

TEST(LoadLocale, UnknownKeysAndWrongTypesAreLocated) {
  Diagnostics diags;
  auto doc = JsonDocument::parse(SourceText("locales/de.json", R"({
  "messages": {"site_name": 5, "breadcrumb_home": "Start"},
  "catalogue": {"smtp": {"codes": {"250": {"name": ["N"]}}}, "ftp": "none"},
  "extra": {}
})"),
                                 diags);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_locale("de", std::move(*doc), diags));
  EXPECT_EQ(formatted(diags),
            (std::vector<std::string>{
                "locales/de.json:2:29: error: message \"site_name\" must be a string pattern",
                "locales/de.json:3:52: error: catalogue text \"codes/250/name\" must be a string",
                "locales/de.json:3:69: error: catalogue texts of \"ftp\" must be an object",
                "locales/de.json:4:12: error: unknown top-level key \"extra\"; a locale file has "
                "\"messages\", \"catalogue\" and, optionally, \"language_name\""}));
}

TEST(LoadLocale, MessagesMustBeAnObjectAndTheRootToo) {
  Diagnostics missing;
  auto doc = JsonDocument::parse(SourceText("tr.json", "{\"catalogue\": {}}"), missing);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_locale("tr", std::move(*doc), missing));
  // Missing: located at the object that should hold it.
  EXPECT_EQ(formatted(missing),
            (std::vector<std::string>{
                "tr.json:1:1: error: \"messages\" must be an object of message patterns"}));

  Diagnostics wrong;
  doc = JsonDocument::parse(SourceText("tr.json", "{\"messages\": [],\n \"catalogue\": \"smtp\"}"),
                            wrong);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_locale("tr", std::move(*doc), wrong));
  EXPECT_EQ(formatted(wrong),
            (std::vector<std::string>{
                "tr.json:1:14: error: \"messages\" must be an object of message patterns",
                "tr.json:2:15: error: \"catalogue\" must be an object keyed by protocol"}));

  Diagnostics root;
  doc = JsonDocument::parse(SourceText("tr.json", "\"messages\""), root);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_locale("tr", std::move(*doc), root));
  EXPECT_EQ(formatted(root), (std::vector<std::string>{"tr.json:1:1: error: a locale file must "
                                                       "be a JSON object with \"messages\""}));
}

TEST(LoadLocale, MalformedJsonIsLocatedAtTheTokenThatBreaksIt) {
  TempDir dir;
  const auto path = (dir / "vi.json").string();
  // A trailing comma: the parser expects a key and finds '}' at 2:21
  // (columns count characters: "ã" is two bytes, one column).
  versa::test::write_file(path, "{\"messages\":\n {\"site_name\": \"Mã\",}}\n");
  Diagnostics diags;
  EXPECT_FALSE(load_locale(path, diags));
  const auto all = formatted(diags);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rfind(path + ":2:21: error: malformed JSON: ", 0), 0u) << all[0];
}

TEST(LoadLocale, ALocaleMayNameItsLanguage) {
  Diagnostics diags;
  auto named = JsonDocument::parse(
      SourceText("id.json", R"({"language_name": "Bahasa Indonesia", "messages": {}})"), diags);
  ASSERT_TRUE(named);
  const auto file = read_locale("id", std::move(*named), diags);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->language_name, "Bahasa Indonesia");
  EXPECT_TRUE(diags.all().empty());

  // Left out, ICU names the language: the field stays empty.
  auto plain = JsonDocument::parse(SourceText("de.json", R"({"messages": {}})"), diags);
  ASSERT_TRUE(plain);
  EXPECT_EQ(read_locale("de", std::move(*plain), diags)->language_name, "");

  // It must be a name: not empty, not a number.
  for (const char* bad :
       {R"({"language_name": "", "messages": {}})", R"({"language_name": 7, "messages": {}})"}) {
    Diagnostics errors;
    auto doc = JsonDocument::parse(SourceText("xx.json", bad), errors);
    ASSERT_TRUE(doc);
    EXPECT_FALSE(read_locale("xx", std::move(*doc), errors));
    EXPECT_EQ(formatted(errors),
              (std::vector<std::string>{
                  "xx.json:1:19: error: \"language_name\" must be the language's name in itself, "
                  "such as \"Bahasa Indonesia\"; remove it to use ICU's name"}));
  }
}
