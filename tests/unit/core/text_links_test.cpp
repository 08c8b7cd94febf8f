// Links in published text: RFC citations and code mentions, found in text
// only (never in a tag, an attribute, an entity or a link).
#include <gtest/gtest.h>

#include <map>

#include "core/text_links.hpp"

using namespace versa;

namespace {

// Links 450, 550 and 551 to "#<code>"; nothing else is a code.
std::string codes(std::string_view html) {
  return link_code_mentions(html, [](std::string_view code) -> std::optional<std::string> {
    if (code == "450" || code == "550" || code == "551") return "#" + std::string(code);
    return std::nullopt;
  });
}

}  // namespace

TEST(TextLinks, RfcUrlsNameTheDocumentAndItsSection) {
  EXPECT_EQ(rfc_url("RFC 5321"), "https://www.rfc-editor.org/rfc/rfc5321");
  EXPECT_EQ(rfc_url("RFC\u00a05321", "4.2.3"),
            "https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3");
  EXPECT_EQ(rfc_url("a draft"), std::nullopt);
}

TEST(TextLinks, RfcCitationsInTextBecomeLinks) {
  const std::string nbsp = "\u00a0";
  EXPECT_EQ(link_rfc_citations("See RFC 5321 and RFC" + nbsp + "3207."),
            "See <a href=\"https://www.rfc-editor.org/rfc/rfc5321\">RFC 5321</a> and "
            "<a href=\"https://www.rfc-editor.org/rfc/rfc3207\">RFC" +
                nbsp + "3207</a>.");
  // Inside an isolation it stays isolated; a tag's attribute is no text.
  EXPECT_EQ(link_rfc_citations("<bdi>RFC 5321</bdi>"),
            "<bdi><a href=\"https://www.rfc-editor.org/rfc/rfc5321\">RFC 5321</a></bdi>");
  EXPECT_EQ(link_rfc_citations("<span title=\"RFC 5321\">x</span>"),
            "<span title=\"RFC 5321\">x</span>");
  // Already a link, a word that only starts like one, no number: unchanged.
  for (const std::string same :
       {"<a href=\"x\">RFC 5321</a>", "XRFC 5321", "RFCs 5321", "RFC editor"}) {
    EXPECT_EQ(link_rfc_citations(same), same);
  }
}

TEST(TextLinks, CodeMentionsBecomeLinksAndOnlyThey) {
  EXPECT_EQ(codes("Use 450 now, 550. Or 551"),
            "Use <a href=\"#450\">450</a> now, <a href=\"#550\">550</a>. Or "
            "<a href=\"#551\">551</a>");
  EXPECT_EQ(codes("<bdi>550 5.7.1</bdi>"), "<bdi><a href=\"#550\">550</a> 5.7.1</bdi>");
  // Not codes: longer or dotted numbers, decimals, entities, attributes,
  // links, and numbers the callback does not know.
  for (const std::string same :
       {"4500", "1550", "5.5.0", "550.5", "1,550", "550,5", "&#450;", "<a href=\"x\">550</a>",
        "<span data-x=\"550\">y</span>", "250 OK", "2xx"}) {
    EXPECT_EQ(codes(same), same);
  }
}
