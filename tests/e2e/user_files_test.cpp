// write: files in site/ that versa did not make are never removed or
// changed: not on a first build into a folder that already holds them (no
// manifest yet), not when a rebuild drops pages, not when the folder they are
// in is one versa no longer makes (it stays, with a warning).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;
using json = nlohmann::ordered_json;

namespace {

// The user's files that are there, each with its bytes and mtime.
std::map<std::string, std::string> user_files(const fs::path& site,
                                              const std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  for (const auto& n : names) {
    if (fs::exists(site / n)) {
      out[n] = read_file(site / n) + " (mtime " +
               std::to_string(fs::last_write_time(site / n).time_since_epoch().count()) + ")";
    }
  }
  return out;
}

std::set<std::string> tree(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    out.insert(fs::relative(e.path(), root).string());
  return out;
}

std::size_t removed_count(const std::string& out) {
  std::smatch m;
  return std::regex_search(out, m, std::regex(R"(, (\d+) removed)")) ? std::stoul(m[1]) : 999999;
}

}  // namespace

TEST(UserFiles, AFirstBuildIntoAFolderThatHoldsThemKeepsThemAndLaterBuildsToo) {
  TempDir dir;
  copy_small_project(dir.path());
  const fs::path site = dir / "site";
  // Before versa ever ran here: the user's own files, some in folders versa
  // will write into.
  const std::vector<std::string> names = {"notes.txt", "de/extra.html", "assets/custom.css",
                                          "compare/smtp/my-page/index.html", "private/keep.md"};
  for (const auto& n : names) write_file(site / n, "mine: " + n + "\n");
  fs::last_write_time(site / "notes.txt",
                      fs::last_write_time(site / "notes.txt") - std::chrono::hours(24));
  const auto before = user_files(site, names);
  ASSERT_EQ(before.size(), names.size());
  ASSERT_FALSE(fs::exists(dir / ".site.versa-manifest"));

  RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(user_files(site, names), before);
  // versa's pages are there beside them.
  const std::string page = "de/compare/smtp/211-system-status-vs-214-help-message/index.html";
  ASSERT_TRUE(fs::is_regular_file(site / page));
  EXPECT_EQ(HtmlPage::attr(HtmlPage(read_file(site / page)).all(GUMBO_TAG_HTML).at(0), "lang"),
            "de");
  EXPECT_TRUE(fs::is_regular_file(site / "index.html"));
  EXPECT_TRUE(fs::is_regular_file(site / "assets/style.css"));

  // A rebuild that drops pages: a code, then a language.
  json catalogue = json::parse(read_file(dir / "catalogue/smtp.json"));
  auto& codes = catalogue["codes"];
  codes.erase(
      std::remove_if(codes.begin(), codes.end(), [](const json& c) { return c["code"] == "214"; }),
      codes.end());
  for (auto& c : codes) {  // no code may name it any more
    auto& confused = c["confused_with"];
    confused.erase(std::remove(confused.begin(), confused.end(), "214"), confused.end());
  }
  write_file(dir / "catalogue/smtp.json", catalogue.dump(2) + "\n");
  for (const auto& e : fs::directory_iterator(dir / "locales")) {
    json locale = json::parse(read_file(e.path()));
    if (locale.contains("catalogue")) locale["catalogue"]["smtp"]["codes"].erase("214");
    write_file(e.path(), locale.dump(2) + "\n");
  }
  r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(site / page));
  EXPECT_GT(removed_count(r.out), 0u) << r.out;
  EXPECT_EQ(user_files(site, names), before);

  fs::remove(dir / "locales/de.json");
  r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(site / "de/index.html"));
  EXPECT_EQ(user_files(site, names), before);
  ASSERT_TRUE(fs::is_directory(site / "de"));
  EXPECT_EQ(tree(site / "de"), std::set<std::string>{"extra.html"});
}

// The user put notes into site/tr/; then Turkish is dropped. versa's files
// there go, the notes stay, and so does the folder, with a warning.
TEST(UserFiles, AFolderVersaNoLongerMakesKeepsTheUsersFileAndIsReported) {
  TempDir dir;
  copy_small_project(dir.path());
  const fs::path site = dir / "site";
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  std::size_t versa_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(site / "tr"))
    versa_files += e.is_regular_file();
  ASSERT_GT(versa_files, 0u);
  write_file(site / "tr/notes.txt", "my notes\n");
  write_file(site / "tr/compare/smtp/draft.txt", "a draft\n");
  const auto before = user_files(site, {"tr/notes.txt", "tr/compare/smtp/draft.txt"});

  fs::remove(dir / "locales/tr.json");
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(user_files(site, {"tr/notes.txt", "tr/compare/smtp/draft.txt"}), before);
  // Every file versa made there is gone; the folders that hold the user's stay.
  ASSERT_TRUE(fs::is_directory(site / "tr"));
  EXPECT_EQ(tree(site / "tr"), (std::set<std::string>{"notes.txt", "compare", "compare/smtp",
                                                      "compare/smtp/draft.txt"}));
  EXPECT_EQ(removed_count(r.out), versa_files) << r.out;
  // Each folder kept is reported, once.
  for (const std::string folder : {"site/tr/", "site/tr/compare/smtp/"}) {
    const std::string warning =
        "warning: kept " + folder +
        ": versa no longer writes into it, but it holds files versa did not make or did not "
        "remove; remove it by hand if it is no longer wanted\n";
    const auto at = r.err.find(warning);
    EXPECT_NE(at, std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(warning, at + 1), std::string::npos) << r.err;
  }
  EXPECT_EQ(r.err.find("kept site/de"), std::string::npos) << r.err;

  // The next build, with nothing to remove, says nothing more.
  std::ofstream(dir / "templates/layout.html", std::ios::app) << "<!-- changed -->\n";
  const RunResult again = run_versa(dir.path(), "build");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(user_files(site, {"tr/notes.txt", "tr/compare/smtp/draft.txt"}), before);
}
