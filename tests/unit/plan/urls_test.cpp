// plan: relative links between page folders.
#include <gtest/gtest.h>

#include "plan/pages.hpp"

using versa::Urls;

TEST(Urls, RelativeLinksClimbOnlyWhatTheyMust) {
  EXPECT_EQ(Urls::relative("compare/smtp/a-vs-b/", "smtp/211-x/"), "../../../smtp/211-x/");
  EXPECT_EQ(Urls::relative("compare/smtp/a-vs-b/", "compare/smtp/c-vs-d/"), "../c-vs-d/");
  EXPECT_EQ(Urls::relative("vi/compare/smtp/a-vs-b/", "vi/"), "../../../");
  EXPECT_EQ(Urls::relative("", "vi/"), "vi/");
  EXPECT_EQ(Urls::relative("vi/", "vi/"), "./");
  EXPECT_EQ(Urls::relative("vi/", ""), "../");
  EXPECT_EQ(Urls::relative("vi/smtp/211-x/", "ar/smtp/211-x/"), "../../../ar/smtp/211-x/");
}
