// The official Mustache specification, one test per case
// ("Official/MustacheSpec.Case/sections_Truthy"), so a failure names its case.
// The required modules and the optional inheritance module run; the other
// optional modules (lambdas, dynamic names) are not implemented.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "mustache/template.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace versa;

namespace {

constexpr const char* kModules[] = {"comments", "delimiters", "interpolation", "inverted",
                                    "partials", "sections",   "inheritance"};

struct SpecCase {
  std::string module;
  std::string name;  ///< as the spec names it
  std::string id;    ///< module_Name, sanitised to [A-Za-z0-9_], unique
  std::string desc;
  std::string template_text;
  json data;
  std::map<std::string, std::string> partials;
  std::string expected;
};

// gtest prints a parameter when a test fails; the id is enough.
[[maybe_unused]] void PrintTo(const SpecCase& c, std::ostream* out) {
  *out << c.id;
}

struct SpecFiles {
  std::vector<SpecCase> cases;
  std::vector<std::string> problems;  ///< files missing or unreadable
};

std::string sanitised(const std::string& text) {
  std::string out;
  for (const char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

// Read once, when the tests are registered (gtest evaluates the parameter
// generator at start-up). A problem is recorded for MustacheSpecFiles to
// report instead of thrown, which would abort before any test runs.
const SpecFiles& spec_files() {
  static const SpecFiles files = [] {
    SpecFiles f;
    const fs::path dir = VERSA_MUSTACHE_SPEC_DIR;
    std::map<std::string, int> seen;
    for (const char* module : kModules) {
      const fs::path file = dir / (std::string(module) + ".json");
      std::ifstream in(file);
      if (!in) {
        f.problems.push_back("cannot read " + file.string());
        continue;
      }
      try {
        const json spec = json::parse(in);
        for (const json& t : spec.at("tests")) {
          SpecCase c;
          c.module = module;
          c.name = t.at("name").get<std::string>();
          c.id = sanitised(c.module + "_" + c.name);
          // Two inheritance cases share a name: number the second.
          if (const int n = ++seen[c.id]; n > 1) c.id += "_" + std::to_string(n);
          c.desc = t.value("desc", "");
          c.template_text = t.at("template").get<std::string>();
          c.data = t.at("data");
          if (t.contains("partials")) {
            for (const auto& [name, text] : t["partials"].items()) {
              c.partials[name] = text.get<std::string>();
            }
          }
          c.expected = t.at("expected").get<std::string>();
          f.cases.push_back(std::move(c));
        }
      } catch (const json::exception& e) {
        f.problems.push_back(file.string() + ": " + e.what());
      }
    }
    return f;
  }();
  return files;
}

class MustacheSpec : public testing::TestWithParam<SpecCase> {};

}  // namespace

TEST_P(MustacheSpec, Case) {
  const SpecCase& c = GetParam();
  SCOPED_TRACE(c.module + ": " + c.name + " (" + c.desc + ")");
  Diagnostics diags;
  mustache::TemplateSet set;
  for (const auto& [name, text] : c.partials) set.add(name, SourceText(name, text), diags);
  ASSERT_TRUE(set.add("__main", SourceText("template", c.template_text), diags))
      << format_diagnostic(diags.all().front());
  EXPECT_EQ(set.render("__main", c.data), c.expected) << "template: " << json(c.template_text);
}

INSTANTIATE_TEST_SUITE_P(Official, MustacheSpec, testing::ValuesIn(spec_files().cases),
                         [](const testing::TestParamInfo<SpecCase>& info) {
                           return info.param.id;
                         });

// Without the files there would be no case above and nothing would fail.
TEST(MustacheSpecFiles, EveryModuleIsReadWithAllItsCases) {
  const SpecFiles& f = spec_files();
  EXPECT_TRUE(f.problems.empty()) << testing::PrintToString(f.problems);
  std::map<std::string, int> per_module;
  for (const SpecCase& c : f.cases) ++per_module[c.module];
  for (const char* module : kModules) EXPECT_GT(per_module[module], 0) << module;
  // The spec at the commit kept in tests/data/mustache-spec/ (README.md there).
  EXPECT_EQ(f.cases.size(), 163u);
}
