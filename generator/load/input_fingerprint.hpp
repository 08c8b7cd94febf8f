// load: a fingerprint of every input, to skip a build when nothing changed.
#pragma once

#include <string>
#include <string_view>

#include "load/inputs.hpp"

namespace versa {

/// 16 hex digits hashing everything an output depends on: `options` (the
/// build's flags that change output), the versa version and binary, and the
/// path and bytes of every file under the catalogue, locales and templates
/// folders and of the site settings. Files are read as the loaders read them
/// (read_input_file: regular files, bounded, never blocking), so a FIFO or a
/// huge file cannot hang or exhaust memory here; a file that cannot be read
/// that way is hashed as a marker instead of its bytes, so the fingerprint
/// differs from any good build's and the full load reports the located error.
/// Throws only std::bad_alloc.
std::string input_fingerprint(const InputPaths& paths, std::string_view options);

}  // namespace versa
