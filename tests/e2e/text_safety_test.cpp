// Text a page cannot show is refused, located; private-use characters (icon
// fonts) are ordinary text and reach the page unchanged.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/run_versa.hpp"

using namespace versa::test;
using nlohmann::ordered_json;

namespace {

// The shipped project with only the locales named, so a build stays quick.
void small_project(const fs::path& dir, std::initializer_list<std::string> locales) {
  copy_shipped_inputs(dir);
  for (const auto& e : fs::directory_iterator(dir / "locales")) {
    if (std::find(locales.begin(), locales.end(), e.path().stem().string()) == locales.end()) {
      fs::remove(e.path());
    }
  }
}

void edit_json(const fs::path& file, const std::function<void(ordered_json&)>& edit) {
  auto j = ordered_json::parse(read_file(file));
  edit(j);
  write_file(file, j.dump(2, ' ', false));  // UTF-8 as is, no \u escapes
}

// "line:col" of the first occurrence of `needle`, columns in code points.
std::string position_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  const std::size_t line_start = text.rfind('\n', at) + 1;  // npos + 1 == 0
  int col = 1;
  for (std::size_t i = line_start; i < at; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  const auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  return std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

TEST(TextSafety, PrivateUseCharactersReachThePageUnchanged) {
  TempDir dir;
  small_project(dir.path(), {"en"});
  edit_json(dir / "catalogue/smtp.json", [](ordered_json& j) {
    j["codes"][0]["name"] = j["codes"][0]["name"].get<std::string>() + " \uE000";
  });
  // A plural message with a text argument (protocol) and numbers: the
  // formatter's own markers must not be confused with the user's characters.
  edit_json(dir / "locales/en.json", [](ordered_json& j) {
    j["messages"]["home_summary"] =
        "\uE000\uE001 " + j["messages"]["home_summary"].get<std::string>();
  });
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string home = read_file(dir / "site/index.html");
  EXPECT_NE(home.find("System Status \uE000"), std::string::npos);
  EXPECT_NE(home.find("\uE000\uE001 <bdi>SMTP</bdi>: 34 reply codes"), std::string::npos);
}

TEST(TextSafety, AnOverrideInALocaleTextIsLocatedAndNothingIsWritten) {
  TempDir dir;
  small_project(dir.path(), {"en", "de"});
  edit_json(dir / "locales/de.json",
            [](ordered_json& j) { j["catalogue"]["smtp"]["codes"]["250"]["name"] = "O\u202EK"; });
  const std::string where = position_of(read_file(dir / "locales/de.json"), "\u202E");
  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("locales/de.json:" + where +
                       ": error: U+202E RIGHT-TO-LEFT OVERRIDE is never closed; close it with "
                       "U+202C POP DIRECTIONAL FORMATTING before the end of the text"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("; nothing was written"), std::string::npos) << r.err;
  // A failed first build may leave site/ empty, but writes no file into it.
  EXPECT_TRUE(!fs::exists(dir / "site") || fs::is_empty(dir / "site"));
  EXPECT_FALSE(fs::exists(dir / ".site.versa-manifest"));
}
