// `versa render`: one template file with one JSON file, to standard output.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace versa {

/// Renders `template_path` with the JSON in `data_path`; partials and parents
/// load `partials_dir/<name>.html`. Returns the output, or nothing with every
/// problem reported located: unreadable inputs, template syntax, a partial or
/// parent that cannot be loaded (no `partials_dir`, or no such file there:
/// at its tag), and errors found while rendering (a partial including itself). Throws only
/// std::bad_alloc.
std::optional<std::string> render_template_file(const std::string& template_path,
                                                const std::string& data_path,
                                                const std::string& partials_dir,
                                                Diagnostics& diags);

}  // namespace versa
