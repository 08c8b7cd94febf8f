// Text from translators and contributors cannot inject markup: every string of
// the catalogue and of one locale gets a payload appended, and no output file
// may contain it unescaped.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/run_versa.hpp"

using namespace versa::test;
using nlohmann::ordered_json;

namespace {

constexpr const char* kPayload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

// Appends the payload to every string except identifiers that must stay
// URL-safe (codes, slugs, protocol ids) and are validated as such.
void poison(ordered_json& j, const std::string& key = "") {
  if (j.is_string()) {
    if (key != "code" && key != "slug" && key != "protocol") j = j.get<std::string>() + kPayload;
  } else if (j.is_object()) {
    for (auto& [k, v] : j.items()) poison(v, k);
  } else if (j.is_array()) {
    for (auto& v : j) poison(v, key);
  }
}

}  // namespace

TEST(HostileInput, MarkupInTextsIsEscapedEverywhere) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  for (const char* file : {"catalogue/smtp.json", "locales/de.json"}) {
    auto j = ordered_json::parse(read_file(dir / file));
    poison(j);
    write_file(dir / file, j.dump(2));
  }
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "site")) {
    if (!e.is_regular_file()) continue;
    ++files;
    const std::string text = read_file(e.path());
    ASSERT_EQ(text.find("<script>alert"), std::string::npos) << e.path();
    ASSERT_EQ(text.find("<img src=x"), std::string::npos) << e.path();
  }
  EXPECT_GT(files, 3000u);
  // The payload is there, escaped, where the text is shown.
  const std::string de =
      read_file(dir / "site/de/compare/smtp/211-system-status-vs-500-syntax-error/index.html");
  EXPECT_NE(de.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}
