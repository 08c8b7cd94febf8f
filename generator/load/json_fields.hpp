// Reading typed fields out of a JsonDocument with located errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/json_document.hpp"

namespace versa {

/// The string at `object_pointer`/`key`. Reports a located error and returns
/// nothing when it is missing, not a string, or empty.
std::optional<std::string> required_string(const JsonDocument& doc, std::string_view object_pointer,
                                           std::string_view key, Diagnostics& diags);

/// The object at `pointer`, or nothing with a located error.
const nlohmann::json* required_object(const JsonDocument& doc, std::string_view pointer,
                                      std::string_view what, Diagnostics& diags);

/// Reports, located at the character, every character of every string value
/// under `pointer` that a page cannot show safely (see find_unsafe_text).
/// Returns true when there was none.
bool check_texts(const JsonDocument& doc, std::string_view pointer, Diagnostics& diags);

}  // namespace versa
