// `versa new-locale <tag>`: a translator's checklist for a new language.
#pragma once

#include <string>

#include "core/diagnostics.hpp"
#include "load/inputs.hpp"

namespace versa {

/// Writes `<locales>/<tag>.json` with every message of en.json and every
/// catalogue text, each marked as untranslated. Refuses a tag that is not
/// canonical BCP 47 or that ICU does not know, and an existing file.
/// Returns the path written, or nothing (with a diagnostic).
std::optional<std::string> write_new_locale(const std::string& tag, const InputPaths& paths,
                                            Diagnostics& diags);

}  // namespace versa
