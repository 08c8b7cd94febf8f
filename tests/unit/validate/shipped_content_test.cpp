// The shipped catalogue and locales are complete and consistent.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "i18n/localization.hpp"
#include "load/inputs.hpp"
#include "validate/project.hpp"

using namespace versa;

namespace {

InputPaths shipped() {
  const std::string root = VERSA_SOURCE_DIR;
  return {root + "/catalogue", root + "/locales", root + "/templates", root + "/site.json"};
}

std::string dump(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += format_diagnostic(x) + "\n";
  return out;
}

}  // namespace

TEST(ShippedContent, ValidatesStrictlyWithoutAnyWarning) {
  Diagnostics diags;
  auto project = validate(load_inputs(shipped(), diags), diags, ValidateOptions{true});
  EXPECT_TRUE(project);
  EXPECT_TRUE(diags.all().empty()) << dump(diags);
}

TEST(ShippedContent, EveryLocaleHasEveryKeyWithTheSameArguments) {
  Diagnostics diags;
  const Inputs in = load_inputs(shipped(), diags);
  ASSERT_FALSE(diags.has_errors()) << dump(diags);
  const auto en = std::find_if(in.locales.begin(), in.locales.end(),
                               [](const LocaleFile& l) { return l.tag == "en"; });
  ASSERT_NE(en, in.locales.end());
  const CompiledMessages base = compile_messages(*en, diags);
  std::set<std::string> tags;
  for (const LocaleFile& locale : in.locales) {
    tags.insert(locale.tag);
    const CompiledMessages compiled = compile_messages(locale, diags);
    ASSERT_FALSE(diags.has_errors()) << dump(diags);
    ASSERT_EQ(compiled.messages.size(), base.messages.size()) << locale.tag;
    for (const auto& [key, message] : base.messages) {
      const auto it = compiled.messages.find(key);
      ASSERT_NE(it, compiled.messages.end()) << locale.tag << " lacks " << key;
      EXPECT_EQ(it->second->arguments(), message->arguments()) << locale.tag << " " << key;
    }
    if (locale.tag == "en") continue;
    // Every catalogue text is translated and non-empty.
    for (const Protocol& p : in.protocols) {
      const auto texts = locale.catalogue.find(p.id);
      ASSERT_NE(texts, locale.catalogue.end()) << locale.tag;
      for (const std::string& key : catalogue_text_keys(p)) {
        const auto t = texts->second.find(key);
        ASSERT_NE(t, texts->second.end()) << locale.tag << " lacks " << key;
        EXPECT_FALSE(t->second.empty()) << locale.tag << " " << key;
      }
    }
  }
  EXPECT_EQ(tags, (std::set<std::string>{"ar", "de", "en", "id", "tr", "vi"}));
}

TEST(ShippedContent, CatalogueHasAllCodesWithCompleteFieldsAndSafeUniqueSlugs) {
  Diagnostics diags;
  const Inputs in = load_inputs(shipped(), diags);
  ASSERT_EQ(in.protocols.size(), 1u);
  const Protocol& smtp = in.protocols[0];
  std::set<std::string> codes, slugs;
  const std::regex slug_pattern("[a-z0-9-]+");
  for (const ReplyCode& c : smtp.codes) {
    codes.insert(c.code);
    EXPECT_TRUE(slugs.insert(c.slug).second) << "duplicate slug " << c.slug;
    EXPECT_TRUE(std::regex_match(c.slug, slug_pattern)) << c.slug;
    EXPECT_FALSE(c.rfc.empty()) << c.code;
    EXPECT_FALSE(c.section.empty()) << c.code;
    for (const char* field : kCodeTextFields) {
      EXPECT_FALSE(c.texts.at(field).empty()) << c.code << " " << field;
    }
  }
  const std::set<std::string> expected = {
      "211", "214", "220", "221", "250", "251", "252", "354", "421", "450", "451", "452",
      "455", "500", "501", "502", "503", "504", "550", "551", "552", "553", "554", "555",
      "235", "334", "432", "454", "530", "534", "535", "538", "521", "556"};
  EXPECT_EQ(codes, expected);
}
