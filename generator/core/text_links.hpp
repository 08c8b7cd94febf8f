// Links in published text: RFC citations and mentions of reply codes become
// links, found in the HTML of a text (in its text, never in a tag, an
// entity or an existing link).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace versa {

/// The page of an RFC, and of one of its sections when `section` is given:
/// https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3. `rfc` is "RFC 5321"
/// (any space between); nothing when it names no RFC number.
std::optional<std::string> rfc_url(std::string_view rfc, std::string_view section = {});

/// `html` with every "RFC <number>" in its text (a space or a no-break space
/// between) made a link to that RFC's page.
std::string link_rfc_citations(std::string_view html);

/// `html` with every whole number of three digits in its text for which
/// `href` gives a link made a link there. A number that is part of a longer
/// one, of a dotted one (5.7.1) or of a decimal is no mention.
std::string link_code_mentions(
    std::string_view html,
    const std::function<std::optional<std::string>(std::string_view code)>& href);

}  // namespace versa
