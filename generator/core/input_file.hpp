// Reading an input file safely: only a regular file, and only up to a limit
// known before the first byte is read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace versa {

/// Reads the whole file at `path` if it is a regular file of at most
/// `max_bytes`. It is opened without blocking (a FIFO with no writer does not
/// stall) and without becoming a controlling terminal; its type and size are
/// checked with fstat before anything is read, and then exactly that size is
/// read (less if the file shrank meanwhile). Otherwise returns nothing and
/// reports one located error: the file cannot be opened, is a FIFO, device,
/// socket or folder, or is larger than `max_bytes` (located at 1:1, as
/// "file is N MiB; input files may be at most M MiB"). Throws only
/// std::bad_alloc.
std::optional<std::string> read_input_file(std::string_view path, std::size_t max_bytes,
                                           Diagnostics& diags);

/// The checks of read_input_file without reading: true when `path` is a
/// regular file of at most `max_bytes`, else false with the same located
/// error. Throws only std::bad_alloc.
bool check_input_file(std::string_view path, std::size_t max_bytes, Diagnostics& diags);

}  // namespace versa
