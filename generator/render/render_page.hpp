// render: one page of the plan to HTML.
#pragma once

#include <string>

#include "plan/pages.hpp"
#include "render/view_model.hpp"

namespace versa {

/// Renders `page` with its kind's template into `html` (cleared first).
/// Throws mustache::RenderError when the template exceeds a rendering limit.
void render_page(const Project& project, const ViewModelBuilder& views, const Page& page,
                 std::string& html);

}  // namespace versa
