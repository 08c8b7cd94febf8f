// render: view models written over the last page's are the same as fresh ones.
#include <gtest/gtest.h>

#include <stdexcept>

#include "plan/pages.hpp"
#include "render/page_renderer.hpp"
#include "render/view_model.hpp"
#include "validate/project.hpp"

using namespace versa;

namespace {

// The shipped site's project, plan and view models.
struct Shipped {
  std::unique_ptr<Project> project = [] {
    const std::string root = VERSA_SOURCE_DIR;
    Diagnostics diags;
    auto p = validate(load_inputs({root + "/catalogue", root + "/locales", root + "/templates",
                                   root + "/site.json"},
                                  diags),
                      diags);
    if (!p) throw std::runtime_error("the shipped inputs do not validate");
    return p;
  }();
  Plan pages{*project};
  Urls urls{*project};
  SiteModel model{*project};
  ViewModelBuilder views{model, urls};
};

}  // namespace

TEST(ViewModel, WritingOverAnEarlierPageGivesTheFreshViewModel) {
  const Shipped s;
  // Pages in an order that changes locale, class (1 or 3 class items), RFC
  // (with and without the RFC item) and kind between two of the same kind.
  std::array<mustache::Data, kPageKindCount> reused;
  std::size_t checked = 0;
  for (std::size_t i = 0; i < s.pages.size(); i += 97) {
    for (const std::size_t k : {i, s.pages.size() - 1 - i}) {
      const Page page = s.pages[k];
      mustache::Data& view = reused[static_cast<std::size_t>(page.kind)];
      s.views.build(page, view);
      ASSERT_EQ(view, s.views.build(page)) << s.urls.output_file(page);
      ++checked;
    }
  }
  EXPECT_GT(checked, 70u);
}

TEST(ViewModel, PagesRenderTheSameInAnyOrder) {
  const Shipped s;
  PageRenderer forwards(s.views);
  PageRenderer backwards(s.views);
  std::vector<std::string> html(s.pages.size());
  for (std::size_t i = 0; i < s.pages.size(); ++i) forwards.render(s.pages[i], html[i]);
  std::string again;
  for (std::size_t i = s.pages.size(); i-- > 0;) {
    backwards.render(s.pages[i], again);
    ASSERT_EQ(again, html[i]) << s.urls.output_file(s.pages[i]);
  }
}

TEST(ViewModel, LabelsWrittenIntoTemplatesRenderAsLookedUpOnes) {
  const Shipped s;
  PageRenderer renderer(s.views);
  std::string bound;
  std::string looked_up;
  for (std::size_t i = 0; i < s.pages.size(); i += 7) {
    const Page page = s.pages[i];
    renderer.render(page, bound);
    // The same page from the project's own templates, `t` found in the globals.
    const mustache::Data view = s.views.build(page);
    const SharedFrames shared = s.views.shared_frames(page);
    std::vector<mustache::Frame> frames(shared.frames.begin(), shared.frames.begin() + shared.size);
    frames.push_back({&view});
    const auto& templates = s.project->inputs.templates;
    looked_up.clear();
    templates.render(*templates.find(ViewModelBuilder::template_name(page.kind)), frames,
                     looked_up);
    ASSERT_EQ(bound, looked_up) << s.urls.output_file(page);
  }
}
