// Hostile JSON and input sizes (core/json_document.hpp): deep nesting, huge
// files, numbers out of range, disguised duplicate keys. Each ends in a
// located error, never a crash or an unbounded read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/json_document.hpp"
#include "support/diagnostics_text.hpp"
#include "support/temp_dir.hpp"

using namespace versa;

using versa::test::first_error;
using versa::test::repeat;

TEST(JsonLimits, DeeplyNestedJsonIsALocatedError) {
  Diagnostics diags;
  const std::string text = "{\"a\":\n" + repeat("[", 1'000'000) + repeat("]", 1'000'000) + "}";
  EXPECT_FALSE(JsonDocument::parse(SourceText("locales/en.json", text), diags));
  EXPECT_EQ(first_error(diags).rfind("locales/en.json:2:64: error: JSON nests more than 64", 0), 0u)
      << first_error(diags);
}

TEST(JsonLimits, AHugeInputFileIsRefusedBeforeItIsRead) {
  test::TempDir dir;
  const auto path = dir / "smtp.json";
  std::ofstream(path) << "{}";
  std::filesystem::resize_file(path, std::size_t{100} << 20);  // sparse: no 100 MB written
  Diagnostics diags;
  EXPECT_FALSE(JsonDocument::load(path.string(), diags));
  EXPECT_EQ(first_error(diags),
            path.string() +
                ":1:1: error: file is 100 MiB; input files may be at most 32 MiB "
                "(is this the right file?)");
}

TEST(JsonLimits, NumbersOutOfRangeAreLocated) {
  Diagnostics diags;
  EXPECT_FALSE(
      JsonDocument::parse(SourceText("locales/de.json", "{\n  \"messages\": 1e999\n}"), diags));
  EXPECT_EQ(first_error(diags),
            "locales/de.json:2:15: error: number 1e999 is out of range; write "
            "a smaller number or a string");
}

TEST(JsonLimits, EscapedDuplicateKeysAreStillDuplicates) {
  Diagnostics diags;
  EXPECT_FALSE(JsonDocument::parse(SourceText("x.json", "{\"a\": 1, \"\\u0061\": 2}"), diags));
  EXPECT_EQ(first_error(diags).rfind("x.json:1:10: error: duplicate key \"a\"", 0), 0u)
      << first_error(diags);
}
