// Right-to-left support: keeping Latin runs (codes, commands, RFC names)
// intact inside right-to-left text.
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// `text` as HTML: escaped, and when `rtl`, every Latin token wrapped in
/// <bdi>, so the bidirectional algorithm cannot move its punctuation or
/// reorder its parts. A token is a run of Latin letters and digits with the
/// ASCII spaces and punctuation between them ("MAIL FROM", "RFC 5321",
/// "BODY=8BITMIME", "user@example.com", "4.7.0"); what follows its last
/// letter or digit stays outside.
std::string html_isolating_latin(std::string_view text, bool rtl);

/// Makes `text` start right to left where only the first strong character
/// decides a line's direction (a browser tab, a search result, a share
/// preview): when its first strong character is not right-to-left, or it
/// has none, a RIGHT-TO-LEFT MARK (U+200F) is put in front.
void start_right_to_left(std::string& text);

}  // namespace versa
