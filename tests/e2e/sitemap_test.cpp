// render: sitemap.xml lists every published page once; past 5,000 URLs it
// becomes an index of sitemap-N.xml files of at most 5,000 URLs each (the
// limit search engines are asked to read comfortably; see site_files.hpp).
// The XML is parsed, not searched: a small strict reader below.
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"

using namespace versa::test;

namespace {

// The documented most URLs of one sitemap file.
constexpr std::size_t kLimit = 5000;

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<std::unique_ptr<XmlElement>> children;
  std::string text;  // the character data directly inside, entities decoded

  [[nodiscard]] std::vector<const XmlElement*> all(const std::string& child) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children) {
      if (c->name == child) out.push_back(c.get());
    }
    return out;
  }
};

// Reads the XML subset sitemaps use (a declaration, elements, attributes in
// double quotes, text, the five predefined entities) and throws on anything
// else or on a tag that does not close what it should.
class XmlReader {
 public:
  explicit XmlReader(std::string text) : s_(std::move(text)) {}

  std::unique_ptr<XmlElement> document() {
    const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    if (s_.compare(0, decl.size(), decl) != 0) fail("no XML declaration");
    i_ = decl.size();
    skip_space();
    auto root = element();
    skip_space();
    if (i_ != s_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw std::runtime_error("XML at byte " + std::to_string(i_) + ": " + why);
  }
  void skip_space() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  std::string name() {
    const std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == ':' ||
                              s_[i_] == '-' || s_[i_] == '_')) {
      ++i_;
    }
    if (i_ == start) fail("a name was expected");
    return s_.substr(start, i_ - start);
  }
  std::string decode(const std::string& raw) const {
    static const std::map<std::string, char> entities{
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    std::string out;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '<') fail("'<' in text");
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      const std::size_t end = raw.find(';', k);
      const auto e =
          end == std::string::npos ? entities.end() : entities.find(raw.substr(k + 1, end - k - 1));
      if (e == entities.end()) fail("unknown entity");
      out += e->second;
      k = end;
    }
    return out;
  }
  std::unique_ptr<XmlElement> element() {
    if (s_[i_] != '<') fail("'<' expected");
    ++i_;
    auto el = std::make_unique<XmlElement>();
    el->name = name();
    for (;;) {
      skip_space();
      if (s_.compare(i_, 2, "/>") == 0) {
        i_ += 2;
        return el;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      const std::string attr = name();
      if (s_.compare(i_, 2, "=\"") != 0) fail("attribute without =\"");
      i_ += 2;
      const std::size_t end = s_.find('"', i_);
      if (end == std::string::npos) fail("unterminated attribute");
      if (!el->attributes.emplace(attr, decode(s_.substr(i_, end - i_))).second) {
        fail("attribute " + attr + " twice");
      }
      i_ = end + 1;
    }
    for (;;) {
      const std::size_t lt = s_.find('<', i_);
      if (lt == std::string::npos) fail("unclosed <" + el->name + ">");
      el->text += decode(s_.substr(i_, lt - i_));
      i_ = lt;
      if (s_.compare(i_, 2, "</") == 0) {
        i_ += 2;
        if (name() != el->name) fail("</...> does not close <" + el->name + ">");
        if (s_[i_] != '>') fail("'>' expected");
        ++i_;
        return el;
      }
      el->children.push_back(element());
    }
  }

  std::string s_;
  std::size_t i_ = 0;
};

std::unique_ptr<XmlElement> parse_xml(const fs::path& file) {
  return XmlReader(read_file(file)).document();
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \n");
  const auto e = s.find_last_not_of(" \n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

const std::string kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

// A temporary folder in memory when the machine has /dev/shm: removing
// 5,000 files from this machine's disk takes longer (17 s) than the rest of
// the test, and what is tested is the files' content, not the disk.
class ScratchDir {
 public:
  ScratchDir() {
    std::error_code ec;
    const fs::path base = fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0
                              ? fs::path("/dev/shm")
                              : fs::temp_directory_path();
    std::string pattern = (base / "versa-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] fs::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

}  // namespace

TEST(Sitemap, PastFiveThousandUrlsAnIndexListsSitemapsThatHoldEveryPageOnce) {
  ScratchDir dir;
  // 41 codes in six languages: 6 x (820 comparisons + 41 codes + 1 home) = 5,172 URLs.
  const std::string synth = std::string("'") + VERSA_SYNTH_BINARY + "' '" + VERSA_SOURCE_DIR +
                            "' 41 '" + (dir / "project").string() + "' > /dev/null";
  ASSERT_EQ(std::system(synth.c_str()), 0);
  const fs::path project = dir / "project";
  const RunResult r = run_versa(project, "build");
  ASSERT_EQ(r.status, 0) << r.err;
  const fs::path site = project / "site";
  const std::string base =
      nlohmann::json::parse(read_file(project / "site.json"))["base_url"].get<std::string>();
  std::size_t locales = 0;
  for (const auto& e : fs::directory_iterator(project / "locales")) locales += e.is_regular_file();

  // Every page on disk, as its URL: a folder's index.html is the folder.
  // Redirects are no pages of their own.
  std::set<std::string> pages;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (e.path().filename() != "index.html") continue;
    if (HtmlPage(read_file(e.path())).redirects()) continue;
    const std::string folder = fs::relative(e.path().parent_path(), site).string();
    pages.insert(base + "/" + (folder == "." ? "" : folder + "/"));
  }
  ASSERT_GT(pages.size(), kLimit);

  // sitemap.xml is the index, and robots.txt names it.
  EXPECT_EQ(read_file(site / "robots.txt"),
            "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n");
  std::unique_ptr<XmlElement> index;
  ASSERT_NO_THROW(index = parse_xml(site / "sitemap.xml"));
  ASSERT_EQ(index->name, "sitemapindex");
  EXPECT_EQ(index->attributes["xmlns"], kNamespace);
  std::vector<std::string> listed;
  for (const XmlElement* s : index->all("sitemap")) {
    const auto loc = s->all("loc");
    ASSERT_EQ(loc.size(), 1u);
    const std::string url = trimmed(loc[0]->text);
    ASSERT_EQ(url.rfind(base + "/", 0), 0u) << url;
    listed.push_back(url.substr(base.size() + 1));
  }
  // As few files as the limit allows, each listed once, and no other on disk.
  EXPECT_EQ(listed.size(), (pages.size() + kLimit - 1) / kLimit);
  std::set<std::string> on_disk;
  for (const auto& e : fs::directory_iterator(site)) {
    const std::string name = e.path().filename();
    if (name.starts_with("sitemap") && name != "sitemap.xml") on_disk.insert(name);
  }
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), on_disk);
  EXPECT_EQ(on_disk.size(), listed.size()) << "a sitemap is listed twice";

  // Across the sitemaps, every page exactly once, each with its alternates.
  std::multiset<std::string> urls;
  for (const std::string& name : listed) {
    SCOPED_TRACE(name);
    std::unique_ptr<XmlElement> sitemap;
    ASSERT_NO_THROW(sitemap = parse_xml(site / name));
    ASSERT_EQ(sitemap->name, "urlset");
    EXPECT_EQ(sitemap->attributes["xmlns"], kNamespace);
    const auto entries = sitemap->all("url");
    EXPECT_GT(entries.size(), 0u);
    EXPECT_LE(entries.size(), kLimit);
    for (const XmlElement* u : entries) {
      const auto loc = u->all("loc");
      ASSERT_EQ(loc.size(), 1u);
      urls.insert(trimmed(loc[0]->text));
      const auto links = u->all("xhtml:link");
      EXPECT_EQ(links.size(), locales + 1);  // every language and x-default
      bool self = false;
      for (const XmlElement* l : links) self |= l->attributes.at("href") == trimmed(loc[0]->text);
      EXPECT_TRUE(self) << trimmed(loc[0]->text);
    }
  }
  // Said as the URLs that are not listed exactly once, and those that are no page.
  std::vector<std::string> wrong;
  for (const std::string& page : pages) {
    if (const std::size_t n = urls.count(page); n != 1)
      wrong.push_back(page + " listed " + std::to_string(n) + " times");
  }
  for (const std::string& url : urls) {
    if (!pages.contains(url)) wrong.push_back(url + " is no page");
  }
  EXPECT_EQ(wrong.size(), 0u) << "e.g. " << (wrong.empty() ? "" : wrong.front());
}
