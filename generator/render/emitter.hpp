// render: files derived from the pages (the sitemaps today; a search index
// next). A new derived output is one new Emitter, not a change to the plan
// or to the write stage.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plan/pages.hpp"

namespace versa {

/// Receives each page as a render thread finishes it, then produces its files.
class Emitter {
 public:
  using Emit = std::function<void(std::string_view path, std::string_view bytes)>;
  virtual ~Emitter() = default;

  /// The files finish() produces, in that order: known before any page is
  /// rendered, so that every output has its number.
  [[nodiscard]] virtual std::vector<std::string> file_names() const = 0;
  /// True when finish() needs no page: it may then run beside the pages.
  [[nodiscard]] virtual bool needs_pages() const { return true; }
  /// Page `index` of the plan and its HTML. Called from several render
  /// threads at once, in any order: an emitter that keeps anything locks.
  virtual void page(std::size_t index, const Page& page, std::string_view html) = 0;
  /// Produces the files through `emit`, after every page() call (or at any
  /// time when needs_pages() is false). Called once, from one thread.
  virtual void finish(const Emit& emit) = 0;
};

/// sitemap.xml (an index of sitemap-N.xml files when the site is large) and
/// robots.txt; see site_files.hpp.
std::unique_ptr<Emitter> make_sitemap_emitter(const Project& project, const Urls& urls,
                                              const Plan& pages);

/// _redirects (Netlify, Cloudflare Pages) and redirects.nginx.map, as
/// site.json's "redirect_rules" asks: a 301 from the other order of every
/// pair to its comparison. No file when it asks for none.
std::unique_ptr<Emitter> make_redirect_rules_emitter(const Project& project, const Urls& urls,
                                                     const Plan& pages);

}  // namespace versa
