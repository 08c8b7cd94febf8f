#include "render/page_renderer.hpp"

#include <algorithm>

namespace versa {

void PageRenderer::render(const Page& page, std::string& html) {
  const mustache::TemplateSet& templates = views_.templates(page.locale);
  const auto* tmpl = templates.find(ViewModelBuilder::template_name(page.kind));
  html.clear();
  mustache::Data& view = last_[static_cast<std::size_t>(page.kind)];
  views_.build(page, view);
  // The page's own values on top of those it shares with other pages.
  const SharedFrames shared = views_.shared_frames(page);
  std::array<mustache::Frame, std::tuple_size_v<decltype(shared.frames)> + 1> stack;
  std::copy_n(shared.frames.begin(), shared.size, stack.begin());
  stack[shared.size] = {&view};
  templates.render(*tmpl, std::span(stack.data(), shared.size + 1), html);
}

}  // namespace versa
