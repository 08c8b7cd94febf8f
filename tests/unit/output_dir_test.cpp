// write: paths stay inside the output folder; links are never followed.
#include <gtest/gtest.h>

#include "../support/temp_dir.hpp"
#include "write/output_dir.hpp"

using namespace versa;
using versa::test::TempDir;

TEST(OutputDir, RefusesPathsThatLeaveTheFolder) {
  TempDir dir;
  OutputDir out(dir / "site");
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
  OutputDir out(dir / "site");
  out.begin(2);
  EXPECT_THROW(out.write(0, "vi/index.html", "x"), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_empty(dir / "elsewhere"));
}

TEST(OutputDir, WritesAtomicallyAndSkipsUnchangedBytes) {
  TempDir dir;
  {
    OutputDir out(dir / "site");
    out.begin(1);
    EXPECT_TRUE(out.write(0, "a/b/index.html", "hello"));
    out.finish("f1", [](std::size_t) { return std::string("a/b/index.html"); });
  }
  EXPECT_EQ(versa::test::read_file(dir / "site/a/b/index.html"), "hello");
  OutputDir again(dir / "site");
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
