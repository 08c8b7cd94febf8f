// The command line as users meet it: help, version, render, and what happens
// to site/ when an input is wrong.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

// The commands and flags of the README's usage block ("## Using versa"),
// "[input flags]" standing for the four input folders and files.
std::map<std::string, std::set<std::string>> documented_usage() {
  const std::string readme = read_file(fs::path(VERSA_SOURCE_DIR) / "README.md");
  const auto section = readme.find("\n## Using versa\n");
  EXPECT_NE(section, std::string::npos);
  const auto open = readme.find("```\n", section);
  const auto close = readme.find("```", open + 4);
  std::istringstream block(readme.substr(open + 4, close - open - 4));
  std::map<std::string, std::set<std::string>> usage;  // command -> flags
  std::string line, command;
  const std::regex flag(R"(--[a-z][a-z-]*)");
  while (std::getline(block, line)) {
    std::smatch m;
    if (std::regex_search(line, m, std::regex(R"(^versa ([a-z][a-z-]*))"))) command = m[1];
    if (line.rfind("versa --", 0) == 0) command = "";  // versa --help | --version
    auto& flags = usage[command];
    for (auto it = std::sregex_iterator(line.begin(), line.end(), flag);
         it != std::sregex_iterator(); ++it)
      flags.insert(it->str());
    if (line.find("[input flags]") != std::string::npos)
      flags.insert({"--catalogue", "--locales", "--templates", "--site"});
  }
  return usage;
}

}  // namespace

TEST(Cli, HelpListsEveryDocumentedCommandAndFlag) {
  TempDir dir;
  const auto usage = documented_usage();
  // The README's block as it stands: a command or flag dropped from it
  // should be a decision, not an accident of parsing.
  ASSERT_EQ(usage.size(), 7u);
  EXPECT_EQ(usage.at(""), (std::set<std::string>{"--help", "--version"}));
  EXPECT_TRUE(usage.at("build").contains("--dry-run"));
  EXPECT_TRUE(usage.at("serve").contains("--port"));
  EXPECT_TRUE(usage.at("check").contains("--site"));
  EXPECT_TRUE(usage.at("view").contains("--templates"));

  const RunResult help = run_versa(dir.path(), "--help");
  EXPECT_EQ(help.status, 0) << help.err;
  const auto lists = [](const std::string& text, const std::string& word) {
    return std::regex_search(text, std::regex("(^|[\\s,])" + word + "([\\s,=]|$)"));
  };
  for (const auto& [command, flags] : usage) {
    if (command.empty()) {
      for (const auto& f : flags) EXPECT_TRUE(lists(help.out, f)) << f << " in\n" << help.out;
      continue;
    }
    EXPECT_TRUE(lists(help.out, command)) << command << " in\n" << help.out;
    const RunResult sub = run_versa(dir.path(), command + " --help");
    EXPECT_EQ(sub.status, 0) << command << ": " << sub.err;
    for (const auto& f : flags) {
      EXPECT_TRUE(lists(sub.out, f)) << "versa " << command << " --help lacks " << f << ":\n"
                                     << sub.out;
    }
  }
}

TEST(Cli, VersionAndUnknownCommands) {
  TempDir dir;
  const RunResult version = run_versa(dir.path(), "--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("versa ", 0), 0u) << version.out;
  const RunResult unknown = run_versa(dir.path(), "frobnicate");
  EXPECT_NE(unknown.status, 0);
  EXPECT_NE(unknown.err.find("--help"), std::string::npos) << unknown.err;
}

TEST(Cli, RenderPrintsExactlyTheTemplateOutput) {
  TempDir dir;
  write_file(dir / "page.html",
             "{{<base}}{{$body}}<p>{{greeting}}, {{name}}!</p>{{/body}}{{/base}}");
  write_file(dir / "parts/base.html", "<main>\n  {{$body}}{{/body}}\n</main>\n{{> foot}}");
  write_file(dir / "parts/foot.html", "<footer>{{#items}}{{.}};{{/items}}</footer>");
  write_file(dir / "data.json", R"({"greeting": "Xin chào", "name": "<Ana>", "items": [1, 2]})");
  const RunResult r = run_versa(dir.path(), "render page.html --data data.json --partials parts");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "<main>\n  <p>Xin chào, &lt;Ana&gt;!</p>\n</main>\n<footer>1;2;</footer>");
}

TEST(Cli, RenderReportsTemplateErrorsWithTheirLocation) {
  TempDir dir;
  write_file(dir / "page.html", "<ul>\n{{#items}}\n<li>{{.}}</li>\n</ul>\n");
  write_file(dir / "data.json", "{}");
  const RunResult r = run_versa(dir.path(), "render page.html --data data.json");
  EXPECT_NE(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("page.html:2:1: error: section 'items' is never closed"), std::string::npos)
      << r.err;
}

TEST(Cli, BrokenInputLeavesThePublishedSiteUntouched) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  const auto before = snapshot(dir / "site");

  // Break two inputs at once: both problems are reported, nothing is written.
  std::string de = read_file(dir / "locales/de.json");
  const auto crumb = de.find("\"compare_crumb\": \"");
  ASSERT_NE(crumb, std::string::npos);
  de.replace(crumb, de.find('\n', crumb) - crumb, "\"compare_crumb\": \"{a_code} vs. {b_cod\",");
  write_file(dir / "locales/de.json", de);
  std::string compare = read_file(dir / "templates/compare.html");
  compare.replace(compare.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", compare);

  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("locales/de.json:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: message \"compare_crumb\": {b_cod is never closed; add \"}\" "
                       "after the name"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("templates/compare.html:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(dir / "site"), before);
}

TEST(Cli, CheckValidatesWithoutWriting) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  const RunResult r = run_versa(dir.path(), "check --strict");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
}

TEST(Cli, OutputIsTheSameForAnyNumberOfJobs) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build --out one --jobs 1").status, 0);
  ASSERT_EQ(run_versa(dir.path(), "build --out four --jobs 4").status, 0);
  EXPECT_TRUE(snapshot(dir / "one") == snapshot(dir / "four"));
}

// Case, collation, word breaks and numbers follow each page's language, never
// the locale of the shell that runs versa (ICU takes its default locale from
// LC_ALL, LC_MESSAGES or LANG; Turkish upper-cases "i" as "İ").
TEST(Cli, OutputDoesNotDependOnTheProcessLocale) {
  TempDir dir;
  copy_small_project(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build --out c", "LC_ALL=C LANG=C").status, 0);
  const auto expected = snapshot(dir / "c");
  int n = 0;
  for (const std::string env :
       {"LC_ALL=tr_TR.UTF-8", "LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8", "LC_ALL=ar_EG.UTF-8"}) {
    const std::string out = "out" + std::to_string(n++);
    const RunResult r = run_versa(dir.path(), "build --out " + out, env);
    ASSERT_EQ(r.status, 0) << env << ": " << r.err;
    const auto got = snapshot(dir / out);
    std::vector<std::string> differing;
    for (const auto& [path, bytes] : expected) {
      if (!got.contains(path) || got.at(path) != bytes) differing.push_back(path);
    }
    EXPECT_EQ(got.size(), expected.size()) << env;
    EXPECT_TRUE(differing.empty())
        << env << ": " << differing.size() << " files differ, such as " << differing.front();
  }
}

TEST(Cli, FilesNoLongerProducedAreRemoved) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  ASSERT_TRUE(fs::exists(dir / "site/tr/index.html"));
  write_file(dir / "site/notes.txt", "mine");  // not versa's: must survive
  fs::remove(dir / "locales/tr.json");
  const RunResult r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "site/tr"));
  EXPECT_TRUE(fs::exists(dir / "site/notes.txt"));
  EXPECT_NE(r.out.find(" removed"), std::string::npos);
  EXPECT_EQ(r.out.find(" 0 removed"), std::string::npos) << r.out;
}
