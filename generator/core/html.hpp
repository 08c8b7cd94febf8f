// Escaping text for the places it lands in an HTML page.
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// Escapes & < > " ' so the text is safe in HTML text and quoted attributes.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

}  // namespace versa
