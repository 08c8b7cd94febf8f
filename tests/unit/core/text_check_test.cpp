// core/text_check: characters a page cannot show, found and located exactly.
#include <gtest/gtest.h>

#include "core/json_document.hpp"
#include "core/text_check.hpp"

using namespace versa;

namespace {

// "offset: message" per problem, one a line.
std::string problems(std::string_view text) {
  std::string out;
  for (const auto& p : find_unsafe_text(text)) {
    out += std::to_string(p.offset) + ": " + p.message + "\n";
  }
  return out;
}

}  // namespace

TEST(TextCheck, OrdinaryTextMarksAndPrivateUseAreAllowed) {
  EXPECT_EQ(problems("Tab\tand\nnewline, é, 日本, \U0001F600"), "");
  EXPECT_EQ(problems("\u200E\u200F\u061C marks"), "");
  EXPECT_EQ(problems("\uE000 \uF8FF \U000F0000 icons"), "");
  EXPECT_EQ(problems("a \u202B b \u2066 c \u2069 d \u202C e"), "");  // properly nested
}

TEST(TextCheck, ControlsAndNoncharactersAreRefusedEachOne) {
  EXPECT_EQ(problems(std::string_view("a\0b\rc\x7F", 6)),
            "1: U+0000 NULL is a control character, which a page cannot show; remove it\n"
            "3: U+000D CARRIAGE RETURN is a control character, which a page cannot show; remove "
            "it\n"
            "5: U+007F DELETE is a control character, which a page cannot show; remove it\n");
  EXPECT_EQ(problems("é\u0085"),
            "2: U+0085 NEXT LINE is a control character, which a page cannot show; remove it\n");
  EXPECT_EQ(problems("\uFDD0\uFDEF\uFFFE\U0010FFFF"),
            "0: U+FDD0 is a noncharacter, which a page cannot show; remove it\n"
            "3: U+FDEF is a noncharacter, which a page cannot show; remove it\n"
            "6: U+FFFE is a noncharacter, which a page cannot show; remove it\n"
            "9: U+10FFFF is a noncharacter, which a page cannot show; remove it\n");
}

TEST(TextCheck, UnbalancedBidiControlsAreRefused) {
  EXPECT_EQ(problems("ab\u202E"),
            "2: U+202E RIGHT-TO-LEFT OVERRIDE is never closed; close it with U+202C POP "
            "DIRECTIONAL FORMATTING before the end of the text, or remove it (to mark direction "
            "use U+200F RIGHT-TO-LEFT MARK)\n");
  EXPECT_EQ(problems("\u2066x"),
            "0: U+2066 LEFT-TO-RIGHT ISOLATE is never closed; close it with U+2069 POP "
            "DIRECTIONAL ISOLATE before the end of the text, or remove it (to mark direction use "
            "U+200E LEFT-TO-RIGHT MARK)\n");
  EXPECT_EQ(problems("x\u2069"),
            "1: U+2069 POP DIRECTIONAL ISOLATE closes nothing: no isolate is open here; remove "
            "it\n");
  EXPECT_EQ(problems("\u202C"),
            "0: U+202C POP DIRECTIONAL FORMATTING closes nothing: no embedding or override is "
            "open here; remove it\n");
  // Crossed: the PDF may not close the isolate; the override stays open.
  EXPECT_EQ(problems("\u202D\u2068\u202C\u2069"),
            "0: U+202D LEFT-TO-RIGHT OVERRIDE is never closed; close it with U+202C POP "
            "DIRECTIONAL FORMATTING before the end of the text, or remove it (to mark direction "
            "use U+200E LEFT-TO-RIGHT MARK)\n"
            "6: U+202C POP DIRECTIONAL FORMATTING would close U+2068 FIRST STRONG ISOLATE, which "
            "needs U+2069 POP DIRECTIONAL ISOLATE; close them in the order they were opened\n");
  EXPECT_EQ(problems("\u2067\u202Bx\u2069"),
            "7: U+2069 POP DIRECTIONAL ISOLATE comes before U+202B RIGHT-TO-LEFT EMBEDDING is "
            "closed; close that first with U+202C POP DIRECTIONAL FORMATTING\n");
}

TEST(TextCheck, DecodedOffsetsMapToTheSourceToken) {
  // "a\"\u00e9\uD83D\uDE00\u0000" decodes to a " é 😀 NUL.
  const std::string_view token = R"("a\"\u00e9\uD83D\uDE00\u0000" , "next")";
  EXPECT_EQ(json_source_offset(token, 0), 1u);   // a
  EXPECT_EQ(json_source_offset(token, 1), 2u);   // \"
  EXPECT_EQ(json_source_offset(token, 2), 4u);   // \u00e9
  EXPECT_EQ(json_source_offset(token, 4), 10u);  // the surrogate pair
  EXPECT_EQ(json_source_offset(token, 8), 22u);  // \u0000, at its backslash
  EXPECT_EQ(json_source_offset(token, 9), 28u);  // the closing quote
}

TEST(TextCheck, JsonDocumentLocatesCharactersAfterEscapes) {
  Diagnostics diags;
  auto doc = JsonDocument::parse(
      SourceText("t.json", "{\n  \"k\": \"\\t\\u00e9 \u00e9\\u0000\"\n}"), diags);
  ASSERT_TRUE(doc);
  const std::string& s = doc->value()["k"].get_ref<const std::string&>();
  const auto nul = s.find('\0');
  ASSERT_NE(nul, std::string::npos);
  const Location at = doc->locate_in_string("/k", nul);
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.col, 19);  // after `  "k": "` (8) and `\t\u00e9 é` (10)
}
