// What ICU tells about locale tags.
#include <gtest/gtest.h>

#include "i18n/locale_info.hpp"

using namespace versa;

TEST(LocaleInfo, DirectionAndNativeNameComeFromIcu) {
  std::string why;
  auto ar = describe_locale("ar", why);
  ASSERT_TRUE(ar);
  EXPECT_TRUE(ar->rtl);
  EXPECT_STREQ(ar->dir(), "rtl");
  EXPECT_EQ(ar->native_name, "العربية");
  auto vi = describe_locale("vi", why);
  ASSERT_TRUE(vi);
  EXPECT_FALSE(vi->rtl);
  EXPECT_EQ(vi->native_name, "Tiếng Việt");
  EXPECT_EQ(describe_locale("de", why)->native_name, "Deutsch");
  EXPECT_EQ(describe_locale("tr", why)->native_name, "Türkçe");
  EXPECT_TRUE(describe_locale("he", why)->rtl);
  EXPECT_TRUE(describe_locale("fa", why)->rtl);
  EXPECT_TRUE(describe_locale("ur", why)->rtl);
}

TEST(LocaleInfo, RejectsMalformedAndUnknownTags) {
  std::string why;
  EXPECT_FALSE(describe_locale("en_US", why));
  EXPECT_NE(why.find("en-US"), std::string::npos) << why;
  EXPECT_FALSE(describe_locale("not a tag", why));
  EXPECT_FALSE(describe_locale("qqq", why));
  EXPECT_FALSE(describe_locale("", why));
  EXPECT_TRUE(describe_locale("pt-BR", why));
}

TEST(LocaleInfo, FallbackChainEndsWithTheBase) {
  EXPECT_EQ(fallback_chain("de-AT", "en"), (std::vector<std::string>{"de-AT", "de", "en"}));
  EXPECT_EQ(fallback_chain("zh-Hant-TW", "en"),
            (std::vector<std::string>{"zh-Hant-TW", "zh-Hant", "zh", "en"}));
  EXPECT_EQ(fallback_chain("en", "en"), (std::vector<std::string>{"en"}));
}
