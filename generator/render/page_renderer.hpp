// render: pages of the plan to HTML, one after another.
#pragma once

#include <array>
#include <string>

#include "mustache/template.hpp"
#include "plan/pages.hpp"
#include "render/view_model.hpp"

namespace versa {

/// Renders pages with their kind's template. Each worker thread has its own:
/// it keeps the view model of its last page of each kind, which the next
/// page of that kind overwrites, so rendering a page allocates little.
class PageRenderer {
 public:
  explicit PageRenderer(const ViewModelBuilder& views) : views_(views) {}

  /// Renders `page` into `html` (cleared first). Throws mustache::RenderError
  /// when the template exceeds a rendering limit.
  void render(const Page& page, std::string& html);

  /// The view model of the last page of `kind` rendered.
  [[nodiscard]] const mustache::Data& last_view(PageKind kind) const {
    return last_[static_cast<std::size_t>(kind)];
  }

 private:
  const ViewModelBuilder& views_;
  std::array<mustache::Data, kPageKindCount> last_;  ///< by PageKind
};

}  // namespace versa
