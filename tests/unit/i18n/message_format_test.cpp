// ICU MessageFormat: named arguments, plurals and numbers per locale, HTML output.
#include <gtest/gtest.h>

#include <unicode/msgfmt.h>

#include <random>
#include <vector>

#include "i18n/message_format.hpp"

#include "i18n/text_breaks.hpp"

using namespace versa;

namespace {

std::unique_ptr<Message> compile(std::string_view pattern, std::string_view tag) {
  std::size_t offset = 0;
  std::string why;
  auto m = Message::compile(pattern, tag, offset, why);
  EXPECT_TRUE(m) << why;
  return m;
}

constexpr std::string_view kCount = "{n, plural, one {# comparison} other {# comparisons}}";

}  // namespace

TEST(MessageFormat, NamedArgumentsAreSubstituted) {
  auto m = compile("{protocol} {a_code} vs {b_code}", "en");
  const MessageArg args[] = {{"protocol", "SMTP"}, {"a_code", "211"}, {"b_code", "500"}};
  EXPECT_EQ(m->text(args), "SMTP 211 vs 500");
  EXPECT_EQ(m->arguments(), (std::set<std::string>{"protocol", "a_code", "b_code"}));
}

TEST(MessageFormat, EnglishPluralAndGroupedNumber) {
  auto m = compile(kCount, "en");
  const MessageArg one[] = {{"n", std::int64_t{1}}};
  const MessageArg many[] = {{"n", std::int64_t{3366}}};
  EXPECT_EQ(m->text(one), "1 comparison");
  EXPECT_EQ(m->text(many), "3,366 comparisons");
}

TEST(MessageFormat, GermanGroupsThousandsWithADot) {
  auto m = compile("{n, plural, one {# Vergleich} other {# Vergleiche}}", "de");
  const MessageArg args[] = {{"n", std::int64_t{3366}}};
  EXPECT_EQ(m->text(args), "3.366 Vergleiche");
}

TEST(MessageFormat, ArabicUsesItsSixPluralCategories) {
  auto m = compile(
      "{n, plural, zero {صفر} one {واحد} two {اثنان} few {قليل} many {كثير} other {آخر}}", "ar");
  const auto form = [&](std::int64_t n) {
    const MessageArg args[] = {{"n", n}};
    return m->text(args);
  };
  EXPECT_EQ(form(0), "صفر");
  EXPECT_EQ(form(1), "واحد");
  EXPECT_EQ(form(2), "اثنان");
  EXPECT_EQ(form(5), "قليل");
  EXPECT_EQ(form(11), "كثير");
  EXPECT_EQ(form(100), "آخر");
}

TEST(MessageFormat, HtmlEscapesThePatternAndIsolatesArguments) {
  auto m = compile("<{a}> & {b}’s", "en");
  const MessageArg args[] = {{"a", "211"}, {"b", "<script>"}};
  EXPECT_EQ(m->html(args), "&lt;<bdi>211</bdi>&gt; &amp; <bdi>&lt;script&gt;</bdi>’s");
}

// A refused pattern: where (byte offset in the pattern) and why.
struct Refusal {
  bool refused = false;
  std::size_t offset = 0;
  std::string why;
};

Refusal refuse(std::string_view pattern, std::string_view tag) {
  Refusal r;
  r.refused = !Message::compile(pattern, tag, r.offset, r.why);
  return r;
}

// An unclosed argument is located at its own "{", not where ICU gave up.
TEST(MessageFormat, AnUnclosedArgumentIsLocatedAtItsBrace) {
  const Refusal name = refuse("ok {a_code vs", "en");
  ASSERT_TRUE(name.refused);
  EXPECT_EQ(name.offset, 3u);
  EXPECT_NE(name.why.find("{a_code must be followed by \"}\""), std::string::npos) << name.why;
  const Refusal plural =
      refuse("{protocol}: {code_count, plural, one {# code} other {# codes}", "en");
  ASSERT_TRUE(plural.refused);
  EXPECT_EQ(plural.offset, 12u);
  EXPECT_NE(plural.why.find("{code_count, plural, ...} is never closed; add \"}\""),
            std::string::npos)
      << plural.why;
  const Refusal text = refuse("{n, plural, one {a other {b}}", "en");
  ASSERT_TRUE(text.refused);
  EXPECT_EQ(text.offset, 0u);  // the plural: its last case closed it
}

TEST(MessageFormat, APluralOrSelectWithoutOtherSaysSoAtItsBrace) {
  const Refusal plural = refuse("{protocol}: {code_count, plural, one {# code}} listed", "en");
  ASSERT_TRUE(plural.refused);
  EXPECT_EQ(plural.offset, 12u);
  EXPECT_NE(plural.why.find("{code_count, plural, ...} needs an \"other\" case"), std::string::npos)
      << plural.why;
  EXPECT_NE(plural.why.find("add other {...}"), std::string::npos) << plural.why;
  const Refusal select = refuse("A {kind, select, mail {x}}", "en");
  ASSERT_TRUE(select.refused);
  EXPECT_EQ(select.offset, 2u);
  EXPECT_NE(select.why.find("{kind, select, ...} needs an \"other\" case"), std::string::npos)
      << select.why;
}

// "d'{code}" quotes the argument away in ICU: the page would show "{code}".
TEST(MessageFormat, AnApostropheBeforeABraceIsAMistakeWithItsFix) {
  const Refusal r = refuse("Comparaison d'{code}", "fr");
  ASSERT_TRUE(r.refused);
  EXPECT_EQ(r.offset, 13u);  // the apostrophe
  EXPECT_NE(r.why.find("the apostrophe before {code} quotes it"), std::string::npos) << r.why;
  EXPECT_NE(r.why.find("write '' for an apostrophe, or use \u2019"), std::string::npos) << r.why;
  // Quoted to the end, even after a space; in a plural, before #.
  EXPECT_TRUE(refuse("Code '{code}", "en").refused);
  const Refusal hash = refuse("{n, plural, one {l'# fois} other {les # fois}}", "fr");
  ASSERT_TRUE(hash.refused);
  EXPECT_EQ(hash.offset, 18u);
  EXPECT_NE(hash.why.find("the apostrophe before # quotes it"), std::string::npos) << hash.why;
  // Both fixes work, and deliberate quoting of braces stays allowed.
  const MessageArg args[] = {{"code", "250"}};
  EXPECT_EQ(compile("Comparaison d''{code}", "fr")->text(args), "Comparaison d'250");
  EXPECT_EQ(compile("Comparaison d\u2019{code}", "fr")->text(args), "Comparaison d\u2019250");
  EXPECT_EQ(compile("'{code}' is {code}", "en")->text(args), "{code} is 250");
  EXPECT_EQ(compile("a brace: '{'", "en")->text({}), "a brace: {");
}

// Plural cases are the language's CLDR forms (or exact =N values).
TEST(MessageFormat, PluralCasesAreCheckedAgainstTheLanguagesRules) {
  constexpr std::string_view kFew = "{n, plural, one {# Code} few {# Codes} other {# Codes}}";
  const Refusal de = refuse(kFew, "de");
  ASSERT_TRUE(de.refused);
  EXPECT_EQ(de.offset, 25u);  // "few"
  EXPECT_NE(de.why.find("German has no \"few\" plural form, so this case is never used"),
            std::string::npos)
      << de.why;
  EXPECT_NE(de.why.find("German's plural forms are one, other"), std::string::npos) << de.why;
  // Czech has "few"; an exact value is allowed in any language.
  EXPECT_FALSE(refuse(kFew, "cs").refused);
  EXPECT_FALSE(refuse("{n, plural, =0 {keine} =2 {zwei} one {#} other {#}}", "de").refused);
  // Arabic has all six forms; Vietnamese only "other".
  EXPECT_FALSE(
      refuse("{n, plural, zero {a} one {b} two {c} few {d} many {e} other {f}}", "ar").refused);
  EXPECT_TRUE(refuse("{n, plural, one {# mã} other {# mã}}", "vi").refused);
}

TEST(MessageFormat, AWordThatIsNoPluralFormIsNamedWithTheForms) {
  const Refusal single = refuse("{n, plural, single {# code} other {# codes}}", "en");
  ASSERT_TRUE(single.refused);
  EXPECT_EQ(single.offset, 12u);
  EXPECT_NE(single.why.find("\"single\" is not a plural form"), std::string::npos) << single.why;
  EXPECT_NE(single.why.find("English's plural forms are one, other"), std::string::npos)
      << single.why;
  const Refusal upper = refuse("{n, plural, ONE {# code} other {# codes}}", "en");
  ASSERT_TRUE(upper.refused);
  EXPECT_NE(upper.why.find("did you mean \"one\"?"), std::string::npos) << upper.why;
  const Refusal typo = refuse("{n, plural, one {# code} ohter {# codes}}", "en");
  ASSERT_TRUE(typo.refused);
  EXPECT_EQ(typo.offset, 25u);
  EXPECT_NE(typo.why.find("did you mean \"other\"?"), std::string::npos) << typo.why;
}

// selectordinal follows the ordinal rules: English has four, German one.
TEST(MessageFormat, OrdinalCasesFollowTheOrdinalRules) {
  constexpr std::string_view kEnglish =
      "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}";
  EXPECT_FALSE(refuse(kEnglish, "en").refused);
  const Refusal de = refuse(kEnglish, "de");
  ASSERT_TRUE(de.refused);
  EXPECT_EQ(de.offset, 19u);
  EXPECT_NE(de.why.find("German has no \"one\" ordinal form"), std::string::npos) << de.why;
}

TEST(MessageFormat, ACaseWrittenTwiceABadExactValueAndAMistypedTypeAreNamed) {
  const Refusal twice = refuse("{n, plural, one {a} one {b} other {c}}", "en");
  ASSERT_TRUE(twice.refused);
  EXPECT_EQ(twice.offset, 20u);
  EXPECT_NE(twice.why.find("has a second \"one\" case"), std::string::npos) << twice.why;
  const Refusal exact = refuse("{n, plural, =1e {a} other {b}}", "en");
  ASSERT_TRUE(exact.refused);
  EXPECT_EQ(exact.offset, 12u);
  EXPECT_NE(exact.why.find("\"=\" must be followed by a number"), std::string::npos) << exact.why;
  const Refusal type = refuse("{n, plurl, one {a} other {b}}", "en");
  ASSERT_TRUE(type.refused);
  EXPECT_EQ(type.offset, 4u);
  EXPECT_NE(type.why.find("\"plurl\" is not an argument type; did you mean \"plural\"?"),
            std::string::npos)
      << type.why;
}

// Every pattern ICU refuses is explained by the check, at a position within
// the pattern, in words: never ICU's error names (U_...). Random patterns
// from MessageFormat's tokens; ICU itself is the judge of which are valid.
TEST(MessageFormat, EveryPatternIcuRefusesIsExplainedInWords) {
  const std::vector<std::string_view> tokens = {
      "{",  "}", "n",       " ", ",",  "plural", "select", "one",      "other",
      "=1", "'", "#",       "x", "'{", "number", "few",    "offset:1", "selectordinal",
      "''", "0", "integer", "=", "-",  ".",      "e"};
  // Half the patterns open a plural or select, so that cases are reached.
  const std::vector<std::string_view> openings = {"{n, plural, ", "{n, select, ",
                                                  "{n, selectordinal, ", "{n, plural, one {",
                                                  "x {n, plural, ="};
  std::mt19937 random(17);
  int refused_by_icu = 0;
  int accepted_by_icu = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string pattern;
    if (random() % 2 == 0) pattern = openings[random() % openings.size()];
    const auto length = 1 + random() % 14;
    for (std::size_t t = 0; t < length; ++t) pattern += tokens[random() % tokens.size()];
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr{};
    const icu::MessageFormat icu_format(icu::UnicodeString::fromUTF8(pattern), icu::Locale("en"),
                                        perr, status);
    const Refusal r = refuse(pattern, "en");
    SCOPED_TRACE(pattern + " -> " + r.why);
    if (U_FAILURE(status)) {
      ++refused_by_icu;
      ASSERT_TRUE(r.refused);
      ASSERT_EQ(r.why.find("ICU cannot use"), std::string::npos);  // the generic fallback
    } else {
      ++accepted_by_icu;
    }
    if (r.refused) {
      ASSERT_LE(r.offset, pattern.size());
      ASSERT_EQ(r.why.find("U_"), std::string::npos);
    }
  }
  // The patterns do exercise both sides.
  EXPECT_GT(refused_by_icu, 5000);
  EXPECT_GT(accepted_by_icu, 1000);
}

TEST(TextBreaks, GraphemesAreCountedAsReadersCountThem) {
  EXPECT_EQ(grapheme_count(""), 0u);
  EXPECT_EQ(grapheme_count("SMTP 250"), 8u);
  // Precomposed and combining forms count alike; so do Vietnamese stacked
  // marks, Arabic letters and an emoji with a skin-tone modifier.
  EXPECT_EQ(grapheme_count("\u00e9t\u00e9"), 3u);
  EXPECT_EQ(grapheme_count("e\u0301te\u0301"), 3u);
  EXPECT_EQ(grapheme_count("ti\u1ebfng Vi\u1ec7t"), 10u);
  EXPECT_EQ(grapheme_count("\u0627\u0644\u0631\u062f"), 4u);
  EXPECT_EQ(grapheme_count("\U0001F44D\U0001F3FD ok"), 4u);
}

TEST(TextBreaks, ListsAreJoinedInTheirLanguage) {
  const std::vector<std::string> two{"RFC 4954", "RFC 3207"};
  EXPECT_EQ(format_list(two, "en"), "RFC 4954 and RFC 3207");
  EXPECT_EQ(format_list(two, "de"), "RFC 4954 und RFC 3207");
  EXPECT_EQ(format_list(two, "tr"), "RFC 4954 ve RFC 3207");
  const std::vector<std::string> one{"RFC 5321"};
  EXPECT_EQ(format_list(one, "id"), "RFC 5321");
}

TEST(MessageFormat, SimplePatternsFormatExactlyAsIcuDoes) {
  // Apostrophes, quoted braces, non-ASCII text and missing arguments.
  for (const char* pattern : {"{a} vs {b}", "It''s {a}’s turn", "'{literal}' and {a}", "{a}{b}",
                              "Kod {a} ile {b} karşılaştırması", "x '' y {a} '{'b'}'",
                              "{missing} {a}", "don't {a}", "no arguments at all"}) {
    SCOPED_TRACE(pattern);
    auto simple = compile(pattern, "tr");
    const MessageArg args[] = {{"a", "211"}, {"b", "<500>"}};
    // A numeric argument sends a pattern through ICU itself: compare both.
    auto icu_only = compile(std::string(pattern) + "{n, plural, other {}}", "tr");
    const MessageArg with_n[] = {{"a", "211"}, {"b", "<500>"}, {"n", std::int64_t{1}}};
    EXPECT_EQ(simple->text(args), icu_only->text(with_n));
    EXPECT_EQ(simple->html(args), icu_only->html(with_n));
  }
}

// Private-use characters are user text (icon fonts): in a plural or select
// pattern, next to text and number arguments, they come out unchanged and
// are never taken for an argument.
TEST(MessageFormat, PrivateUseCharactersPassThroughPluralAndSelect) {
  auto m = compile(
      "\uE000 {protocol} \uE001: {n, plural, one {# \uE000code} other {# \uE001codes}} "
      "{kind, select, mail {\uE000<m>} other {\uE001}}",
      "en");
  const MessageArg args[] = {{"protocol", "S&M"}, {"n", std::int64_t{2}}, {"kind", "mail"}};
  std::string text;
  std::string html;
  EXPECT_NO_THROW(text = m->text(args));
  EXPECT_NO_THROW(html = m->html(args));
  EXPECT_EQ(text, "\uE000 S&M \uE001: 2 \uE001codes \uE000<m>");
  EXPECT_EQ(html, "\uE000 <bdi>S&amp;M</bdi> \uE001: 2 \uE001codes \uE000&lt;m&gt;");
  // The number argument first: a marker-like character must not reach it.
  auto n_first = compile("{n, plural, other {\uE000 \uE001 #}} {protocol}", "en");
  const MessageArg swapped[] = {{"n", std::int64_t{1}}, {"protocol", "SMTP"}};
  EXPECT_NO_THROW(html = n_first->html(swapped));
  EXPECT_EQ(html, "\uE000 \uE001 1 <bdi>SMTP</bdi>");
  EXPECT_EQ(n_first->text(swapped), "\uE000 \uE001 1 SMTP");
}
