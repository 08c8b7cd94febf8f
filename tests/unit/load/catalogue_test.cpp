// load: catalogue/<protocol>.json read into a Protocol; structural problems
// (malformed JSON, missing fields, wrong types) reported at path:line:col.
// Every expected line and column below is counted by hand from the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "load/catalogue.hpp"
#include "support/diagnostics_text.hpp"
#include "support/temp_dir.hpp"

using namespace versa;
using versa::test::formatted;
using versa::test::TempDir;

TEST(LoadCatalogue, ACorrectFileYieldsItsProtocolWithCodesInAscendingOrder) {
  TempDir dir;
  const auto path = (dir / "smtp.json").string();
  versa::test::write_file(
      path,
      R"({"protocol": "smtp", "name": "SMTP", "title": "Simple Mail Transfer Protocol", "spec": "RFC 5321",
 "classes": {"2": {"name": "Positive", "summary": "Done."}, "5": {"name": "Negative", "summary": "Failed."}},
 "codes": [
  {"code": "550", "slug": "unavailable", "rfc": "RFC 5321", "section": "4.2.2", "also_in": [{"rfc": "RFC 3207", "section": "4"}, {"rfc": "RFC 7504"}], "name": "Mailbox unavailable", "summary": "S.", "description": "D5.", "when": "W5.", "fix": "F5.", "use": "U5."},
  {"code": "250", "slug": "ok", "rfc": "RFC 5321", "name": "OK", "summary": "S.", "description": "D2.", "when": "W2.", "fix": "F2.", "use": "U2."}
 ]}
)");
  Diagnostics diags;
  const auto p = load_catalogue(path, diags);
  ASSERT_TRUE(p) << testing::PrintToString(formatted(diags));
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(p->id, "smtp");
  EXPECT_EQ(p->name, "SMTP");
  EXPECT_EQ(p->title, "Simple Mail Transfer Protocol");
  EXPECT_EQ(p->spec, "RFC 5321");
  ASSERT_EQ(p->classes.size(), 2u);
  EXPECT_EQ(p->classes.at("2").texts,
            (std::map<std::string, std::string>{{"name", "Positive"}, {"summary", "Done."}}));
  EXPECT_EQ(p->classes.at("5").texts.at("summary"), "Failed.");

  ASSERT_EQ(p->codes.size(), 2u);
  const ReplyCode& ok = p->codes[0];
  EXPECT_EQ(ok.code, "250");
  EXPECT_EQ(ok.slug, "ok");
  EXPECT_EQ(ok.rfc, "RFC 5321");
  EXPECT_EQ(ok.section, "");  // optional
  EXPECT_EQ(ok.class_digit(), "2");
  EXPECT_EQ(ok.texts, (std::map<std::string, std::string>{{"name", "OK"},
                                                          {"summary", "S."},
                                                          {"description", "D2."},
                                                          {"when", "W2."},
                                                          {"fix", "F2."},
                                                          {"use", "U2."}}));
  const ReplyCode& unavailable = p->codes[1];
  EXPECT_EQ(unavailable.code, "550");
  EXPECT_EQ(unavailable.section, "4.2.2");
  EXPECT_EQ(unavailable.texts.at("name"), "Mailbox unavailable");
  ASSERT_EQ(unavailable.also_in.size(), 2u);
  EXPECT_EQ(unavailable.also_in[0].rfc, "RFC 3207");
  EXPECT_EQ(unavailable.also_in[0].section, "4");
  EXPECT_EQ(unavailable.also_in[1].rfc, "RFC 7504");
  EXPECT_EQ(unavailable.also_in[1].section, "");
  EXPECT_TRUE(ok.also_in.empty());
  // Sorted, 550 still points at the entry where the file has it, so later
  // stages report its problems there: its slug stands at line 4, column 27.
  const Location slug = p->document.locate(unavailable.pointer + "/slug");
  EXPECT_EQ(slug.path, path);
  EXPECT_EQ(slug.line, 4);
  EXPECT_EQ(slug.col, 27);
}

TEST(LoadCatalogue, MissingFieldsAndWrongTypesAreLocated) {
  Diagnostics diags;
  auto doc =
      JsonDocument::parse(SourceText("catalogue/smtp.json",
                                     R"({"protocol": "smtp", "name": "SMTP", "spec": "RFC 5321",
 "classes": {"2": {"name": "A"}},
 "codes": [
  {"code": "250", "slug": "ok", "rfc": 5321, "name": "OK", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."},
  "not an object",
  {"code": "251", "slug": "forward", "rfc": "RFC 5321", "name": "", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."}
 ]}
)"),
                          diags);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_catalogue(std::move(*doc), diags));
  EXPECT_EQ(
      formatted(diags),
      (std::vector<std::string>{
          // "title" is missing from the top-level object, which opens at 1:1.
          "catalogue/smtp.json:1:1: error: missing required field \"title\"; add it to this "
          "object",
          // Class 2's object opens at 2:19 and lacks "summary".
          "catalogue/smtp.json:2:19: error: missing required field \"summary\"; add it to this "
          "object",
          // The number 5321 at 4:40.
          "catalogue/smtp.json:4:40: error: field \"rfc\" must be a string",
          "catalogue/smtp.json:5:3: error: each entry of \"codes\" must be an object",
          // The empty name "" at 6:65.
          "catalogue/smtp.json:6:65: error: field \"name\" is empty; write its text"}));
}

TEST(LoadCatalogue, CodesThatAreNotAnArrayAndARootThatIsNotAnObject) {
  Diagnostics diags;
  auto doc =
      JsonDocument::parse(SourceText("c.json",
                                     "{\"protocol\": \"smtp\", \"name\": \"S\", \"title\": \"T\",\n"
                                     " \"spec\": \"R\", \"classes\": {},\n"
                                     " \"codes\": {\"250\": {}}}\n"),
                          diags);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_catalogue(std::move(*doc), diags));
  EXPECT_EQ(formatted(diags),
            (std::vector<std::string>{"c.json:3:11: error: \"codes\" must be an array of reply "
                                      "codes"}));

  Diagnostics root;
  auto array = JsonDocument::parse(SourceText("d.json", "\n  [1, 2]\n"), root);
  ASSERT_TRUE(array);
  EXPECT_FALSE(read_catalogue(std::move(*array), root));
  EXPECT_EQ(formatted(root),
            (std::vector<std::string>{"d.json:2:3: error: a catalogue must be a JSON object with "
                                      "\"protocol\" and \"codes\""}));
}

TEST(LoadCatalogue, MalformedJsonIsLocatedAtTheTokenThatBreaksIt) {
  TempDir dir;
  const auto path = (dir / "smtp.json").string();
  // A comma is missing after "SMTP": the parser stops at "title", 4:3.
  versa::test::write_file(
      path, "{\n  \"protocol\": \"smtp\",\n  \"name\": \"SMTP\"\n  \"title\": \"T\"\n}\n");
  Diagnostics diags;
  EXPECT_FALSE(load_catalogue(path, diags));
  const auto all = formatted(diags);
  ASSERT_EQ(all.size(), 1u);  // no follow-on errors
  EXPECT_EQ(all[0].rfind(path + ":4:3: error: malformed JSON: ", 0), 0u) << all[0];
}
