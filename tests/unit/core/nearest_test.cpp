// core/nearest: "did you mean" for a misspelled command, flag, key or name.
// Distances are counted by hand.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/nearest.hpp"

using versa::edit_distance;
using versa::nearest;

TEST(Nearest, EditDistanceCountsInsertionsDeletionsReplacementsAndSwaps) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);  // k->s, e->i, +g
  EXPECT_EQ(edit_distance("biuld", "build"), 1u);     // one swap
  EXPECT_EQ(edit_distance("jbos", "jobs"), 1u);
}

TEST(Nearest, SuggestsOnlyWhatIsCloseEnoughToBeMeant) {
  const std::vector<std::string> commands{"build", "check", "serve", "new-locale", "render"};
  EXPECT_EQ(nearest("biuld", commands), "build");
  EXPECT_EQ(nearest("chekc", commands), "check");
  EXPECT_EQ(nearest("newlocale", commands), "new-locale");
  EXPECT_FALSE(nearest("frobnicate", commands));
  EXPECT_FALSE(nearest("xyz", commands));
  EXPECT_FALSE(nearest("build", commands));  // the name itself is no suggestion
  const std::vector<std::string> keys{"heading_html", "intro_html", "differences"};
  EXPECT_EQ(nearest("introduction_html", keys), "intro_html");
  EXPECT_EQ(nearest("diferences", keys), "differences");
}
