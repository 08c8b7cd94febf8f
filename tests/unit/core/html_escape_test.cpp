// HTML escaping: the vectorized scan must treat every position alike.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/html.hpp"

using namespace versa;

namespace {

// The obvious byte-by-byte escaper, as the reference.
std::string reference_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

TEST(HtmlEscape, EverySpecialCharacterAtEveryPositionAndLength) {
  for (std::size_t length = 0; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (char special : {'&', '<', '>', '"', '\''}) {
        std::string text(length, 'a');
        text[at] = special;
        if (length > 2) text[length - 1] = '\xc3';  // non-ASCII bytes pass through
        EXPECT_EQ(html_escape(text), reference_escape(text)) << length << " " << at;
      }
    }
  }
}

TEST(HtmlEscape, AppendsAfterExistingText) {
  std::string out = "<p>";
  append_html_escaped(out, "Tom & Jerry's \"<b>\" café, 16 bytes and more");
  EXPECT_EQ(out, "<p>Tom &amp; Jerry&#39;s &quot;&lt;b&gt;&quot; café, 16 bytes and more");
}

// JSON in a <script>: nothing in it can close the element or open a comment,
// and it still parses to the same value.
TEST(ScriptJsonString, NothingEndsTheScriptAndTheValueIsUnchanged) {
  const std::string value = "</script><!-- a & b > c \"q\" \\ \t\n\u2028\u2029 é";
  std::string text = "x";
  append_script_json_string(text, value);
  ASSERT_EQ(text.front(), 'x');
  text.erase(0, 1);
  for (const std::string_view bad : {"<", ">", "&", "\u2028", "\u2029", "\t", "\n"}) {
    EXPECT_EQ(text.find(bad), std::string::npos) << bad << " in " << text;
  }
  EXPECT_NE(text.find("é"), std::string::npos) << text;  // the rest is left as it is
  EXPECT_EQ(nlohmann::json::parse(text), value);
}
