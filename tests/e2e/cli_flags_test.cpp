// cli: the flags of `versa build` and `versa check` that the README lists do
// what it says: --dry-run renders and writes nothing, --strict fails on a
// missing translation before writing, the input flags name the inputs used
// (with copies at the default places that would show if they were used), and
// the short forms (-o, -j; -p is in serve_test.cpp) are their long forms, and
// --color (with NO_COLOR) decides whether errors and warnings are coloured.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;
using json = nlohmann::ordered_json;

namespace {

// Every entry below `root` (the root included) with its type, bytes and
// mtime: what "nothing was written" leaves as it was. Without
// `folder_times`, the mtimes of folders are left out (a build that stops
// before writing still takes its lock beside the output folder).
std::map<std::string, std::string> state(const fs::path& root, bool folder_times = true) {
  std::map<std::string, std::string> out;
  const auto add = [&](const fs::path& p) {
    const auto status = fs::symlink_status(p);
    std::string s = std::to_string(static_cast<int>(status.type()));
    if (folder_times || !fs::is_directory(status))
      s += " " + std::to_string(fs::last_write_time(p).time_since_epoch().count());
    if (fs::is_regular_file(status)) s += " " + read_file(p);
    out[fs::relative(p, root.parent_path()).string()] = s;
  };
  add(root);
  for (const auto& e : fs::recursive_directory_iterator(root)) add(e.path());
  return out;
}

// What differs between two states, one line per path ("" when nothing).
std::string differences(const std::map<std::string, std::string>& before,
                        const std::map<std::string, std::string>& after) {
  std::vector<std::string> lines;
  for (const auto& [path, what] : before) {
    const auto it = after.find(path);
    if (it == after.end()) {
      lines.push_back("removed " + path);
    } else if (it->second != what) {
      lines.push_back("changed " + path);
    }
  }
  for (const auto& [path, what] : after) {
    if (!before.contains(path)) lines.push_back("added " + path);
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i) out += lines[i] + "\n";
  if (lines.size() > 10) out += "and " + std::to_string(lines.size() - 10) + " more\n";
  return out;
}

std::size_t html_files(const fs::path& root) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) n += e.path().extension() == ".html";
  return n;
}

json read_json(const fs::path& p) {
  return json::parse(read_file(p));
}
void write_json(const fs::path& p, const json& j) {
  write_file(p, j.dump(2) + "\n");
}

// `versa ARGS` in `cwd` as a person at a terminal runs it: stdin, stdout
// and stderr on a pseudo-terminal, TERM=xterm, NO_COLOR unset unless `env`
// ("NAME=value" each) sets it. What the terminal showed (stdout and stderr
// together, newlines as "\r\n") and the exit status.
std::pair<std::string, int> run_on_terminal(const fs::path& cwd,
                                            const std::vector<std::string>& args,
                                            const std::vector<std::string>& env = {}) {
  // Everything the child needs is made before fork: after it, only
  // async-signal-safe calls.
  std::vector<std::string> argv_text{versa_binary()};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text{"TERM=xterm"};
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    if (!entry.starts_with("NO_COLOR=") && !entry.starts_with("TERM="))
      env_text.emplace_back(entry);
  }
  env_text.insert(env_text.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string dir = cwd.string();

  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  if (pid < 0) return {"forkpty failed", -1};
  std::string shown;
  char buffer[4096];
  for (;;) {  // until the child's side closes (EIO)
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    shown.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(master);
  int raw = 0;
  ::waitpid(pid, &raw, 0);
  return {shown, WIFEXITED(raw) ? WEXITSTATUS(raw) : -1};
}

const std::regex kSummary(
    R"(^versa: (\d+) pages rendered, (\d+) written, (\d+) unchanged, (\d+) removed in [0-9.]+ s( \(dry run\))?\n$)");

}  // namespace

TEST(CliFlags, DryRunRendersEveryPageAndWritesNothing) {
  TempDir dir;
  copy_small_project(dir.path());

  // Into a project never built: nothing appears, not even the folder.
  auto before = state(dir.path());
  RunResult r = run_versa(dir.path(), "build --dry-run");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(differences(before, state(dir.path())), "");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(r.out, m, kSummary)) << r.out;
  EXPECT_EQ(m[2], "0");
  EXPECT_EQ(m[5], " (dry run)");
  const std::size_t rendered = std::stoul(m[1]);

  // It rendered what a real build writes.
  r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(rendered, html_files(dir / "site"));

  // Over a built site, after a change that every page takes: nothing on
  // disk changes, mtimes included, and the manifest beside site/ neither.
  std::ofstream(dir / "templates/layout.html", std::ios::app) << "<!-- changed -->\n";
  before = state(dir.path());
  r = run_versa(dir.path(), "build --dry-run");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::regex_match(r.out, kSummary)) << r.out;
  EXPECT_EQ(differences(before, state(dir.path())), "");

  // It really renders: a page over max_page_bytes, which only rendering
  // finds, fails the dry run too, still writing nothing.
  json site = read_json(dir / "site.json");
  site["max_page_bytes"] = 2000;
  write_json(dir / "site.json", site);
  before = state(dir.path());
  r = run_versa(dir.path(), "build --dry-run");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("max_page_bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(differences(before, state(dir.path())), "");
}

TEST(CliFlags, StrictMakesAMissingTranslationAFailureThatWritesNothing) {
  TempDir dir;
  copy_small_project(dir.path());
  json de = read_json(dir / "locales/de.json");
  ASSERT_EQ(de["messages"].erase("glance_heading"), 1u);
  write_json(dir / "locales/de.json", de);
  const std::regex missing(
      R"(locales/de\.json:\d+:\d+: (warning|error): 1 message\(s\) not translated, English is used: glance_heading\n)");

  // --strict: an error, and no folder, no manifest.
  const auto before = state(dir.path(), false);
  RunResult r = run_versa(dir.path(), "build --strict");
  EXPECT_EQ(r.status, 1);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.err, m, missing)) << r.err;
  EXPECT_EQ(m[1], "error");
  EXPECT_TRUE(r.err.ends_with("\nversa: build failed: 1 error, 0 warnings; nothing was written\n"))
      << r.err;
  EXPECT_EQ(differences(before, state(dir.path(), false)), "");

  // Without it: a warning, and the German pages say it in English.
  r = run_versa(dir.path(), "build");
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(std::regex_search(r.err, m, missing)) << r.err;
  EXPECT_EQ(m[1], "warning");
  HtmlPage page(
      read_file(dir / "site/de/compare/smtp/211-system-status-vs-214-help-message/index.html"));
  std::vector<std::string> headings;
  for (const GumboNode* h : page.all(GUMBO_TAG_H2)) headings.push_back(HtmlPage::text(h));
  const std::string english = read_json(dir / "locales/en.json")["messages"]["glance_heading"];
  EXPECT_NE(std::find(headings.begin(), headings.end(), english), headings.end());

  // A strict rebuild fails the same way and leaves the published site alone.
  std::ofstream(dir / "templates/layout.html", std::ios::app) << "<!-- changed -->\n";
  const auto built = state(dir / "site");
  r = run_versa(dir.path(), "build --strict");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(differences(built, state(dir / "site")), "");
}

// Inputs in other places, each changed so that its use shows in the pages;
// the default places hold the unchanged project, which would show instead.
TEST(CliFlags, InputFlagsNameTheInputsThatAreUsed) {
  TempDir dir;
  copy_small_project(dir.path());
  const fs::path alt = dir / "elsewhere";
  fs::create_directories(alt);
  fs::copy(dir / "catalogue", alt / "codes", fs::copy_options::recursive);
  fs::copy(dir / "locales", alt / "languages", fs::copy_options::recursive);
  fs::copy(dir / "templates", alt / "layouts", fs::copy_options::recursive);
  fs::copy_file(dir / "site.json", alt / "settings.json");

  json catalogue = read_json(alt / "codes/smtp.json");
  for (auto& c : catalogue["codes"]) {
    if (c["code"] == "211") c["name"] = "Status From Elsewhere";
  }
  write_json(alt / "codes/smtp.json", catalogue);
  json de = read_json(alt / "languages/de.json");
  de["messages"]["site_name"] = "Antwortcodes von anderswo";
  de["messages"].erase("glance_heading");  // and a warning that names the file
  write_json(alt / "languages/de.json", de);
  std::string layout = read_file(alt / "layouts/layout.html");
  ASSERT_NE(layout.find("</head>"), std::string::npos);
  layout.insert(layout.find("</head>"), "<meta name=\"versa-test\" content=\"layouts\">");
  write_file(alt / "layouts/layout.html", layout);
  json site = read_json(alt / "settings.json");
  site["base_url"] = "https://elsewhere.example.net";
  write_json(alt / "settings.json", site);

  const std::string inputs =
      "--catalogue elsewhere/codes --locales elsewhere/languages --templates elsewhere/layouts "
      "--site elsewhere/settings.json";
  const RunResult r = run_versa(dir.path(), "build " + inputs + " --out published");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
  EXPECT_NE(r.err.find("elsewhere/languages/de.json:"), std::string::npos) << r.err;

  const std::string compare = "compare/smtp/211-system-status-vs-214-help-message/index.html";
  HtmlPage en(read_file(dir / "published" / compare));
  HtmlPage de_page(read_file(dir / "published/de" / compare));
  // --catalogue: the English name of 211.
  ASSERT_EQ(en.all(GUMBO_TAG_H1).size(), 1u);
  EXPECT_NE(HtmlPage::text(en.all(GUMBO_TAG_H1)[0]).find("Status From Elsewhere"),
            std::string::npos);
  // --locales: the German site name.
  ASSERT_EQ(de_page.with_class("site-name").size(), 1u);
  EXPECT_EQ(HtmlPage::text(de_page.with_class("site-name")[0]), "Antwortcodes von anderswo");
  // --templates: the mark in the layout's head.
  bool marked = false;
  for (const GumboNode* meta : en.all(GUMBO_TAG_META)) {
    marked |= HtmlPage::attr(meta, "name") == "versa-test" &&
              HtmlPage::attr(meta, "content") == "layouts";
  }
  EXPECT_TRUE(marked);
  // --site: the base URL of the canonical link.
  std::string canonical;
  for (const GumboNode* link : de_page.all(GUMBO_TAG_LINK)) {
    if (HtmlPage::attr(link, "rel") == "canonical") canonical = HtmlPage::attr(link, "href");
  }
  EXPECT_EQ(canonical, "https://elsewhere.example.net/de/" +
                           compare.substr(0, compare.size() - std::string("index.html").size()));

  // check reads the same inputs: the warning names the file elsewhere.
  const RunResult checked = run_versa(dir.path(), "check " + inputs);
  EXPECT_EQ(checked.status, 0) << checked.err;
  EXPECT_NE(checked.err.find("elsewhere/languages/de.json:"), std::string::npos) << checked.err;
  EXPECT_EQ(run_versa(dir.path(), "check").err.find("de.json:"), std::string::npos);

  // new-locale writes into the --locales folder.
  const RunResult made = run_versa(dir.path(), "new-locale pt " + inputs);
  EXPECT_EQ(made.status, 0) << made.err;
  EXPECT_TRUE(fs::is_regular_file(alt / "languages/pt.json"));
  EXPECT_FALSE(fs::exists(dir / "locales/pt.json"));
}

// The short forms the CLI offers: -o for --out and -j for --jobs (and -p,
// -o of serve, in serve_test.cpp). The README lists none; check and
// new-locale have none.
TEST(CliFlags, ShortFormsAreTheirLongForms) {
  TempDir dir;
  copy_small_project(dir.path());
  const RunResult shorts = run_versa(dir.path(), "build -o short -j 100000");
  ASSERT_EQ(shorts.status, 0) << shorts.err;
  EXPECT_NE(shorts.err.find("warning: --jobs 100000 is more than versa uses"), std::string::npos)
      << shorts.err;
  const RunResult longs = run_versa(dir.path(), "build --out long --jobs 100000");
  ASSERT_EQ(longs.status, 0) << longs.err;
  EXPECT_EQ(shorts.err, longs.err);
  EXPECT_FALSE(fs::exists(dir / "site"));
  ASSERT_GT(html_files(dir / "short"), 0u);
  EXPECT_EQ(snapshot(dir / "short"), snapshot(dir / "long"));

  const RunResult help = run_versa(dir.path(), "build -h");
  EXPECT_EQ(help.status, 0);
  EXPECT_EQ(help.out, run_versa(dir.path(), "build --help").out);
  EXPECT_NE(help.out.find("-o,--out"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("-j,--jobs"), std::string::npos) << help.out;
}

// Colour where a person reads: on a terminal, unless NO_COLOR is set (to
// anything but "", as no-color.org has it) or --color=never; never into a
// pipe or a file unless --color=always, which wins over NO_COLOR.
TEST(CliFlags, ColourOnATerminalUnlessNoColorOrNeverAndWhenAlwaysIsAsked) {
  TempDir dir;
  copy_small_project(dir.path());
  json de = read_json(dir / "locales/de.json");
  ASSERT_EQ(de["messages"].erase("glance_heading"), 1u);  // a warning
  write_json(dir / "locales/de.json", de);
  std::string compare = read_file(dir / "templates/compare.html");
  compare.replace(compare.find("{{/differences}}"), 16, "");  // an error
  write_file(dir / "templates/compare.html", compare);
  // The escapes compilers use: bold red, bold magenta, bold, reset.
  const std::string red_error = "\x1b[1;31merror:\x1b[0m";
  const std::string magenta_warning = "\x1b[1;35mwarning:\x1b[0m";
  const std::string bold_place = "\x1b[1mtemplates/compare.html:";
  const std::string counts =
      "versa: build failed: \x1b[1;31m1 error\x1b[0m, \x1b[1;35m1 warning\x1b[0m; nothing was "
      "written";

  auto [shown, status] = run_on_terminal(dir.path(), {"build"});
  EXPECT_EQ(status, 1) << shown;
  EXPECT_NE(shown.find(bold_place), std::string::npos) << shown;
  EXPECT_NE(shown.find(red_error), std::string::npos) << shown;
  EXPECT_NE(shown.find(magenta_warning), std::string::npos) << shown;
  EXPECT_NE(shown.find(counts), std::string::npos) << shown;

  const std::pair<std::vector<std::string>, std::vector<std::string>> plain[] = {
      {{"build"}, {"NO_COLOR=1"}},
      {{"build", "--color=never"}, {}},
      {{"--color=never", "build"}, {}},
      {{"check", "--color", "never"}, {}},
  };
  for (const auto& [args, env] : plain) {
    std::tie(shown, status) = run_on_terminal(dir.path(), args, env);
    SCOPED_TRACE(args.front() + " " + args.back() + (env.empty() ? "" : " " + env.front()));
    EXPECT_EQ(status, 1);
    EXPECT_NE(shown.find("templates/compare.html:"), std::string::npos) << shown;
    EXPECT_EQ(shown.find('\x1b'), std::string::npos) << shown;
  }
  // NO_COLOR="" asks for nothing.
  std::tie(shown, status) = run_on_terminal(dir.path(), {"build"}, {"NO_COLOR="});
  EXPECT_NE(shown.find(red_error), std::string::npos) << shown;

  // Into a pipe: plain, unless --color=always, whatever NO_COLOR says.
  RunResult r = run_versa(dir.path(), "build");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  r = run_versa(dir.path(), "build --color=always", "NO_COLOR=1");
  EXPECT_NE(r.err.find(red_error), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(magenta_warning), std::string::npos) << r.err;
  EXPECT_TRUE(r.err.ends_with(counts + "\n")) << r.err;
  EXPECT_EQ(r.out, "");
  r = run_versa(dir.path(), "check --color=always");
  EXPECT_NE(r.err.find(red_error), std::string::npos) << r.err;
}
