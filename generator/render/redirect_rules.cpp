// render: the hosts' own files of real redirects (301) from the other order
// of every pair to its comparison, for hosts that read them (site.json's
// "redirect_rules"); the redirect pages serve every other host.
#include <string>

#include "render/emitter.hpp"

namespace versa {

namespace {

// The path part of base_url ("" or "/docs"): rules match paths, not URLs.
std::string base_path(const std::string& base_url) {
  const auto scheme = base_url.find("://");
  const auto slash = base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "" : base_url.substr(slash);
}

class RedirectRulesEmitter final : public Emitter {
 public:
  RedirectRulesEmitter(const Project& project, const Urls& urls, const Plan& pages)
      : project_(project), urls_(urls), pages_(pages) {}
  [[nodiscard]] std::vector<std::string> file_names() const override {
    std::vector<std::string> names;
    if (project_.inputs.site.netlify_redirects) names.emplace_back("_redirects");
    if (project_.inputs.site.nginx_redirects) names.emplace_back("redirects.nginx.map");
    return names;
  }
  [[nodiscard]] bool needs_pages() const override { return false; }
  void page(std::size_t, const Page&, std::string_view) override {}
  void finish(const Emit& emit) override {
    const std::string base = base_path(project_.inputs.site.base_url) + "/";
    std::string netlify = "# From versa: each comparison's address with the higher code first\n";
    std::string nginx =
        "# From versa: each comparison's address with the higher code first, for\n"
        "#   map $uri $versa_redirect { include redirects.nginx.map; }\n"
        "#   if ($versa_redirect) { return 301 $versa_redirect; }\n";
    for (std::size_t i = pages_.listed(); i < pages_.size(); ++i) {
      Page page = pages_[i];
      if (page.kind != PageKind::redirect) continue;
      const std::string from = base + urls_.of(page);
      page.kind = PageKind::compare;
      const std::string to = base + urls_.of(page);
      netlify.append(from).append(" ").append(to).append(" 301\n");
      // nginx's $uri: with its slash and without it, as a reader may type it.
      for (const std::string_view f :
           {std::string_view(from), std::string_view(from).substr(0, from.size() - 1)}) {
        nginx.append(f).append(" ").append(to).append(";\n");
      }
    }
    if (project_.inputs.site.netlify_redirects) emit("_redirects", netlify);
    if (project_.inputs.site.nginx_redirects) emit("redirects.nginx.map", nginx);
  }

 private:
  const Project& project_;
  const Urls& urls_;
  const Plan& pages_;
};

}  // namespace

std::unique_ptr<Emitter> make_redirect_rules_emitter(const Project& project, const Urls& urls,
                                                     const Plan& pages) {
  return std::make_unique<RedirectRulesEmitter>(project, urls, pages);
}

}  // namespace versa
