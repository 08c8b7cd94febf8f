// write: versa touches only what it made. Symbolic links in and beside the
// output folder, crafted manifests, hand-edited files, overlapping folders,
// two builds at once, and rebuilds killed or failed at chosen points
// (VERSA_TEST_FAULT, see write/fault_points.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;

namespace {

// A small copy of the shipped project (6 codes, 6 languages: 228 pages, 90 of them redirects).
class OutputSafety : public ::testing::Test {
 protected:
  void SetUp() override { copy_small_project(dir_.path()); }
  [[nodiscard]] fs::path at(const std::string& rel) const { return dir_ / rel; }
  RunResult build(const std::string& args = "", const std::string& env = "") const {
    return run_versa(dir_.path(), "build " + args, env);
  }
  // Every page changes: the layout gets a comment.
  void change_layout(const std::string& mark) const {
    std::ofstream(at("templates/layout.html"), std::ios::app) << "<!-- " << mark << " -->\n";
  }
  TempDir dir_;
};

// Relative paths of every entry below `root` (links not followed).
std::set<std::string> tree(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    out.insert(fs::relative(e.path(), root).string());
  }
  return out;
}

// Names of the entries directly in `folder`.
std::set<std::string> entries(const fs::path& folder) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) out.insert(e.path().filename());
  return out;
}

// What a failed first build leaves: no folder, or the empty one that was there.
bool empty_or_absent(const fs::path& folder) {
  return !fs::exists(folder) || fs::is_empty(folder);
}

bool any_temporary(const fs::path& root) {
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().filename().string().find(".versa-tmp-") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_F(OutputSafety, RecordsBesideTheFolderAreNeverWrittenThroughLinks) {
  ASSERT_EQ(build().status, 0);
  write_file(at("victim.txt"), "precious");
  write_file(at("victim2.txt"), "precious too");
  // The old temporary name of the manifest, and the journal, as links.
  fs::create_symlink(at("victim.txt"), at(".site.versa-manifest.tmp"));
  fs::create_symlink(at("victim2.txt"), at(".site.versa-journal"));
  change_layout("v2");
  const RunResult r = build();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(at("victim.txt")), "precious");
  EXPECT_EQ(read_file(at("victim2.txt")), "precious too");
  EXPECT_NE(r.err.find("ignored .site.versa-journal"), std::string::npos) << r.err;

  // The manifest itself as a link to a file: ignored, not obeyed, not replaced.
  fs::remove(at(".site.versa-manifest"));
  write_file(at("elsewhere/manifest"), "versa-manifest 2 x\n0 1 1 index.html\n");
  fs::create_symlink(at("elsewhere/manifest"), at(".site.versa-manifest"));
  change_layout("v3");
  const RunResult again = build();
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("ignored .site.versa-manifest beside site: it is a symbolic link"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(read_file(at("elsewhere/manifest")), "versa-manifest 2 x\n0 1 1 index.html\n");
  EXPECT_FALSE(fs::is_symlink(at(".site.versa-manifest")));
}

TEST_F(OutputSafety, ALockThatIsALinkStopsTheBuild) {
  write_file(at("victim.txt"), "precious");
  fs::create_symlink(at("victim.txt"), at(".site.versa-lock"));
  const RunResult r = build();
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot use the lock .site.versa-lock"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(at("victim.txt")), "precious");
  EXPECT_FALSE(fs::exists(at("site/index.html")));
}

TEST_F(OutputSafety, AFolderReplacedByALinkIsNeverEmptied) {
  ASSERT_EQ(build().status, 0);
  // tr/ now leads to someone else's folder holding files of the same names.
  fs::rename(at("site/tr"), at("other-tr"));
  fs::create_directory_symlink(at("other-tr"), at("site/tr"));
  const auto before = snapshot(at("other-tr"));
  fs::remove(at("locales/tr.json"));
  const RunResult r = build();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(snapshot(at("other-tr")), before);
  EXPECT_TRUE(fs::is_symlink(at("site/tr")));
  EXPECT_NE(r.err.find("kept site/tr/index.html: a symbolic link or a file is in its path"),
            std::string::npos)
      << r.err;
}

TEST_F(OutputSafety, AHandEditedFileIsKeptAndReported) {
  ASSERT_EQ(build().status, 0);
  write_file(at("site/tr/index.html"), "my notes");
  fs::remove(at("locales/tr.json"));
  const RunResult r = build();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(at("site/tr/index.html")), "my notes");
  EXPECT_NE(r.err.find("warning: kept site/tr/index.html: changed since versa wrote it"),
            std::string::npos)
      << r.err;
  // Everything else of tr/ was versa's and is gone.
  EXPECT_EQ(tree(at("site/tr")), std::set<std::string>{"index.html"});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(, (\d+) removed)"))) << r.out;
  // Its 15 comparisons and their 15 redirects, 6 code pages, its 404.
  EXPECT_EQ(std::stoi(m[1]), 37);
}

TEST_F(OutputSafety, ATrailingSlashDoesNotLeadThroughALink) {
  fs::create_directory(at("real"));
  fs::create_directory_symlink(at("real"), at("link"));
  for (const std::string out : {"link/", "link/.", "real/../link"}) {
    const RunResult r = build("--out " + out);
    EXPECT_EQ(r.status, 1) << out;
    EXPECT_NE(r.err.find("is a symbolic link or a file, not a folder versa made"),
              std::string::npos)
        << out << ": " << r.err;
    EXPECT_TRUE(fs::is_empty(at("real"))) << out;
  }
  // The same folder named with a slash or a detour is one output.
  ASSERT_EQ(build("--out real/").status, 0);
  EXPECT_TRUE(fs::exists(at("real/index.html")));
  EXPECT_TRUE(fs::exists(at(".real.versa-manifest")));
  const RunResult again = build("--out ./x/../real");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 written"), std::string::npos) << again.out;
}

TEST_F(OutputSafety, ACraftedManifestIsNotObeyed) {
  ASSERT_EQ(build().status, 0);
  write_file(at("victim.txt"), "precious");
  write_file(at("site/mine.html"), "my page");
  // A path outside the folder: the whole manifest is ignored.
  write_file(at(".site.versa-manifest"), "versa-manifest 2 x\n0 8 1 ../victim.txt\n");
  change_layout("v2");
  RunResult r = build();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(at("victim.txt")), "precious");
  EXPECT_NE(r.err.find("names a path outside the output folder"), std::string::npos) << r.err;
  // A user's file listed with bytes versa never wrote: kept.
  write_file(at(".site.versa-manifest"), "versa-manifest 2 x\n1234 7 1 mine.html\n");
  change_layout("v3");
  r = build();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(at("site/mine.html")), "my page");
  EXPECT_NE(r.err.find("kept site/mine.html: changed since versa wrote it"), std::string::npos)
      << r.err;
  // A foreign first line.
  write_file(at(".site.versa-manifest"), "hugo 1\n");
  r = build();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("was not written by this versa"), std::string::npos) << r.err;
}

TEST_F(OutputSafety, OutputMayNotOverlapTheInputs) {
  const auto templates = snapshot(at("templates"));
  for (const std::string out :
       {"templates", "templates/site", ".", "..", "catalogue/x", "locales"}) {
    const RunResult r = build("--out " + out);
    EXPECT_EQ(r.status, 1) << out;
    EXPECT_NE(r.err.find("error: "), std::string::npos) << out;
    EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << out;
  }
  EXPECT_EQ(snapshot(at("templates")), templates);
  EXPECT_FALSE(fs::exists(at("templates/site")));
  EXPECT_FALSE(fs::exists(at("index.html")));
}

TEST_F(OutputSafety, OneBuildAtATime) {
  // This process holds the lock, as a running build would.
  const int fd = ::open(at(".site.versa-lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  ASSERT_EQ(::fcntl(fd, F_SETLK, &lock), 0);
  struct stat held {};
  ASSERT_EQ(::fstat(fd, &held), 0);
  const RunResult r = build();
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("another versa build (process " + std::to_string(::getpid()) +
                       ") is writing into site"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(at("site/index.html")));
  // The refused build left the holder's lock where it was: removed, it
  // would let a third build take a new one beside the first.
  struct stat named {};
  ASSERT_EQ(::stat(at(".site.versa-lock").c_str(), &named), 0);
  EXPECT_EQ(named.st_ino, held.st_ino);
  EXPECT_NE(build("--out site").err.find("another versa build"), std::string::npos);
  ::close(fd);  // the holder is gone: its lock file no longer blocks
  const RunResult after = build();
  EXPECT_EQ(after.status, 0) << after.err;
}

TEST_F(OutputSafety, AKilledRebuildIsCompletedByTheNext) {
  // The clean result: the shipped site without Turkish.
  fs::rename(at("locales/tr.json"), at("tr.json"));
  ASSERT_EQ(build("--out clean").status, 0);
  ASSERT_EQ(build().status, 0);
  const auto old_site = snapshot(at("site"));
  // A rebuild with Turkish back and every page changed, killed after 110
  // files: past the pages of ar, de, en and id (plan order), so Turkish pages
  // that no manifest knows are on disk.
  fs::copy_file(at("tr.json"), at("locales/tr.json"));
  const std::string layout = read_file(at("templates/layout.html"));
  change_layout("v2");
  ASSERT_EQ(build("--out new").status, 0);
  const auto new_site = snapshot(at("new"));
  const RunResult killed = build("--jobs 1", "VERSA_TEST_FAULT=write:110:kill");
  ASSERT_NE(killed.status, 0);
  // Every file is whole, in its old or its new version.
  std::size_t olds = 0, news = 0, turkish = 0;
  for (const auto& [path, bytes] : snapshot(at("site"))) {
    const auto o = old_site.find(path), n = new_site.find(path);
    if (n != new_site.end() && n->second == bytes) {
      ++news;
      turkish += path.starts_with("tr/");
    } else {
      ASSERT_TRUE(o != old_site.end() && o->second == bytes) << path << " is neither old nor new";
      ++olds;
    }
  }
  EXPECT_GE(news, 109u);
  EXPECT_GT(olds, 0u);
  EXPECT_GT(turkish, 10u);
  EXPECT_TRUE(fs::exists(at(".site.versa-journal")));
  // Back to the first inputs: the Turkish pages the killed build wrote are
  // versa's and go; the result is the clean build, with nothing left over.
  fs::remove(at("locales/tr.json"));
  write_file(at("templates/layout.html"), layout);
  const RunResult next = build();
  ASSERT_EQ(next.status, 0) << next.err;
  EXPECT_EQ(snapshot(at("site")), snapshot(at("clean")));
  EXPECT_EQ(tree(at("site")), tree(at("clean")));
  EXPECT_FALSE(fs::exists(at(".site.versa-journal")));
  EXPECT_EQ(next.err.find("kept"), std::string::npos) << next.err;
}

TEST_F(OutputSafety, AKillBetweenTemporaryFileAndRenameLeavesNothingBehind) {
  ASSERT_EQ(build().status, 0);
  change_layout("v2");
  ASSERT_EQ(build("--out new").status, 0);
  const RunResult killed = build("", "VERSA_TEST_FAULT=rename:5:kill");
  ASSERT_NE(killed.status, 0);
  EXPECT_TRUE(any_temporary(at("site")));
  ASSERT_EQ(build().status, 0);
  EXPECT_FALSE(any_temporary(at("site")));
  EXPECT_EQ(snapshot(at("site")), snapshot(at("new")));
  EXPECT_EQ(tree(at("site")), tree(at("new")));
}

TEST_F(OutputSafety, AFailedRebuildSaysWhatItWrote) {
  ASSERT_EQ(build().status, 0);
  const auto old_site = snapshot(at("site"));
  change_layout("v2");
  ASSERT_EQ(build("--out new").status, 0);
  const RunResult failed = build("--jobs 1", "VERSA_TEST_FAULT=write:30:fail");
  EXPECT_EQ(failed.status, 1);
  EXPECT_EQ(failed.err.find("nothing was written"), std::string::npos) << failed.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(failed.err, m,
                                std::regex(R"((\d+) file\(s\) were written before it stopped, so )"
                                           R"(site mixes old and new files)")))
      << failed.err;
  std::size_t changed = 0;
  for (const auto& [path, bytes] : snapshot(at("site"))) changed += old_site.at(path) != bytes;
  EXPECT_EQ(std::to_string(changed), m[1].str());
  EXPECT_EQ(changed, 29u);
  ASSERT_EQ(build().status, 0);
  EXPECT_EQ(snapshot(at("site")), snapshot(at("new")));
}

TEST_F(OutputSafety, AFailedFirstBuildPublishesNothingAndSaysSo) {
  const RunResult failed = build("", "VERSA_TEST_FAULT=write:100:fail");
  EXPECT_EQ(failed.status, 1);
  EXPECT_NE(failed.err.find("nothing was written"), std::string::npos) << failed.err;
  EXPECT_FALSE(fs::exists(at("site")));  // the folder it created is gone too
  EXPECT_EQ(entries(dir_.path()).count(".site.versa-manifest"), 0u);
}

TEST_F(OutputSafety, AKillWhileMovingAStagedBuildInConverges) {
  ASSERT_EQ(build("--out clean").status, 0);
  const RunResult killed = build("", "VERSA_TEST_FAULT=move:3:kill");
  ASSERT_NE(killed.status, 0);
  EXPECT_FALSE(fs::is_empty(at("site")));
  const RunResult next = build();
  ASSERT_EQ(next.status, 0) << next.err;
  EXPECT_EQ(snapshot(at("site")), snapshot(at("clean")));
  // The staging folder is gone, and nothing else was left beside the site.
  for (const std::string& name : entries(dir_.path())) {
    EXPECT_EQ(name.find("staging"), std::string::npos) << name;
  }
}

TEST_F(OutputSafety, CheckRefusesWhatTheBuildCouldNotWrite) {
  // A slug that makes comparison folder names longer than 255 bytes.
  std::string catalogue = read_file(at("catalogue/smtp.json"));
  const std::string slug = "\"slug\": \"system-status\"";
  const auto pos = catalogue.find(slug);
  ASSERT_NE(pos, std::string::npos);
  catalogue.replace(pos, slug.size(), "\"slug\": \"" + std::string(250, 'x') + "\"");
  write_file(at("catalogue/smtp.json"), catalogue);
  const RunResult check = run_versa(dir_.path(), "check");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.err.find("file names may have at most 255 bytes"), std::string::npos)
      << check.err;
  EXPECT_NE(check.err.find("catalogue/smtp.json:"), std::string::npos) << check.err;
  const RunResult b = build();
  EXPECT_EQ(b.status, 1);
  EXPECT_NE(b.err.find("nothing was written"), std::string::npos);
  EXPECT_TRUE(empty_or_absent(at("site")));
}

TEST_F(OutputSafety, NewLocaleNeverWritesThroughALink) {
  fs::create_symlink(at("victim.json"), at("locales/pt.json"));  // dangling
  const RunResult r = run_versa(dir_.path(), "new-locale pt");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(at("victim.json")));
}

TEST_F(OutputSafety, AKilledFirstBuildPublishesNothing) {
  ASSERT_EQ(build("--out clean").status, 0);
  const RunResult killed = build("", "VERSA_TEST_FAULT=write:40:kill");
  ASSERT_NE(killed.status, 0);
  EXPECT_TRUE(fs::is_empty(at("site")));  // the 39 files are in the staging folder
  bool staged = false;
  for (const std::string& name : entries(dir_.path()))
    staged = staged || name.find("staging") != std::string::npos;
  EXPECT_TRUE(staged);
  // The next build removes what the killed one staged and publishes the whole site.
  ASSERT_EQ(build().status, 0);
  EXPECT_EQ(snapshot(at("site")), snapshot(at("clean")));
  const std::set<std::string> beside = {"catalogue", "locales",
                                        "templates", "site.json",
                                        "clean",     ".clean.versa-manifest",
                                        "site",      ".site.versa-manifest"};
  EXPECT_EQ(entries(dir_.path()), beside);
}

// The folders on the way to --out that a failed first build created are
// removed again (they were left empty before); those that were there stay,
// and so does anything put into a created one meanwhile.
TEST_F(OutputSafety, AFailedFirstBuildLeavesNoFolderOnTheWayToOut) {
  const std::string config = read_file(at("site.json"));
  std::string small_pages = config;  // a limit found only by rendering
  small_pages.insert(small_pages.find('{') + 1, "\n  \"max_page_bytes\": 2000,");
  write_file(at("site.json"), small_pages);
  fs::create_directory(at("there"));
  for (const std::string out : {"new/deeper/site", "there/new/site", "there/site"}) {
    const RunResult r = build("--out " + out);
    EXPECT_EQ(r.status, 1) << out;
    EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(at("new")));
  EXPECT_TRUE(fs::is_directory(at("there")));
  EXPECT_EQ(entries(at("there")), std::set<std::string>{});

  write_file(at("site.json"), config);  // a build that succeeds keeps them
  ASSERT_EQ(build("--out new/deeper/site").status, 0);
  EXPECT_TRUE(fs::is_regular_file(at("new/deeper/site/index.html")));
}

TEST_F(OutputSafety, PagesOverTheLimitsStopTheBuildBeforeAnyWrite) {
  ASSERT_EQ(build().status, 0);
  const auto before = snapshot(at("site"));
  const std::string config = read_file(at("site.json"));
  const auto with = [&](const std::string& setting) {
    std::string c = config;
    c.insert(c.find('{') + 1, "\n  " + setting + ",");
    write_file(at("site.json"), c);
  };
  change_layout("v2");  // every page would be rewritten
  with("\"max_page_bytes\": 2000");
  RunResult check = run_versa(dir_.path(), "check");
  EXPECT_EQ(check.status, 1);
  std::regex located(R"(templates/(compare|code|home|404)\.html: error: page \S+ renders to \d+ )"
                     R"(bytes, more than the limit of 2000)");
  EXPECT_TRUE(std::regex_search(check.err, located)) << check.err;
  RunResult r = build();
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(std::regex_search(r.err, located)) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(at("site")), before);

  with("\"max_site_bytes\": 100000");
  r = build();
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("more than the limit of 100000; raise max_site_bytes"), std::string::npos)
      << r.err;
  EXPECT_EQ(snapshot(at("site")), before);
  // Into an empty folder the build is staged: it stops and publishes nothing.
  r = build("--out fresh");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(at("fresh")));

  with("\"max_page_bytes\": 0");
  check = run_versa(dir_.path(), "check");
  EXPECT_EQ(check.status, 1) << check.err;
  EXPECT_NE(check.err.find("site.json:2:21: error: max_page_bytes must be a whole number"),
            std::string::npos)
      << check.err;
}
