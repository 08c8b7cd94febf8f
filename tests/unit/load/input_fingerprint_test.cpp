// The input fingerprint (load/input_fingerprint.hpp): it changes with every
// input byte and every build option, and reads files the way the loaders do,
// so a FIFO or a huge file changes it without hanging or being read.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "load/input_fingerprint.hpp"
#include "support/temp_dir.hpp"

using namespace versa;
namespace fs = std::filesystem;

namespace {

InputPaths paths_in(const fs::path& dir) {
  return {(dir / "catalogue").string(), (dir / "locales").string(), (dir / "templates").string(),
          (dir / "site.json").string()};
}

void make_inputs(const fs::path& dir) {
  for (const char* sub : {"catalogue", "locales", "templates"}) fs::create_directories(dir / sub);
  test::write_file(dir / "site.json", "{}");
  test::write_file(dir / "locales/en.json", "{\"messages\": {}}");
}

}  // namespace

TEST(InputFingerprint, FollowsEveryInputByte) {
  test::TempDir dir;
  make_inputs(dir.path());
  const std::string first = input_fingerprint(paths_in(dir.path()), "");
  EXPECT_EQ(first.size(), 16u);
  EXPECT_EQ(input_fingerprint(paths_in(dir.path()), ""), first);
  EXPECT_NE(input_fingerprint(paths_in(dir.path()), "strict"), first);
  test::write_file(dir / "templates/assets/a.css", "a{}");
  EXPECT_NE(input_fingerprint(paths_in(dir.path()), ""), first);
}

TEST(InputFingerprint, FifosAndHugeFilesChangeItWithoutBeingRead) {
  test::TempDir dir;
  make_inputs(dir.path());
  const std::string first = input_fingerprint(paths_in(dir.path()), "");
  ASSERT_EQ(::mkfifo((dir / "locales/xx.json").c_str(), 0644), 0);
  EXPECT_NE(input_fingerprint(paths_in(dir.path()), ""), first);
  fs::remove(dir / "locales/xx.json");
  test::write_file(dir / "locales/xx.json", "{}");
  fs::resize_file(dir / "locales/xx.json", std::uintmax_t{4} << 30);  // sparse
  EXPECT_NE(input_fingerprint(paths_in(dir.path()), ""), first);
}
