// validate: located, actionable errors and warnings for bad inputs.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/tiny_project.hpp"

using namespace versa;
using versa::test::TempDir;

namespace {

// Short names for the tiny-project helpers (tests/support/tiny_project.hpp).
auto check(const TempDir& dir) {
  return versa::test::check_project(dir);
}

void make_project(const TempDir& dir, const std::string& catalogue) {
  versa::test::make_tiny_project(dir, catalogue);
}

std::string code(const std::string& c, const std::string& slug) {
  return versa::test::catalogue_code(c, slug);
}

std::string catalogue(const std::string& codes) {
  return versa::test::smtp_catalogue(codes);
}

}  // namespace

TEST(Validate, ValidSmallProjectPasses) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  auto c = check(dir);
  EXPECT_TRUE(c->project) << c->all();
  EXPECT_EQ(c->diags.error_count(), 0);
}

TEST(Validate, DuplicateCodeUnsafeSlugAndBadCodeAreLocated) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("250", "../x") + ",\n" +
                              code("25", "short")));
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  const std::string out = c->all();
  const std::string file = (dir / "catalogue/smtp.json").string();
  EXPECT_NE(out.find(file + ":5:10: error: duplicate code 250 (first defined at line 4)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(file + ":5:25: error: slug \"../x\" is not safe in a URL"), std::string::npos)
      << out;
  EXPECT_NE(out.find(file + ":6:10: error: code \"25\" is not three digits"), std::string::npos)
      << out;
}

TEST(Validate, MissingFieldAndMalformedJsonAreLocated) {
  TempDir dir;
  make_project(dir, catalogue(R"({"code": "250", "slug": "ok", "rfc": "RFC 5321", "name": "N"})"));
  auto c = check(dir);
  EXPECT_NE(c->all().find("smtp.json:4:1: error: missing required field \"description\""),
            std::string::npos)
      << c->all();

  versa::test::write_file(dir / "catalogue/smtp.json",
                          "{\n  \"protocol\": \"smtp\",\n  \"name\" \"SMTP\"\n}\n");
  auto broken = check(dir);
  EXPECT_EQ(broken->diags.error_count(), 1) << broken->all();  // no follow-on errors
  EXPECT_NE(broken->all().find("smtp.json:3:10: error: malformed JSON"), std::string::npos)
      << broken->all();
}

TEST(Validate, MissingTranslationFallsBackToEnglishAndIsReported) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/de.json",
                          R"({"messages": {"site_name": "Antwortcodes erklärt"}})");
  auto c = check(dir);
  ASSERT_TRUE(c->project) << c->all();
  EXPECT_NE(c->all().find("de.json:1:14: warning: "), std::string::npos) << c->all();
  EXPECT_NE(c->all().find("message(s) not translated, English is used"), std::string::npos);
  const auto& de = c->project->localizations[0];
  ASSERT_EQ(de.tag(), "de");
  EXPECT_EQ(de.labels()["site_name"], "Antwortcodes erklärt");
  EXPECT_EQ(de.labels()["breadcrumb_home"], "Home");  // from en.json
  EXPECT_EQ(de.text(c->project->inputs.protocols[0], "codes/250/name"), "N");
}

TEST(Validate, WrongArgumentsUnknownKeysAndBadPatternsAreErrors) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/tr.json", R"({
  "messages": {
    "compare_crumb": "{a_code} ile {b_kod}",
    "no_such_key": "x",
    "code_compare_heading": "{code, plural, one {x}"
  },
  "catalogue": {"smtp": {"codes": {"999": {"name": "Yok"}}}}
})");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  const std::string out = c->all();
  EXPECT_NE(out.find("tr.json:3:36: error: message \"compare_crumb\" uses arguments {a_code}, "
                     "{b_kod} but en.json uses {a_code}, {b_code}; use the same argument names; "
                     "did you mean {b_code} instead of {b_kod}?"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("tr.json:4:20: error: unknown message \"no_such_key\""), std::string::npos)
      << out;
  EXPECT_NE(out.find("tr.json:5:30: error: message \"code_compare_heading\": {code, plural, ...} "
                     "is never closed"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("tr.json:7:52: error: unknown catalogue text \"codes/999/name\""),
            std::string::npos)
      << out;
}

// A misspelled key gets the key that was meant, when one is near.
TEST(Validate, MisspelledKeysGetTheNearestKnownOne) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/tr.json", R"({
  "messages": {
    "compare_tilte": "{protocol} {a_code} {a_name} ile {b_code} {b_name}"
  },
  "catalogue": {"smtp": {"codes": {"250": {"nmae": "Tamam"}, "999": {"name": "Yok"}},
                         "clases": {"2": {"name": "Başarı"}}}}
})");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  const std::string out = c->all();
  EXPECT_NE(out.find("tr.json:3:22: error: unknown message \"compare_tilte\": en.json has no "
                     "such key; did you mean \"compare_title\"?"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("error: unknown catalogue text \"codes/250/nmae\": catalogue/smtp.json has "
                     "no such text; did you mean \"codes/250/name\"?"),
            std::string::npos)
      << out;
  // A code that does not exist gets no guess: 250 is another code, not a fix.
  EXPECT_NE(out.find("error: unknown catalogue text \"codes/999/name\": catalogue/smtp.json has "
                     "no code 999"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("error: unknown catalogue text \"clases/2/name\": catalogue/smtp.json has no "
                     "such text; did you mean \"classes/2/name\"?"),
            std::string::npos)
      << out;
}

// An argument quoted in apostrophes is text in ICU MessageFormat: the
// mismatch says so, at the apostrophe.
TEST(Validate, AnArgumentQuotedAwayIsExplainedAtItsApostrophe) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/tr.json", R"({
  "messages": {
    "compare_crumb": "'{a_code}' ile {b_code}"
  }
})");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  EXPECT_NE(c->all().find("tr.json:3:23: error: message \"compare_crumb\" uses arguments {b_code} "
                          "but en.json uses {a_code}, {b_code}; use the same argument names; the "
                          "apostrophe before {a_code} quotes it in ICU MessageFormat: write '' "
                          "for an apostrophe, or use \u2019"),
            std::string::npos)
      << c->all();
}

// A key misspelled in en.json is found where it is written, and the locales
// that spell it right are not blamed for it.
TEST(Validate, AKeyMisspelledInEnJsonIsLocatedAtTheMisspelling) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  std::string en = versa::test::read_file(dir / "locales/en.json");
  const std::size_t at = en.find("\"compare_title\"");
  ASSERT_NE(at, std::string::npos);
  en.replace(at, 15, "\"compare_tilte\"");
  versa::test::write_file(dir / "locales/en.json", en);
  const int line = 1 + static_cast<int>(std::count(en.begin(), en.begin() + at, '\n'));
  versa::test::write_file(dir / "locales/de.json", R"({
  "messages": {"compare_title": "{protocol} {a_code} {a_name} oder {b_code} {b_name}"}
})");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  const std::string out = c->all();
  EXPECT_NE(out.find("en.json:" + std::to_string(line) +
                     ":22: error: message \"compare_tilte\": did you mean \"compare_title\"? The "
                     "generator needs \"compare_title\" and en.json does not have it"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("unknown message \"compare_title\""), std::string::npos) << out;
}

// A pattern's mistake is located at its construct inside the JSON string,
// counting escapes and non-ASCII letters as they are written.
TEST(Validate, APatternMistakeIsLocatedAtItsConstruct) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/de.json", R"({
  "messages": {
    "home_summary": "Ä \"{protocol}\" {code_count, plural, one {#}} {pair_count, plural, other {#}}"
  }
})");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  EXPECT_NE(c->all().find("de.json:3:39: error: message \"home_summary\": {code_count, plural, "
                          "...} needs an \"other\" case"),
            std::string::npos)
      << c->all();
  EXPECT_EQ(c->all().find("U_"), std::string::npos) << c->all();
}

TEST(Validate, UnknownLocaleTagIsAnError) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/xx-invalid-.json", R"({"messages": {}})");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  EXPECT_NE(c->all().find("xx-invalid-.json:1:1: error: unknown locale"), std::string::npos)
      << c->all();
}

TEST(Validate, TemplateErrorsAreLocated) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(
      dir / "templates/home.html",
      "{{<layout}}\n{{$content}}\n{{> nope}}{{t.no_label}}\n{{/content}}\n{{/layout}}\n");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  EXPECT_NE(c->all().find("home.html:3:1: error: unknown partial 'nope'"), std::string::npos)
      << c->all();
  EXPECT_NE(c->all().find("home.html:3:11: error: label \"no_label\""), std::string::npos)
      << c->all();
}

TEST(Validate, DuplicateJsonKeysAreErrorsNotSilentOverrides) {
  TempDir dir;
  make_project(dir, catalogue(code("250", "ok") + ",\n" + code("500", "syntax-error")));
  versa::test::write_file(
      dir / "locales/de.json",
      "{\"messages\": {\n  \"site_name\": \"A\",\n  \"site_name\": \"B\"\n}}\n");
  auto c = check(dir);
  EXPECT_FALSE(c->project);
  EXPECT_NE(c->all().find("de.json:3:3: error: duplicate key \"site_name\""), std::string::npos)
      << c->all();
}
