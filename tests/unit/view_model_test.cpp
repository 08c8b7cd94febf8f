// render: view models written over the last page's are the same as fresh ones.
#include <gtest/gtest.h>

#include "plan/pages.hpp"
#include "render/page_renderer.hpp"
#include "render/view_model.hpp"
#include "validate/project.hpp"

using namespace versa;

namespace {

std::unique_ptr<Project> shipped_project() {
  const std::string root = VERSA_SOURCE_DIR;
  Diagnostics diags;
  return validate(load_inputs({root + "/catalogue", root + "/locales", root + "/templates",
                               root + "/site.json"},
                              diags),
                  diags);
}

}  // namespace

TEST(ViewModel, WritingOverAnEarlierPageGivesTheFreshViewModel) {
  const auto project = shipped_project();
  ASSERT_TRUE(project);
  const Plan pages(*project);
  const Urls urls(*project);
  const ViewModelBuilder views(*project, urls);
  // Pages in an order that changes locale, class (1 or 3 class items), RFC
  // (with and without the RFC item) and kind between two of the same kind.
  std::array<mustache::Data, 4> reused;
  std::size_t checked = 0;
  for (std::size_t i = 0; i < pages.size(); i += 97) {
    for (const std::size_t k : {i, pages.size() - 1 - i}) {
      const Page page = pages[k];
      mustache::Data& view = reused[static_cast<std::size_t>(page.kind)];
      views.build(page, view);
      ASSERT_EQ(view, views.build(page)) << urls.output_file(page);
      ++checked;
    }
  }
  EXPECT_GT(checked, 70u);
}

TEST(ViewModel, PagesRenderTheSameInAnyOrder) {
  const auto project = shipped_project();
  ASSERT_TRUE(project);
  const Plan pages(*project);
  const Urls urls(*project);
  const ViewModelBuilder views(*project, urls);
  PageRenderer forwards(*project, views);
  PageRenderer backwards(*project, views);
  std::vector<std::string> html(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) forwards.render(pages[i], html[i]);
  std::string again;
  for (std::size_t i = pages.size(); i-- > 0;) {
    backwards.render(pages[i], again);
    ASSERT_EQ(again, html[i]) << urls.output_file(pages[i]);
  }
}
