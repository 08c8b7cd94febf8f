// Typography that holds in every language.
#pragma once

#include <string>
#include <string_view>

namespace versa {

/// `text` with a no-break space (U+00A0) between "RFC" and the number that
/// follows it, so that no line ends with "RFC" and starts with "5321".
std::string join_rfc_numbers(std::string_view text);

}  // namespace versa
