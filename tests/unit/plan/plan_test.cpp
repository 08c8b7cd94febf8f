// plan: every page once, in a stable order (per locale the home page, then per
// protocol its code pages and each unordered pair of codes once, lower first;
// last the "not found" page), computed from its number.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "plan/pages.hpp"
#include "support/tiny_project.hpp"

using namespace versa;
using versa::test::catalogue_code;
using versa::test::smtp_catalogue;
using versa::test::TempDir;

namespace {

// "kind:locale:protocol:a-b", kinds numbered as PageKind declares them.
std::vector<std::string> describe(const Plan& plan) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Page p = plan[i];
    out.push_back(std::to_string(static_cast<int>(p.kind)) + ":" + std::to_string(p.locale) + ":" +
                  std::to_string(p.protocol) + ":" + std::to_string(p.a) + "-" +
                  std::to_string(p.b));
  }
  return out;
}

}  // namespace

TEST(Plan, NumbersEveryPageOnceInAStableOrder) {
  TempDir dir;
  versa::test::make_tiny_project(
      dir, smtp_catalogue(catalogue_code("250", "ok") + ",\n" + catalogue_code("251", "forward") +
                          ",\n" + catalogue_code("500", "syntax-error")));
  versa::test::write_file(dir / "locales/de.json", R"({"messages": {}})");
  auto c = versa::test::check_project(dir);
  ASSERT_TRUE(c->project) << c->all();
  ASSERT_EQ(c->project->localizations[0].tag(), "de");
  ASSERT_EQ(c->project->default_locale, 1u);  // en
  const Plan plan(*c->project);
  // Per locale: home, 3 code pages, 3 pairs; then the "not found" page in en.
  EXPECT_EQ(describe(plan), (std::vector<std::string>{
                                "0:0:0:0-0", "1:0:0:0-0", "1:0:0:1-0", "1:0:0:2-0", "2:0:0:0-1",
                                "2:0:0:0-2", "2:0:0:1-2", "0:1:0:0-0", "1:1:0:0-0", "1:1:0:1-0",
                                "1:1:0:2-0", "2:1:0:0-1", "2:1:0:0-2", "2:1:0:1-2", "3:1:0:0-0"}));
}
