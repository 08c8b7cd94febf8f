// Text from translators and contributors cannot inject markup. Every string of
// the catalogue and of every locale file (Arabic included, where Latin runs
// are wrapped in <bdi>) gets a payload appended, and site.json's base URL
// holds the characters a URL may hold that HTML and XML treat specially. Each
// page is then parsed as a browser would: it must have the same elements and
// attributes as the page built from the clean inputs, no event handler, and
// the payload as text where the text is shown.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>

#include "e2e/html_dom.hpp"
#include "e2e/run_versa.hpp"
#include "support/small_project.hpp"

using namespace versa::test;
using nlohmann::ordered_json;

namespace {

// Breaks out of a double-quoted attribute, of a single-quoted one, out of
// <title>, adds an element, looks like Mustache and like an entity.
const std::string kPayload =
    R"( "><script>x</script>' onmouseover=alert(1) x='</title><img src=x onerror=alert(2)>)"
    R"({{x}}{{{y}}}&amp;)";

// A base URL with every character of RFC 3986 that HTML or XML escapes and
// site.json accepts.
const std::string kBaseUrl = "https://versa.example.org/it's&more=(1)";

// The payload as a MessageFormat pattern that formats to the payload: an
// apostrophe is written twice, braces are quoted.
std::string as_message_literal(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{' || text[i] == '}') {
      const std::size_t end = text.find_first_not_of("{}", i);
      out += '\'';
      out += text.substr(i, end - i);
      out += '\'';
      i = end;
    } else {
      out += text[i] == '\'' ? "''" : std::string(1, text[i]);
      ++i;
    }
  }
  return out;
}

// Formats the simple patterns of the shipped locales ({name} arguments,
// apostrophes as ICU reads them), to know what a page must say.
std::string format(const std::string& pattern, const std::map<std::string, std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      const std::string name = pattern.substr(i + 1, close - i - 1);
      EXPECT_TRUE(args.contains(name)) << "not a simple pattern: " << pattern;
      out += args.contains(name) ? args.at(name) : "";
      i = close;
    } else if (pattern[i] == '\'' && i + 1 < pattern.size() && pattern[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// Appends the payload to every string except identifiers that are validated
// as URL-safe (codes, slugs, protocol ids) or name codes and phases.
void poison(ordered_json& j, const std::string& key = "") {
  if (j.is_string()) {
    if (key != "code" && key != "slug" && key != "protocol" && key != "confused_with" &&
        key != "phases")
      j = j.get<std::string>() + kPayload;
  } else if (j.is_object()) {
    for (auto& [k, v] : j.items()) poison(v, k);
  } else if (j.is_array()) {
    for (auto& v : j) poison(v, key);
  }
}

// The elements of a page in document order, each as its tag and attribute
// names ("meta name content"), with the text of scripts. <bdi> is left out:
// right-to-left pages isolate the payload's Latin letters in more of them.
void skeleton(const GumboNode* n, std::vector<std::string>& out) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = n->v.element;
  if (e.tag != GUMBO_TAG_BDI) {
    std::string s = e.tag == GUMBO_TAG_UNKNOWN ? std::string("?") : gumbo_normalized_tagname(e.tag);
    for (unsigned i = 0; i < e.attributes.length; ++i)
      s += std::string(" ") + static_cast<const GumboAttribute*>(e.attributes.data[i])->name;
    if (e.tag == GUMBO_TAG_SCRIPT && HtmlPage::attr(n, "type") == "application/ld+json") {
      // Data, which holds the texts: it must stay one JSON value that
      // nothing in it can end.
      const std::string data = HtmlPage::text(n);
      EXPECT_EQ(data.find('<'), std::string::npos) << data;
      EXPECT_TRUE(nlohmann::json::accept(data)) << data;
      s += " {json-ld}";
    } else if (e.tag == GUMBO_TAG_SCRIPT) {
      s += " {" + HtmlPage::text(n) + "}";
    }
    out.push_back(std::move(s));
  }
  for (unsigned i = 0; i < e.children.length; ++i)
    skeleton(static_cast<const GumboNode*>(e.children.data[i]), out);
}

std::vector<std::string> skeleton(const HtmlPage& page) {
  std::vector<std::string> out;
  skeleton(page.root(), out);
  return out;
}

// Every event-handler attribute (onclick, onerror, ...) of the page.
std::vector<std::string> event_handlers(const HtmlPage& page, const GumboNode* n = nullptr) {
  std::vector<std::string> out;
  if (n == nullptr) n = page.root();
  if (n->type != GUMBO_NODE_ELEMENT) return out;
  for (unsigned i = 0; i < n->v.element.attributes.length; ++i) {
    const std::string name =
        static_cast<const GumboAttribute*>(n->v.element.attributes.data[i])->name;
    if (name.rfind("on", 0) == 0) out.push_back(name);
  }
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    for (auto& h :
         event_handlers(page, static_cast<const GumboNode*>(n->v.element.children.data[i])))
      out.push_back(std::move(h));
  }
  return out;
}

std::map<std::string, std::string> meta_by_key(const HtmlPage& page) {
  std::map<std::string, std::string> meta;
  for (const GumboNode* m : page.all(GUMBO_TAG_META)) {
    const std::string name = HtmlPage::attr(m, "name");
    meta[name.empty() ? HtmlPage::attr(m, "property") : name] = HtmlPage::attr(m, "content");
  }
  return meta;
}

std::map<std::string, std::string> html_pages(const fs::path& site) {
  std::map<std::string, std::string> pages;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (e.path().extension() == ".html")
      pages[fs::relative(e.path(), site).generic_string()] = read_file(e.path());
  }
  return pages;
}

// What the clean inputs say, read from the files before they are poisoned.
struct Texts {
  std::map<std::string, ordered_json> locales;  // tag -> locale file
  ordered_json catalogue;

  std::string message(const std::string& locale, const std::string& key) const {
    const auto& m = locales.at(locale)["messages"];
    return (m.contains(key) ? m : locales.at("en")["messages"])[key].get<std::string>();
  }
  std::string code_text(const std::string& locale, const std::string& code,
                        const std::string& field) const {
    const auto& l = locales.at(locale);
    if (l.contains("catalogue") && l["catalogue"]["smtp"]["codes"].contains(code) &&
        l["catalogue"]["smtp"]["codes"][code].contains(field))
      return l["catalogue"]["smtp"]["codes"][code][field].get<std::string>();
    for (const auto& c : catalogue["codes"]) {
      if (c["code"] == code) return c[field].get<std::string>();
    }
    ADD_FAILURE() << "no code " << code;
    return {};
  }
  std::string code_name(const std::string& locale, const std::string& code) const {
    return code_text(locale, code, "name");
  }
};

}  // namespace

TEST(HostileInput, MarkupInTextsStaysTextOnEveryPage) {
  TempDir dir;
  copy_small_project(dir.path());
  auto config = ordered_json::parse(read_file(dir / "site.json"));
  config["base_url"] = kBaseUrl;
  write_file(dir / "site.json", config.dump(2));
  ASSERT_EQ(run_versa(dir.path(), "build --out clean").status, 0);

  Texts clean;
  const std::string& payload = kPayload;
  clean.catalogue = ordered_json::parse(read_file(dir / "catalogue/smtp.json"));
  {
    auto j = clean.catalogue;
    poison(j);
    write_file(dir / "catalogue/smtp.json", j.dump(2));
  }
  for (const auto& e : fs::directory_iterator(dir / "locales")) {
    auto j = ordered_json::parse(read_file(e.path()));
    clean.locales[e.path().stem().string()] = j;
    for (auto& [key, pattern] : j["messages"].items())
      pattern = pattern.get<std::string>() + as_message_literal(kPayload);
    if (j.contains("catalogue")) poison(j["catalogue"]);
    write_file(e.path(), j.dump(2));
  }
  ASSERT_TRUE(clean.locales.contains("ar"));
  const RunResult r = run_versa(dir.path(), "build --out site");
  ASSERT_EQ(r.status, 0) << r.err;

  const auto before = html_pages(dir / "clean");
  const auto after = html_pages(dir / "site");
  ASSERT_EQ(after.size(), before.size());
  const std::string protocol = clean.catalogue["name"].get<std::string>() + payload;
  const std::regex compare_path(
      R"(compare/smtp/(\d{3})-[a-z0-9-]+-vs-(\d{3})-[a-z0-9-]+/index\.html)");
  const std::regex code_path(R"(smtp/(\d{3})-[a-z0-9-]+/index\.html)");
  std::map<std::string, int> checked;  // by locale and kind
  for (const auto& [path, html] : after) {
    SCOPED_TRACE(path);
    const HtmlPage page(html);
    ASSERT_TRUE(before.contains(path));
    // No element and no attribute the clean page lacks; no event handler.
    EXPECT_EQ(skeleton(page), skeleton(HtmlPage(before.at(path))));
    EXPECT_EQ(event_handlers(page), std::vector<std::string>{});
    if (page.redirects()) continue;  // its comparison's title and name, checked there

    // The locale: the first folder if it names one, else the default.
    const std::string first = path.substr(0, path.find('/'));
    const std::string locale = clean.locales.contains(first) ? first : "en";
    const std::string rest = locale == first ? path.substr(first.size() + 1) : path;
    const std::string site = clean.message(locale, "site_name") + payload;
    std::string kind, heading, title, description;
    std::smatch m;
    if (std::regex_match(rest, m, compare_path)) {
      kind = "compare";
      const std::map<std::string, std::string> args = {
          {"protocol", protocol},
          {"a_code", m[1]},
          {"a_name", clean.code_name(locale, m[1]) + payload},
          {"b_code", m[2]},
          {"b_name", clean.code_name(locale, m[2]) + payload}};
      heading = format(clean.message(locale, "compare_title"), args) + payload;
      title = format(clean.message(locale, "compare_page_title"), args) + payload;
      description = format(clean.message(locale, "compare_meta"), args) + payload;
    } else if (std::regex_match(rest, m, code_path)) {
      kind = "code";
      const std::map<std::string, std::string> args = {
          {"protocol", protocol},
          {"code", m[1]},
          {"name", clean.code_name(locale, m[1]) + payload}};
      heading = format(clean.message(locale, "code_title"), args) + payload;
      title = heading;
      // A code page is described by the code's summary.
      description = clean.code_text(locale, m[1], "summary") + payload;
    } else if (rest == "index.html") {
      kind = "home";
      heading = title = site;
      description = format(clean.message(locale, "home_meta"), {{"protocol", protocol}}) + payload;
    } else if (rest == "404.html") {
      kind = "404";
      heading = clean.message(locale, "not_found_title") + payload;
      title = format(clean.message(locale, "page_title"), {{"page", heading}, {"site", site}}) +
              payload;
      description = heading;
    } else {
      ADD_FAILURE() << "a page of unknown kind";
      continue;
    }
    ++checked[locale + " " + kind];

    // The texts, payload included, are text where they are shown.
    ASSERT_EQ(page.all(GUMBO_TAG_TITLE).size(), 1u);
    EXPECT_EQ(HtmlPage::text(page.all(GUMBO_TAG_TITLE)[0]), title);
    ASSERT_EQ(page.all(GUMBO_TAG_H1).size(), 1u);
    EXPECT_EQ(HtmlPage::text(page.all(GUMBO_TAG_H1)[0]), heading);
    const auto meta = meta_by_key(page);
    EXPECT_EQ(meta.at("og:title"), title);
    EXPECT_EQ(meta.at("og:site_name"), site);
    // Descriptions are whole, never cut: over-long ones are reported instead.
    EXPECT_EQ(meta.at("description"), description);
    EXPECT_EQ(meta.at("og:description"), description);
    if (kind == "home") {
      const auto message = page.with_class("picker-message");
      ASSERT_FALSE(message.empty());
      EXPECT_EQ(HtmlPage::attr(message[0], "data-same"),
                clean.message(locale, "picker_same_code") + payload);
    }
    // URLs keep the base URL as written in site.json.
    if (kind != "404") {
      const std::string dir_url = path.substr(0, path.size() - std::string("index.html").size());
      EXPECT_EQ(meta.at("og:url"), kBaseUrl + "/" + dir_url);
      for (const GumboNode* l : page.all(GUMBO_TAG_LINK)) {
        const std::string rel = HtmlPage::attr(l, "rel");
        if (rel == "canonical" || rel == "alternate") {
          EXPECT_EQ(HtmlPage::attr(l, "href").rfind(kBaseUrl + "/", 0), 0u)
              << HtmlPage::attr(l, "href");
        }
      }
    }
    if (HasFailure()) return;  // one page's report is enough to read
  }
  // Every locale, Arabic included, and every kind of page was checked.
  for (const auto& [locale, file] : clean.locales) {
    for (const char* kind : {"compare", "code", "home"})
      EXPECT_GT(checked[locale + " " + kind], 0) << locale << " " << kind;
  }
  EXPECT_EQ(checked["en 404"], 1);

  // The base URL in the sitemap is XML-escaped: every '&' starts an entity.
  const std::string xml = read_file(dir / "site/sitemap.xml");
  const std::regex bare_amp("&(?!amp;|lt;|gt;|quot;|apos;|#39;)");
  EXPECT_FALSE(std::regex_search(xml, bare_amp));
  EXPECT_NE(xml.find("<loc>https://versa.example.org/it&#39;s&amp;more=(1)/</loc>"),
            std::string::npos)
      << xml.substr(0, 400);
  EXPECT_EQ(read_file(dir / "site/robots.txt"),
            "User-agent: *\nAllow: /\n\nSitemap: " + kBaseUrl + "/sitemap.xml\n");
}

// What cannot be escaped in a URL is refused: site.json's values never reach
// a page with a quote or an angle bracket.
TEST(HostileInput, SiteSettingsWithMarkupAreRefused) {
  TempDir dir;
  copy_small_project(dir.path(), 2);
  const auto config = ordered_json::parse(read_file(dir / "site.json"));
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"base_url", "https://versa.example.org/\"><script>x</script>"},
           {"base_url", "https://versa.example.org/{{x}}"},
           {"default_locale", "en\"><script>x</script>"}}) {
    SCOPED_TRACE(key + " = " + value);
    auto c = config;
    c[key] = value;
    write_file(dir / "site.json", c.dump(2));
    const RunResult check = run_versa(dir.path(), "check");
    EXPECT_EQ(check.status, 1) << check.err;
    EXPECT_TRUE(std::regex_search(check.err, std::regex(R"((^|\n)site\.json:\d+:\d+: error: )")))
        << check.err;
    EXPECT_FALSE(fs::exists(dir / "site"));
  }
}
