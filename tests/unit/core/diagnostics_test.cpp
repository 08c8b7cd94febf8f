// core/diagnostics: what a reader sees first is what must be fixed, in the
// order of the files, and colour only when asked for.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/diagnostics.hpp"

using versa::Diagnostics;

namespace {

std::string printed(const Diagnostics& d, bool colour = false) {
  std::ostringstream out;
  d.print(out, colour);
  return out.str();
}

}  // namespace

TEST(Diagnostics, ErrorsComeFirstThenWarningsEachInFileAndLineOrder) {
  Diagnostics d;
  d.warning({"locales/de.json", 3, 1}, "w3");
  d.error({"templates/layout.html", 9, 2}, "e9");
  d.warning({"locales/de.json", 1, 5}, "w1");
  d.error({"locales/vi.json", 40, 7}, "e40");
  d.error({"templates/layout.html", 2, 14}, "e2");
  d.warning({"catalogue", 0, 0}, "no line");
  d.error({"templates/layout.html", 2, 3}, "e2 before");
  EXPECT_EQ(printed(d),
            "locales/vi.json:40:7: error: e40\n"
            "templates/layout.html:2:3: error: e2 before\n"
            "templates/layout.html:2:14: error: e2\n"
            "templates/layout.html:9:2: error: e9\n"
            "catalogue: warning: no line\n"
            "locales/de.json:1:5: warning: w1\n"
            "locales/de.json:3:1: warning: w3\n");
}

TEST(Diagnostics, TwoAtOnePlaceKeepTheOrderTheyWereFoundIn) {
  Diagnostics d;
  d.error({"a.html", 1, 1}, "first");
  d.error({"a.html", 1, 1}, "second");
  EXPECT_EQ(printed(d), "a.html:1:1: error: first\na.html:1:1: error: second\n");
}

TEST(Diagnostics, CountsSayHowManyOfEachInWords) {
  Diagnostics d;
  EXPECT_EQ(d.counts(), "0 errors, 0 warnings");
  d.error({"a"}, "x");
  d.warning({"a"}, "y");
  EXPECT_EQ(d.counts(), "1 error, 1 warning");
  d.error({"a"}, "x");
  d.warning({"a"}, "y");
  d.warning({"a"}, "y");
  EXPECT_EQ(d.counts(), "2 errors, 3 warnings");
  EXPECT_EQ(d.warning_count(), 3);
}

// The escapes compilers use: the location bold, "error:" bold red,
// "warning:" bold magenta, each closed by a reset; none without colour.
TEST(Diagnostics, ColourMarksTheLocationAndTheSeverityOnlyWhenAsked) {
  Diagnostics d;
  d.warning({"de.json", 2, 4}, "long");
  d.error({"a.html", 1, 3}, "bad");
  EXPECT_EQ(printed(d, true),
            "\x1b[1ma.html:1:3:\x1b[0m \x1b[1;31merror:\x1b[0m bad\n"
            "\x1b[1mde.json:2:4:\x1b[0m \x1b[1;35mwarning:\x1b[0m long\n");
  EXPECT_EQ(printed(d).find('\x1b'), std::string::npos);
  EXPECT_EQ(d.counts(true), "\x1b[1;31m1 error\x1b[0m, \x1b[1;35m1 warning\x1b[0m");
  EXPECT_EQ(d.counts(false), "1 error, 1 warning");
  Diagnostics clean;
  EXPECT_EQ(clean.counts(true), "0 errors, 0 warnings");  // nothing to draw the eye to
}
