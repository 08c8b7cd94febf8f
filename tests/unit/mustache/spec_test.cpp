// Runs every case of the official Mustache specification through the engine.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "mustache/template.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace versa;

namespace {

struct SpecResult {
  int passed = 0;
  int total = 0;
};

SpecResult run_spec_file(const fs::path& file) {
  std::ifstream in(file);
  const json spec = json::parse(in);
  SpecResult result;
  for (const json& test : spec["tests"]) {
    ++result.total;
    SCOPED_TRACE(file.filename().string() + ": " + test["name"].get<std::string>());
    Diagnostics diags;
    mustache::TemplateSet set;
    if (test.contains("partials")) {
      for (const auto& [name, text] : test["partials"].items()) {
        set.add(name, SourceText(name, text.get<std::string>()), diags);
      }
    }
    if (!set.add("__main", SourceText("template", test["template"].get<std::string>()), diags)) {
      ADD_FAILURE() << format_diagnostic(diags.all().front());
      continue;
    }
    const std::string got = set.render("__main", test["data"]);
    EXPECT_EQ(got, test["expected"].get<std::string>()) << "template: " << test["template"].dump();
    if (got == test["expected"].get<std::string>()) ++result.passed;
  }
  return result;
}

}  // namespace

TEST(MustacheSpec, EveryRequiredModuleAndInheritancePasses) {
  const fs::path dir = VERSA_MUSTACHE_SPEC_DIR;
  ASSERT_TRUE(fs::is_directory(dir)) << "no Mustache spec at " << dir;
  int passed = 0;
  int total = 0;
  for (const char* name : {"comments", "delimiters", "interpolation", "inverted", "partials",
                           "sections", "inheritance"}) {
    const fs::path file = dir / (std::string(name) + ".json");
    ASSERT_TRUE(fs::exists(file)) << file;
    const SpecResult r = run_spec_file(file);
    std::cout << "mustache spec " << name << ": " << r.passed << "/" << r.total << " passed\n";
    passed += r.passed;
    total += r.total;
  }
  std::cout << "mustache spec total: " << passed << "/" << total << " passed\n";
  EXPECT_EQ(passed, total);
  EXPECT_GT(total, 150);
}
