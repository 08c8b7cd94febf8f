// i18n/bidi: on right-to-left pages, every Latin run (codes, commands, RFC
// names, with the spaces and punctuation inside them) is isolated in <bdi>,
// so the bidirectional algorithm cannot reorder its parts; left-to-right
// text is only escaped. The expected HTML is written out by hand.
#include <gtest/gtest.h>

#include "i18n/bidi.hpp"

using versa::html_isolating_latin;

TEST(Bidi, LeftToRightTextIsOnlyEscaped) {
  EXPECT_EQ(html_isolating_latin("Send MAIL FROM <user@example.org> & retry", false),
            "Send MAIL FROM &lt;user@example.org&gt; &amp; retry");
  EXPECT_EQ(html_isolating_latin("الرد 250", false), "الرد 250");
  EXPECT_EQ(html_isolating_latin("", false), "");
}

TEST(Bidi, RightToLeftTextIsolatesEachLatinRun) {
  // "Send MAIL FROM, then RCPT TO."
  EXPECT_EQ(html_isolating_latin("أرسل MAIL FROM ثم RCPT TO.", true),
            "أرسل <bdi>MAIL FROM</bdi> ثم <bdi>RCPT TO</bdi>.");
  // A code and a document name: digits are isolated as well as letters.
  EXPECT_EQ(html_isolating_latin("الرد 550 في RFC 5321", true),
            "الرد <bdi>550</bdi> في <bdi>RFC 5321</bdi>");
  EXPECT_EQ(html_isolating_latin("SMTP", true), "<bdi>SMTP</bdi>");
  EXPECT_EQ(html_isolating_latin("نص عربي فقط", true), "نص عربي فقط");
  EXPECT_EQ(html_isolating_latin("", true), "");
}

TEST(Bidi, PunctuationInsideARunStaysInItAndAroundItStaysOut) {
  // Joined by '.', '@', '-', ':', '/' and '_', each of these is one run.
  EXPECT_EQ(html_isolating_latin("رمز 4.7.0 من user@example.com عبر CRAM-MD5", true),
            "رمز <bdi>4.7.0</bdi> من <bdi>user@example.com</bdi> عبر <bdi>CRAM-MD5</bdi>");
  EXPECT_EQ(html_isolating_latin("انظر https://example.org/a_b", true),
            "انظر <bdi>https://example.org/a_b</bdi>");
  // Spaces and punctuation that no Latin follows belong to the right-to-left
  // text: the full stop and the parentheses are mirrored with it.
  EXPECT_EQ(html_isolating_latin("(RFC 5321). انتهى", true), "(<bdi>RFC 5321</bdi>). انتهى");
  EXPECT_EQ(html_isolating_latin("الأمر HELO، ثم EHLO", true),
            "الأمر <bdi>HELO</bdi>، ثم <bdi>EHLO</bdi>");
}

TEST(Bidi, MarkupAroundTheIsolatesIsEscaped) {
  EXPECT_EQ(html_isolating_latin("خطأ <script>alert('x')</script> & \"q\"", true),
            "خطأ &lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>(&#39;<bdi>x</bdi>&#39;)&lt;/"
            "<bdi>script</bdi>&gt; &amp; &quot;<bdi>q</bdi>&quot;");
}
