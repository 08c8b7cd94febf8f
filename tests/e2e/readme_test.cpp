// The README is tested: every line it says versa prints is printed by one of
// the runs below, word for word (only a duration, a process id and a port
// may differ, and "…" stands for the rest of a line); every versa command it
// shows names a command and options versa has, and the runnable ones are
// run; every script it shows exists, parses and reads the variables and
// words it is given; its page counts are the shipped site's. A README edit
// that shows something versa does not do fails here, and so does a change
// to versa that the README does not follow.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

const fs::path kSource = VERSA_SOURCE_DIR;

/// A piece of code the README shows: a line of a fenced block, or an inline
/// `span` (its white space collapsed: spans wrap across lines).
struct Snippet {
  std::string text;
  int line = 0;    // in README.md, from 1
  int block = -1;  // the fenced block it is a line of; -1 for a span
};

std::string collapse_space(const std::string& s) {
  std::string out = std::regex_replace(s, std::regex(R"(\s+)"), " ");
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::vector<Snippet> readme_snippets() {
  std::istringstream in(read_file(kSource / "README.md"));
  std::vector<Snippet> out;
  std::string line, paragraph;
  int n = 0, paragraph_line = 0, block = -1;
  bool fenced = false;
  const auto flush_paragraph = [&] {
    const std::regex span("`([^`]+)`");
    for (auto it = std::sregex_iterator(paragraph.begin(), paragraph.end(), span);
         it != std::sregex_iterator(); ++it) {
      const auto before = paragraph.begin() + it->position();
      const int at = paragraph_line + static_cast<int>(std::count(paragraph.begin(), before, '\n'));
      out.push_back({collapse_space((*it)[1]), at, -1});
    }
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("```", 0) == 0) {
      flush_paragraph();
      fenced = !fenced;
      block += fenced;
      continue;
    }
    if (fenced) {
      if (!collapse_space(line).empty()) out.push_back({line, n, block});
    } else if (collapse_space(line).empty()) {
      flush_paragraph();
    } else {
      if (paragraph.empty()) paragraph_line = n;
      paragraph += line + "\n";
    }
  }
  flush_paragraph();
  return out;
}

// What versa prints: its own lines, located diagnostics, and the fragments
// of them the prose quotes.
bool is_printed(const std::string& s) {
  static const std::regex printed(
      R"(^(versa( [a-z-]+)?: |warning: |another versa build |… |[0-9]+ [a-z]+\(s\) )"
      R"(|U\+[0-9A-F]{4,6} [A-Z]|[A-Za-z0-9_./-]+:[0-9]+:[0-9]+: (error|warning): ))");
  return std::regex_search(s, printed);
}

// A command line: optional VAR=value settings, then a program a user runs
// from a shell (versa, the scripts through bash, ctest, or another's), then
// its arguments; a comment after it is not part of it.
const std::regex kCommand(
    R"(^((?:[A-Z_]+=\S+ )*)(versa|bash|sh|ctest|cmake|python3|node|npm|git|apt-get) ([^#]*?)( +#.*)?$)");

std::string program_of(const std::string& s) {
  std::smatch m;
  return !is_printed(s) && std::regex_match(s, m, kCommand) ? m[2].str() : "";
}

// A regular expression for a printed line as the README shows it: exact but
// for a duration ("0.75 s"), a process id ("process 1234"), a port (PORT)
// and "…", which stands for any text.
std::string pattern_of(const std::string& shown) {
  static const std::regex placeholder(R"(…|\b[0-9]+\.[0-9]+ s\b|\bprocess 1234\b|\bPORT\b)");
  static const std::regex special(R"([\\^$.|?*+()\[\]{}])");
  std::string out;
  auto last = shown.cbegin();
  for (auto it = std::sregex_iterator(shown.begin(), shown.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    out += std::regex_replace(std::string(last, shown.cbegin() + it->position()), special, "\\$&");
    const std::string p = it->str();
    out += p == "…"                     ? ".*"
           : p == "PORT"                ? "[0-9]+"
           : p.rfind("process", 0) == 0 ? "process [0-9]+"
                                        : "[0-9]+\\.[0-9]+ s";
    last = shown.cbegin() + it->position() + it->length();
  }
  return out + std::regex_replace(std::string(last, shown.cend()), special, "\\$&");
}

// Runs `script` with sh in `cwd`, versa's folder first on PATH: the README's
// own command lines, as a user types them. Output and errors together.
RunResult run_shell(const fs::path& cwd, const std::string& script) {
  TempDir capture;
  const fs::path file = capture / "script.sh";
  write_file(file, script);
  const std::string bin = fs::path(versa_binary()).parent_path().string();
  const std::string cmd = "cd '" + cwd.string() + "' && PATH='" + bin + "':\"$PATH\" sh '" +
                          file.string() + "' >'" + (capture / "out").string() + "' 2>&1";
  const int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(capture / "out"), ""};
}

/// Replaces the first `from` in `file` by `to` until destroyed: one mistake
/// or change a scenario makes, undone for the next one. A file that did not
/// exist is created (`from` empty) and removed again.
class Edit {
 public:
  Edit(fs::path file, const std::string& from, const std::string& to)
      : file_(std::move(file)), existed_(fs::exists(file_)), original_(read_file(file_)) {
    std::string text = original_;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from << " in " << file_;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    write_file(file_, text);
  }
  ~Edit() {
    if (existed_) {
      write_file(file_, original_);
    } else {
      fs::remove(file_);
    }
  }
  Edit(const Edit&) = delete;
  Edit& operator=(const Edit&) = delete;

 private:
  fs::path file_;
  bool existed_;
  std::string original_;
};

/// The whole line of `file` that holds `needle`, with its line break.
std::string line_with(const fs::path& file, const std::string& needle) {
  const std::string text = read_file(file);
  const auto at = text.find(needle);
  if (at == std::string::npos) return needle;  // Edit reports it
  const auto start = text.rfind('\n', at) + 1;
  return text.substr(start, text.find('\n', at) + 1 - start);
}

// The output of every run of the scenarios, one string per run.
class Printed {
 public:
  void add(const RunResult& r) { runs_.push_back(r.out + r.err); }
  // Whether some run printed the lines of `shown`, in order and each whole
  // (a fenced block), or `shown` somewhere within a line (a span).
  [[nodiscard]] bool has(const std::vector<std::string>& lines, bool whole) const {
    std::string pattern;
    for (const auto& l : lines) pattern += (pattern.empty() ? "" : "\n") + pattern_of(l);
    const std::regex re(whole ? "(^|\n)" + pattern + "(\n|$)" : pattern);
    return std::any_of(runs_.begin(), runs_.end(),
                       [&](const std::string& run) { return std::regex_search(run, re); });
  }
  [[nodiscard]] std::string all() const {
    std::string out;
    for (const auto& r : runs_) out += "----\n" + r;
    return out;
  }

 private:
  std::vector<std::string> runs_;
};

// --- The runs that print what the README shows ---------------------------

// The shipped project: its build line, the README's two mistakes in one
// build, a meta description made too long, and `check`.
void run_shipped(Printed& printed) {
  TempDir dir;
  copy_shipped_inputs(dir.path());
  const RunResult built = run_versa(dir.path(), "build");
  EXPECT_EQ(built.status, 0) << built.err;
  printed.add(built);
  {
    const Edit crumb(dir / "locales/de.json", R"("{a_code} vs.\u00a0{b_code}")",
                     R"("{a_code} vs.\u00a0{b_cod")");
    const Edit section(dir / "templates/compare.html", "      {{/differences}}\n", "");
    const RunResult r = run_versa(dir.path(), "build");
    EXPECT_EQ(r.status, 1) << r.err;
    printed.add(r);
  }
  {
    const Edit meta(dir / "locales/de.json", "Bedeutung, Auftreten und passende Reaktion.",
                    "was jeder Code bedeutet, wann ein Server ihn sendet und wie ein Client "
                    "darauf reagieren sollte.");
    const RunResult r = run_versa(dir.path(), "check");
    EXPECT_EQ(r.status, 0) << r.err;
    printed.add(r);
  }
}

// The small project: the command line's own messages, warnings, a failed
// rebuild, the lock, a hostile character, an internal error, fallbacks,
// and the preview server.
void run_small(Printed& printed) {
  TempDir empty;
  printed.add(run_versa(empty.path(), "build"));

  TempDir dir;
  copy_small_project(dir.path());
  printed.add(run_versa(dir.path(), "build", "VERSA_TEST_FAULT=command:1:bug"));
  printed.add(run_versa(dir.path(), "biuld"));
  printed.add(run_versa(dir.path(), "build --jbos 4"));
  printed.add(run_versa(dir.path(), "build"));
  const fs::path de = dir / "locales/de.json";
  {
    const Edit missing(de, line_with(de, R"("glance_heading")"), "");
    printed.add(run_versa(dir.path(), "build"));
  }
  {
    const Edit hostile(de, R"("{a_code} vs.)", R"("{a_code} \u202e vs.)");
    printed.add(run_versa(dir.path(), "build"));
  }
  {
    const Edit portuguese(dir / "locales/pt.json", "",
                          R"({"messages": {"glance_heading": "Num relance"}})");
    const Edit brazilian(dir / "locales/pt-BR.json", "",
                         R"({"messages": {"site_name": "Códigos de resposta"}})");
    printed.add(run_versa(dir.path(), "build"));
  }
  {  // a rebuild of every page that fails after 29 files
    const Edit layout(dir / "templates/layout.html", "</body>", "<!-- changed --></body>");
    printed.add(run_versa(dir.path(), "build --jobs 1", "VERSA_TEST_FAULT=write:30:fail"));
  }
  {  // this process holds the lock, as a running build would
    const int fd = ::open((dir / ".site.versa-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    EXPECT_EQ(::fcntl(fd, F_SETLK, &lock), 0);
    printed.add(run_versa(dir.path(), "build"));
    ::close(fd);
  }
  {  // a page edited by hand in a language that is then dropped
    write_file(dir / "site/tr/index.html", read_file(dir / "site/tr/index.html") + "<!-- mine -->");
    const Edit turkish(dir / "locales/tr.json", read_file(dir / "locales/tr.json"), "");
    fs::remove(dir / "locales/tr.json");
    printed.add(run_versa(dir.path(), "build"));
  }
  {  // port 8000 taken (by this process, or already by another one)
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(8000);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) ::listen(fd, 1);
    printed.add(run_versa(dir.path(), "serve", "", 60));
    ::close(fd);
  }
  // The server's first lines, then it is stopped.
  printed.add(run_shell(dir.path(), R"(versa serve --port 0 >log 2>&1 & pid=$!
for i in $(seq 600); do grep -q '^versa: serving' log && break; sleep 0.05; done
kill $pid; wait $pid; cat log
)"));
}

// "versa <command> --help" (or "versa --help"), asked once.
const std::string& help_of(const std::string& command) {
  static std::map<std::string, std::string> cache;
  auto [it, fresh] = cache.try_emplace(command);
  if (fresh) {
    TempDir dir;
    const RunResult r = run_versa(dir.path(), (command.empty() ? "" : command + " ") + "--help");
    EXPECT_EQ(r.status, 0) << command << ": " << r.err;
    it->second = r.out;
  }
  return it->second;
}

bool lists(const std::string& help, const std::string& word) {
  return std::regex_search(help, std::regex("(^|[\\s,|])" + word + "([\\s,=|]|$)"));
}

// A command shown with placeholders (PAGE, <tag>, [--out DIR], a | b, …) is
// a form, not a line to run.
bool has_placeholder(const std::string& s) {
  return std::regex_search(s, std::regex(R"([\[<|…]|\b[A-Z]+\b)"));
}

std::vector<std::vector<Snippet>> fenced_blocks(const std::vector<Snippet>& all) {
  std::vector<std::vector<Snippet>> blocks;
  for (const auto& s : all) {
    if (s.block < 0) continue;
    if (static_cast<int>(blocks.size()) <= s.block) blocks.resize(s.block + 1);
    blocks[s.block].push_back(s);
  }
  return blocks;
}

}  // namespace

// Every line the README says versa prints, a real run prints.
TEST(Readme, EveryPrintedLineIsWhatVersaPrints) {
  Printed printed;
  run_shipped(printed);
  run_small(printed);
  const auto snippets = readme_snippets();
  int checked = 0;
  for (const auto& block : fenced_blocks(snippets)) {
    if (block.empty() || !is_printed(block.front().text)) continue;
    std::vector<std::string> lines;
    for (const auto& s : block) {
      EXPECT_TRUE(is_printed(s.text)) << "README.md:" << s.line << ": a block of printed lines "
                                      << "holds another kind of line: " << s.text;
      lines.push_back(s.text);
    }
    EXPECT_TRUE(printed.has(lines, true))
        << "README.md:" << block.front().line << ": no run printed these lines:\n"
        << pattern_of(lines.front()) << "\nwhat the runs printed:\n"
        << printed.all();
    ++checked;
  }
  for (const auto& s : snippets) {
    if (s.block >= 0 || !is_printed(s.text)) continue;
    if (s.text.rfind("versa-test: ", 0) == 0) {  // printed by scripts/test.sh
      EXPECT_NE(read_file(kSource / "scripts/test.sh").find("versa-test: "), std::string::npos);
      continue;
    }
    EXPECT_TRUE(printed.has({s.text}, false))
        << "README.md:" << s.line << ": no run printed `" << s.text << "`\nwhat the runs printed:\n"
        << printed.all();
    ++checked;
  }
  EXPECT_GE(checked, 15) << "the README's printed lines were not found; has its format changed?";
}

// Every versa command the README shows names a command versa has and
// options that command takes; the ones without placeholders are run, in
// order, in a built copy of the shipped project, and the view and render
// pair prints the published page.
TEST(Readme, EveryVersaCommandExistsAndTheRunnableOnesRun) {
  const auto snippets = readme_snippets();
  const std::set<std::string> commands = {"build",  "check", "serve",  "new-locale",
                                          "render", "view",  "version"};
  int forms = 0;
  for (const auto& s : snippets) {
    std::smatch m;
    if (program_of(s.text) != "versa" || !std::regex_match(s.text, m, kCommand)) continue;
    const std::string rest = m[3];
    std::string command;
    if (std::regex_search(rest, m, std::regex(R"(^([a-z][a-z-]*))"))) command = m[1];
    if (!command.empty()) {
      EXPECT_TRUE(lists(help_of(""), command))
          << "README.md:" << s.line << ": versa --help has no command " << command;
    }
    const std::string& help = help_of(command == "version" ? "" : command);
    static const std::regex option(R"(--[a-z][a-z-]*)");
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), option);
         it != std::sregex_iterator(); ++it) {
      EXPECT_TRUE(lists(help, it->str()))
          << "README.md:" << s.line << ": versa " << command << " --help lists no " << it->str();
    }
    ++forms;
  }
  EXPECT_GE(forms, 10);

  // The fenced blocks of versa commands without placeholders, run in order.
  TempDir dir;
  copy_shipped_inputs(dir.path());
  ASSERT_EQ(run_versa(dir.path(), "build").status, 0);
  int runnable = 0;
  for (const auto& block : fenced_blocks(snippets)) {
    std::string script, viewed;
    for (const auto& s : block) {
      if (program_of(s.text) != "versa" || has_placeholder(s.text)) continue;
      script += s.text + "\n";
      std::smatch m;
      if (std::regex_search(s.text, m, std::regex(R"(^versa view (\S+))"))) viewed = m[1];
    }
    if (script.empty()) continue;
    ++runnable;
    const RunResult r = run_shell(dir.path(), "set -e\n" + script);
    EXPECT_EQ(r.status, 0) << "README.md:" << block.front().line << ":\n" << script << r.out;
    if (!viewed.empty()) {  // "Render it … to get the published page, byte for byte"
      EXPECT_EQ(r.out, read_file(dir / "site" / viewed / "index.html"))
          << "README.md:" << block.front().line;
    }
  }
  EXPECT_EQ(runnable, 1) << "the view and render example; a new runnable block is welcome";
}

// Every script the README shows exists, parses, and reads each variable set
// before it and each word passed to it; every ctest selection selects tests.
// Other programs' commands are listed here, each a decision.
TEST(Readme, EveryScriptAndToolCommandIsChecked) {
  std::set<std::string> others;
  int scripts = 0;
  for (const auto& s : readme_snippets()) {
    std::smatch m;
    if (is_printed(s.text) || !std::regex_match(s.text, m, kCommand)) continue;
    const std::string settings = m[1], program = m[2], args = m[3];
    if (program == "versa") continue;
    if (program == "bash") {
      std::istringstream words(args);
      std::string script, word;
      words >> script;
      const fs::path path = kSource / script;
      ASSERT_TRUE(fs::is_regular_file(path)) << "README.md:" << s.line << ": no " << script;
      EXPECT_EQ(std::system(("bash -n '" + path.string() + "'").c_str()), 0) << script;
      const std::string text = read_file(path);
      static const std::regex setting("([A-Z_]+)=");
      for (auto it = std::sregex_iterator(settings.begin(), settings.end(), setting);
           it != std::sregex_iterator(); ++it) {
        EXPECT_TRUE(std::regex_search(text, std::regex("\\$\\{?" + (*it)[1].str() + "\\b")))
            << "README.md:" << s.line << ": " << script << " does not read " << (*it)[1];
      }
      while (words >> word) {
        if (std::regex_match(word, std::regex("[a-z][a-z-]*"))) {
          EXPECT_NE(text.find(word), std::string::npos)
              << "README.md:" << s.line << ": " << script << " knows no " << word;
        }
      }
      ++scripts;
    } else if (program == "ctest") {
      TempDir capture;
      const std::string cmd = "ctest --test-dir '" + std::string(VERSA_BUILD_DIR) + "' -N " + args +
                              " >'" + (capture / "out").string() + "' 2>&1";
      EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
      const std::string out = read_file(capture / "out");
      EXPECT_TRUE(std::regex_search(out, std::regex(R"(Total Tests: [1-9])")))
          << "README.md:" << s.line << ": `ctest " << args << "` selects nothing:\n"
          << out;
    } else {
      others.insert(program + " " + args);
    }
  }
  EXPECT_GE(scripts, 8);
  // Any static server serves the site; versa's tests read the files
  // themselves (links are relative), so Python's server is not run.
  EXPECT_EQ(others, (std::set<std::string>{"python3 -m http.server -d site"}));
}

// The page counts the README gives are what versa builds: the shipped site
// and the small copy of it the end-to-end tests use.
TEST(Readme, PageCountsAreTheBuiltSites) {
  const std::string readme = collapse_space(read_file(kSource / "README.md"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      readme, m,
      std::regex(
          R"(([0-9]+) SMTP codes give ([0-9,]+) comparison pages per language \(([0-9,]+) in all\)[^.]*, ([0-9,]+) pages\.)")))
      << "the introduction's counts";
  const auto number = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    return std::stol(s);
  };
  const long codes = number(m[1]), pairs = number(m[2]), all_pairs = number(m[3]),
             pages = number(m[4]);
  const auto catalogue = nlohmann::json::parse(read_file(kSource / "catalogue/smtp.json"));
  EXPECT_EQ(codes, static_cast<long>(catalogue["codes"].size()));
  EXPECT_EQ(pairs, codes * (codes - 1) / 2);
  long locales = 0;
  for (const auto& e : fs::directory_iterator(kSource / "locales"))
    locales += e.path().extension() == ".json";
  EXPECT_EQ(all_pairs, pairs * locales);

  const auto rendered = [](const fs::path& dir) {
    const RunResult r = run_versa(dir, "build --dry-run");
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string printed = r.err + r.out;
    std::smatch count;
    return std::regex_search(printed, count, std::regex(R"(([0-9]+) pages rendered)"))
               ? std::stol(count[1])
               : -1L;
  };
  TempDir shipped;
  copy_shipped_inputs(shipped.path());
  EXPECT_EQ(pages, rendered(shipped.path()));

  TempDir small;
  copy_small_project(small.path());
  const long small_pages = rendered(small.path());
  std::size_t mentions = 0;
  const std::regex copy(R"(([0-9,]+)-page copy of the project)");
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), copy);
       it != std::sregex_iterator(); ++it, ++mentions) {
    EXPECT_EQ(number((*it)[1]), small_pages) << it->str();
  }
  EXPECT_GE(mentions, 1u);
}
