// A section, block or layout tag left open or closed by the wrong tag in the
// shipped templates: the build reports that one mistake, at its opening tag,
// and nothing that only follows from it (the pages that extend a broken
// layout are not reported as naming an unknown template).
#include <gtest/gtest.h>

#include <sstream>

#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

const fs::path kBadInputs = fs::path(VERSA_SOURCE_DIR) / "tests/data/bad-inputs";

// The lines of `text` that report an error.
std::vector<std::string> error_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(": error: ") != std::string::npos) out.push_back(line);
  }
  return out;
}

}  // namespace

// The bad-inputs cases about sections (their folders hold the broken
// template and the one error line expected).
TEST(TemplateSections, OnlyTheMistakeIsReportedAtItsOpeningTag) {
  TempDir dir;
  copy_small_project(dir.path());
  const std::string cases[] = {"unclosed-section-in-block", "unclosed-section-in-layout",
                               "mismatched-close-in-block", "unclosed-block", "unclosed-parent"};
  for (const std::string& name : cases) {
    SCOPED_TRACE(name);
    const fs::path corpus = kBadInputs / name / "templates";
    ASSERT_TRUE(fs::is_directory(corpus));
    std::vector<fs::path> replaced;
    for (const auto& f : fs::directory_iterator(corpus)) {
      replaced.push_back(dir / "templates" / f.path().filename());
      fs::rename(replaced.back(), dir.path() / ("kept-" + f.path().filename().string()));
      fs::copy_file(f.path(), replaced.back());
    }
    std::string expected = read_file(kBadInputs / name / "expected.txt");
    while (!expected.empty() && expected.back() == '\n') expected.pop_back();
    const RunResult r = run_versa(dir.path(), "check");
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(error_lines(r.err), std::vector<std::string>{expected}) << r.err;
    for (const fs::path& p : replaced) {  // the shipped template back
      fs::remove(p);
      fs::rename(dir.path() / ("kept-" + p.filename().string()), p);
    }
  }
}
