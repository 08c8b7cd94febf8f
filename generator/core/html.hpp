// Escaping text for the places it lands in an HTML page.
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// Escapes & < > " ' so the text is safe in HTML text and quoted attributes.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

/// Appends `text` as a JSON string (quoted) that is safe inside a <script>
/// element: " \ and control characters escaped as JSON requires, and < > &
/// U+2028 U+2029 as \u escapes, which mean the same in a JSON string, so no
/// "</script>" or "<!--" can end or change the element. `text` is UTF-8.
void append_script_json_string(std::string& out, std::string_view text);

}  // namespace versa
