#include "render/render_page.hpp"

namespace versa {

void render_page(const Project& project, const ViewModelBuilder& views, const Page& page,
                 std::string& html) {
  const auto* tmpl = project.inputs.templates.find(ViewModelBuilder::template_name(page.kind));
  html.clear();
  const nlohmann::json view = views.build(page);
  // Page data on top of the locale's globals.
  const nlohmann::json* frames[] = {&views.globals(page.locale), &view};
  project.inputs.templates.render(*tmpl, std::span<const nlohmann::json* const>(frames), html);
}

}  // namespace versa
