// write: paths stay inside the output folder; links are never followed; an
// empty folder receives a build only once it is complete.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "write/output_dir.hpp"

using namespace versa;
using versa::test::TempDir;

TEST(OutputDir, RefusesPathsThatLeaveTheFolder) {
  TempDir dir;
  OutputDir out((dir / "site").string());
  out.begin(8);
  const std::vector<std::string> bad_paths = {
      "../x.html", "/etc/x.html", "a/../../x.html", "./x.html", std::string("a\0b.html", 8),
      "a//b.html", "a\\b.html"};
  for (const std::string& bad : bad_paths) {
    EXPECT_THROW(out.write(0, bad, "x"), std::runtime_error) << bad;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "x.html"));
}

TEST(OutputDir, NeverWritesThroughASymbolicLink) {
  TempDir dir;
  std::filesystem::create_directories(dir / "site");
  std::filesystem::create_directories(dir / "elsewhere");
  std::filesystem::create_directory_symlink(dir / "elsewhere", dir / "site/vi");
  OutputDir out((dir / "site").string());
  out.begin(2);
  EXPECT_THROW(out.write(0, "vi/index.html", "x"), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_empty(dir / "elsewhere"));
}

TEST(OutputDir, WritesAtomicallyAndSkipsUnchangedBytes) {
  TempDir dir;
  {
    OutputDir out((dir / "site").string());
    out.begin(1);
    EXPECT_TRUE(out.write(0, "a/b/index.html", "hello"));
    out.finish("f1", [](std::size_t) { return std::string("a/b/index.html"); });
  }
  EXPECT_EQ(versa::test::read_file(dir / "site/a/b/index.html"), "hello");
  OutputDir again((dir / "site").string());
  EXPECT_EQ(again.previous_fingerprint(), "f1");
  EXPECT_TRUE(again.intact());
  again.begin(1);
  EXPECT_FALSE(again.write(0, "a/b/index.html", "hello"));
  EXPECT_TRUE(again.write(0, "a/b/index.html", "hello!"));
  EXPECT_EQ(versa::test::read_file(dir / "site/a/b/index.html"), "hello!");
  // No temporary file is left behind.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "site"))
    files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

namespace {
// Entries of `folder`, by name.
std::vector<std::string> names(const std::filesystem::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    out.push_back(e.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST(OutputDir, AnEmptyFolderStaysEmptyUntilTheBuildFinishes) {
  TempDir dir;
  const std::vector<std::string> paths = {"vi/a/index.html", "index.html"};
  {
    OutputDir out((dir / "site").string());
    EXPECT_TRUE(out.staged());
    out.begin(2);
    EXPECT_TRUE(out.write(0, paths[0], "a"));
    EXPECT_TRUE(out.write(1, paths[1], "i"));
    EXPECT_TRUE(std::filesystem::is_empty(dir / "site"));
    out.finish("f", [&](std::size_t i) { return paths[i]; });
  }
  EXPECT_EQ(versa::test::read_file(dir / "site/vi/a/index.html"), "a");
  EXPECT_EQ(versa::test::read_file(dir / "site/index.html"), "i");
  EXPECT_EQ(names(dir.path()), (std::vector<std::string>{".site.versa-manifest", "site"}));
  // The manifest recorded the files as they are once moved: nothing to redo.
  OutputDir again((dir / "site").string());
  EXPECT_FALSE(again.staged());
  EXPECT_TRUE(again.intact());
}

TEST(OutputDir, ABuildThatStopsLeavesNoTrace) {
  TempDir dir;
  {
    OutputDir out((dir / "site").string());
    out.begin(1);
    EXPECT_TRUE(out.write(0, "a/index.html", "x"));
  }  // no finish(): the build failed, and removed the folder it had created
  EXPECT_TRUE(names(dir.path()).empty());
  std::filesystem::create_directory(dir / "site");
  {
    OutputDir out((dir / "site").string());
    out.begin(1);
    EXPECT_TRUE(out.write(0, "a/index.html", "x"));
  }  // a folder that was there before stays
  EXPECT_TRUE(std::filesystem::is_empty(dir / "site"));
  EXPECT_EQ(names(dir.path()), std::vector<std::string>{"site"});
}

TEST(OutputDir, RemovesWhatAKilledBuildStaged) {
  TempDir dir;
  const auto stale = dir / ".site.versa-staging-999999999";
  std::filesystem::create_directories(stale / "vi");
  std::ofstream(stale / "vi/index.html") << "half";
  std::ofstream(stale / ".versa-staging") << "versa staging folder\n";
  // A folder named alike without versa's marker is someone else's.
  const auto foreign = dir / ".site.versa-staging-12";
  std::filesystem::create_directories(foreign);
  std::ofstream(foreign / "notes.txt") << "mine";
  OutputDir out((dir / "site").string());
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_EQ(versa::test::read_file(foreign / "notes.txt"), "mine");
  ASSERT_EQ(out.warnings().size(), 1u);
  EXPECT_NE(out.warnings()[0].find("no versa marker"), std::string::npos);
}
