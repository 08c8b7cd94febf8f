// plan: the file-system limits every output path must respect, checked
// before anything is written.
#pragma once

#include "core/diagnostics.hpp"
#include "plan/pages.hpp"

namespace versa {

/// Most bytes in one file or folder name (Linux's NAME_MAX).
inline constexpr std::size_t kMaxNameBytes = 255;

/// Reports, at the slug responsible, every code whose page folder or whose
/// longest comparison folder would have a name longer than kMaxNameBytes.
/// Returns false when there is one.
bool check_output_paths(const Project& project, const Urls& urls, Diagnostics& diags);

}  // namespace versa
