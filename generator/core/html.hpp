// Escaping text for the places it lands in an HTML page.
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// Escapes & < > " ' so the text is safe in HTML text and quoted attributes.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

/// Makes JSON text safe inside a <script> element: < > & and the line
/// separators U+2028 and U+2029 become \u escapes, which mean the same in a
/// JSON string (the only place valid JSON can hold them), so no "</script>"
/// or "<!--" can end or change the element.
void escape_json_for_script(std::string& json);

}  // namespace versa
