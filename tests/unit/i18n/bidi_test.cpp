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
            "خطأ &lt;<bdi>script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q</bdi>&quot;");
}

TEST(Bidi, ATokenWithInnerPunctuationIsOneRun) {
  // '=' and '+' are not letters: isolated piece by piece, "BODY=8BITMIME"
  // showed as "8BITMIME=BODY" in Arabic text.
  EXPECT_EQ(html_isolating_latin("المعامل BODY=8BITMIME غير معروف", true),
            "المعامل <bdi>BODY=8BITMIME</bdi> غير معروف");
  EXPECT_EQ(html_isolating_latin("في RFC\u00A05321 وحده", true),
            "في <bdi>RFC\u00A05321</bdi> وحده");
  EXPECT_EQ(html_isolating_latin("رمز 5.7.1 أو AUTH=PLAIN+LOGIN.", true),
            "رمز <bdi>5.7.1</bdi> أو <bdi>AUTH=PLAIN+LOGIN</bdi>.");
}

TEST(Bidi, RightToLeftTextOnlyContextsStartRightToLeft) {
  const auto started = [](std::string s) {
    versa::start_right_to_left(s);
    return s;
  };
  // The first strong character decides: a Latin or neutral start gets U+200F.
  EXPECT_EQ(started("SMTP 220 الخدمة جاهزة"), "\u200FSMTP 220 الخدمة جاهزة");
  EXPECT_EQ(started("220 vs 500"), "\u200F220 vs 500");
  EXPECT_EQ(started(""), "\u200F");
  // Already right to left (Arabic, Hebrew): unchanged, even after neutrals.
  EXPECT_EQ(started("الرد 220"), "الرد 220");
  EXPECT_EQ(started("220 (الخدمة جاهزة)"), "220 (الخدمة جاهزة)");
  EXPECT_EQ(started("«שלום» SMTP"), "«שלום» SMTP");
}
