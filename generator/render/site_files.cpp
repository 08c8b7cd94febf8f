#include "render/site_files.hpp"

#include <algorithm>

#include "core/html.hpp"
#include "render/emitter.hpp"

namespace versa {

namespace {

constexpr std::string_view kUrlsetOpen =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";

void append_url(std::string& out, const Project& project, const Urls& urls, const Page& page) {
  // A page's folder is the same in every locale but for the locale's prefix.
  const std::string path = urls.path(page);
  const auto append_link = [&](std::size_t locale) {
    append_html_escaped(out, project.inputs.site.base_url);
    out += '/';
    append_html_escaped(out, urls.locale_prefix(locale));
    append_html_escaped(out, path);
  };
  out += "  <url>\n    <loc>";
  append_link(page.locale);
  out += "</loc>\n";
  for (std::size_t l = 0; l < project.localizations.size(); ++l) {
    out += "    <xhtml:link rel=\"alternate\" hreflang=\"";
    append_html_escaped(out, project.localizations[l].tag());
    out += "\" href=\"";
    append_link(l);
    out += "\"/>\n";
  }
  out += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"";
  append_link(project.default_locale);
  out += "\"/>\n  </url>\n";
}

}  // namespace

std::vector<std::string> site_file_names(std::size_t listed) {
  const std::size_t files = (listed + kUrlsPerSitemap - 1) / kUrlsPerSitemap;
  std::vector<std::string> names;
  if (files > 1) {
    for (std::size_t f = 0; f < files; ++f)
      names.push_back("sitemap-" + std::to_string(f + 1) + ".xml");
  }
  names.emplace_back("sitemap.xml");
  names.emplace_back("robots.txt");
  return names;
}

void emit_site_files(const Project& project, const Urls& urls, const Plan& pages,
                     const std::function<void(std::string_view, std::string_view)>& emit) {
  // Every page but "not found", which is the plan's last.
  const std::size_t listed = pages.listed();
  const std::size_t files = (listed + kUrlsPerSitemap - 1) / kUrlsPerSitemap;
  std::string index =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  // One buffer for every file, sized after the first URL: a sitemap of 5,000
  // URLs in six languages is ~4 MB, and growing it by doubling would hold
  // twice that at the peak.
  std::string out;
  for (std::size_t f = 0; f < std::max<std::size_t>(files, 1); ++f) {
    out.assign(kUrlsetOpen);
    for (std::size_t i = f * kUrlsPerSitemap; i < listed && i < (f + 1) * kUrlsPerSitemap; ++i) {
      append_url(out, project, urls, pages[i]);
      if (f == 0 && i == 0) {
        const std::size_t per_url = out.size() - kUrlsetOpen.size();
        out.reserve(kUrlsetOpen.size() + per_url * std::min(listed, kUrlsPerSitemap) * 5 / 4 + 64);
      }
    }
    out += "</urlset>\n";
    if (files <= 1) {
      emit("sitemap.xml", out);
    } else {
      const std::string name = "sitemap-" + std::to_string(f + 1) + ".xml";
      emit(name, out);
      index += "  <sitemap><loc>";
      append_html_escaped(index, urls.absolute(name));
      index += "</loc></sitemap>\n";
    }
  }
  if (files > 1) emit("sitemap.xml", index + "</sitemapindex>\n");
  emit("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("sitemap.xml") + "\n");
}

}  // namespace versa

namespace versa {

namespace {

// The sitemaps list every page from the plan alone: they need no HTML.
class SitemapEmitter final : public Emitter {
 public:
  SitemapEmitter(const Project& project, const Urls& urls, const Plan& pages)
      : project_(project), urls_(urls), pages_(pages) {}
  [[nodiscard]] std::vector<std::string> file_names() const override {
    return site_file_names(pages_.listed());
  }
  [[nodiscard]] bool needs_pages() const override { return false; }
  void page(std::size_t, const Page&, std::string_view) override {}
  void finish(const Emit& emit) override { emit_site_files(project_, urls_, pages_, emit); }

 private:
  const Project& project_;
  const Urls& urls_;
  const Plan& pages_;
};

}  // namespace

std::unique_ptr<Emitter> make_sitemap_emitter(const Project& project, const Urls& urls,
                                              const Plan& pages) {
  return std::make_unique<SitemapEmitter>(project, urls, pages);
}

}  // namespace versa
