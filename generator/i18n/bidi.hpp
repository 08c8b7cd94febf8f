// Right-to-left support: keeping Latin runs (codes, commands, RFC names)
// intact inside right-to-left text.
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// `text` as HTML: escaped, and when `rtl`, every run of Latin letters and
/// digits (with the spaces and punctuation between them, as in "MAIL FROM" or
/// "RFC 5321") wrapped in <bdi>, so the bidirectional algorithm cannot move
/// its punctuation or reorder its parts.
std::string html_isolating_latin(std::string_view text, bool rtl);

}  // namespace versa
