// ICU MessageFormat: named arguments, plurals and numbers per locale, HTML output.
#include <gtest/gtest.h>

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

TEST(MessageFormat, SyntaxErrorReportsItsOffset) {
  std::size_t offset = 0;
  std::string why;
  auto m = Message::compile("ok {a_code vs", "en", offset, why);
  EXPECT_FALSE(m);
  EXPECT_NE(why.find("malformed MessageFormat pattern"), std::string::npos);
  EXPECT_GE(offset, 3u);
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
