// The command line as users meet it: help, version, words it does not know,
// running outside a project, render, how errors and warnings are reported,
// and what happens to site/ when an input is wrong.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

// --version, -v and `versa version` are one answer, on stdout.
TEST(Cli, VersionHoweverItIsAskedFor) {
  TempDir dir;
  const RunResult version = run_versa(dir.path(), "--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_TRUE(std::regex_match(version.out, std::regex(R"(versa [0-9][^\s]*\n)"))) << version.out;
  for (const std::string spelling : {"-v", "version"}) {
    const RunResult r = run_versa(dir.path(), spelling);
    EXPECT_EQ(r.status, 0) << spelling << ": " << r.err;
    EXPECT_EQ(r.out, version.out) << spelling;
    EXPECT_EQ(r.err, "") << spelling;
  }
}

// A word versa does not understand: one line on stderr that names it and
// the command or option nearest to it when one is close enough to be what
// was meant (else where the list is), status 2, and nothing done.
TEST(Cli, UnknownCommandsAndOptionsSuggestTheNearest) {
  TempDir dir;
  copy_small_project(dir.path());  // a command that ran would build it
  const std::pair<std::string, std::string> cases[] = {
      {"biuld", "versa: unknown command 'biuld'; did you mean 'build'?\n"},
      {"chekc --strict", "versa: unknown command 'chekc'; did you mean 'check'?\n"},
      {"serv", "versa: unknown command 'serv'; did you mean 'serve'?\n"},
      {"frobnicate", "versa: unknown command 'frobnicate'; versa --help lists the commands\n"},
      {"--verison", "versa: unknown option --verison; did you mean --version?\n"},
      {"build --jbos 4", "versa build: unknown option --jbos; did you mean --jobs?\n"},
      {"build --jbos=4", "versa build: unknown option --jbos; did you mean --jobs?\n"},
      {"build --dryrun", "versa build: unknown option --dryrun; did you mean --dry-run?\n"},
      {"check --strcit", "versa check: unknown option --strcit; did you mean --strict?\n"},
      {"check --jobs 2",
       "versa check: unknown option --jobs; versa check --help lists the options\n"},
      {"build --out", "versa build: --out needs a value; versa build --help says more\n"},
      {"build extra",
       "versa build: unexpected argument 'extra'; versa build --help lists what it takes\n"},
      // versa-serve's own command line.
      {"serve --prot 0", "versa serve: unknown option --prot; did you mean --port?\n"},
      {"--color=never serve --prot 0",
       "versa serve: unknown option --prot; did you mean --port?\n"},
  };
  for (const auto& [args, expected] : cases) {
    const RunResult r = run_versa(dir.path(), args, "", 60);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(r.err, expected) << args;
    EXPECT_EQ(r.out, "") << args;
  }
  const RunResult none = run_versa(dir.path(), "");
  EXPECT_EQ(none.status, 2);
  EXPECT_TRUE(std::regex_match(
      none.err,
      std::regex(
          R"(versa: name a command \(build, check, serve, new-locale, render[a-z, -]*\); versa --help says more\n)")))
      << none.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
}

// Where there is no project, every command that needs one says so in one
// line and creates nothing: no site/, no lock, no folder on the way to
// --out, no locales/pt.json.
TEST(Cli, WithoutAProjectSaysSoInOneLineAndCreatesNothing) {
  TempDir dir;
  for (const std::string args : {"build", "build --out a/b/site", "build --dry-run", "check",
                                 "check --strict", "serve --port 0", "new-locale pt"}) {
    const RunResult r = run_versa(dir.path(), args, "", 60);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_EQ(r.err, "versa: no catalogue/ here: run from a project folder or pass --catalogue\n")
        << args;
    EXPECT_EQ(r.out, "") << args;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
      ADD_FAILURE() << args << " left " << e.path();
    }
  }
}

// A build that fails on its inputs leaves the folder it ran in as it was:
// no site/, no folder on the way to --out, no record beside them.
TEST(Cli, AFailedFirstBuildLeavesNothingBehind) {
  TempDir dir;
  copy_small_project(dir.path());
  std::string compare = read_file(dir / "templates/compare.html");
  compare.replace(compare.find("{{/differences}}"), 16, "");
  write_file(dir / "templates/compare.html", compare);
  const auto entries = [&] {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir.path()))
      out.insert(fs::relative(e.path(), dir.path()).string());
    return out;
  };
  const auto before = entries();
  for (const std::string args : {"build", "build --out a/b/site", "build --out public/"}) {
    const RunResult r = run_versa(dir.path(), args);
    EXPECT_EQ(r.status, 1) << args;
    EXPECT_NE(r.err.find("; nothing was written\n"), std::string::npos) << args << ": " << r.err;
    EXPECT_EQ(entries(), before) << args;
  }
}

// What must be fixed comes first: every error in file and line order, then
// every warning in the same order; the last line counts both.
TEST(Cli, ErrorsComeBeforeWarningsAndTheLastLineCountsBoth) {
  TempDir dir;
  copy_small_project(dir.path());
  const auto edit = [&](const std::string& file, const std::string& from, const std::string& to) {
    std::string text = read_file(dir / file);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << file << ": " << from;
    text.replace(at, from.size(), to);
    write_file(dir / file, text);
  };
  // Two warnings (a message left untranslated in de and in vi), two errors
  // (a template and a message of tr), in files that sort between them.
  for (const char* file : {"locales/de.json", "locales/vi.json"}) {
    auto locale = nlohmann::ordered_json::parse(read_file(dir / file));
    ASSERT_EQ(locale["messages"].erase("glance_heading"), 1u);
    write_file(dir / file, locale.dump(2) + "\n");
  }
  edit("locales/tr.json", "\"compare_crumb\": \"", "\"compare_crumb\": \"{a_code");
  edit("templates/compare.html", "{{/differences}}", "");

  const RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines;
  std::istringstream in(r.err);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "versa: build failed: 2 errors, 2 warnings; nothing was written");
  lines.pop_back();
  std::vector<std::string> seen;  // "severity path", in the order printed
  const std::regex located(R"(^([^:]+):\d+:\d+: (error|warning): .+$)");
  for (const std::string& line : lines) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, located)) << line;
    seen.push_back(m[2].str() + " " + m[1].str());
  }
  // Each of these files has exactly one of them.
  EXPECT_EQ(seen, (std::vector<std::string>{"error locales/tr.json", "error templates/compare.html",
                                            "warning locales/de.json", "warning locales/vi.json"}))
      << r.err;
}

// A warning about the inputs is printed while the inputs have it: on a
// no-op rebuild too (nothing changed, nothing rendered), and the last line
// counts it.
TEST(Cli, ANoOpRebuildStillReportsTheInputsWarnings) {
  TempDir dir;
  copy_small_project(dir.path());
  const std::string original = read_file(dir / "locales/de.json");
  auto de = nlohmann::ordered_json::parse(original);
  ASSERT_EQ(de["messages"].erase("glance_heading"), 1u);
  write_file(dir / "locales/de.json", de.dump(2) + "\n");
  const std::regex warning(
      R"(^locales/de\.json:\d+:\d+: warning: 1 message\(s\) not translated, English is used: glance_heading\n$)");

  const RunResult first = run_versa(dir.path(), "build");
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_TRUE(std::regex_match(first.err, warning)) << first.err;
  EXPECT_TRUE(first.out.ends_with(" s; 1 warning\n")) << first.out;

  const RunResult again = run_versa(dir.path(), "build");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_TRUE(std::regex_match(
      again.out,
      std::regex(
          R"(versa: 0 pages rendered, 0 written, \d+ unchanged, 0 removed in [0-9.]+ s; 1 warning\n)")))
      << again.out;
  EXPECT_EQ(again.err, first.err);

  const RunResult checked = run_versa(dir.path(), "check");
  EXPECT_EQ(checked.status, 0);
  EXPECT_EQ(checked.err, first.err);
  EXPECT_TRUE(checked.out.ends_with("\nversa: all inputs are valid; 1 warning\n")) << checked.out;

  // Fixed: not a word more.
  write_file(dir / "locales/de.json", original);
  const RunResult fixed = run_versa(dir.path(), "build");
  ASSERT_EQ(fixed.status, 0);
  EXPECT_EQ(fixed.err, "");
  EXPECT_EQ(fixed.out.find("warning"), std::string::npos) << fixed.out;
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
