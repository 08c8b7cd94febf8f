// render: each page's structured data, schema.org as JSON-LD: where the page
// sits (BreadcrumbList) and what it is (WebSite, TechArticle), in the page's
// language, from what its view model already says.
#include <string>
#include <string_view>

#include "core/html.hpp"
#include "render/view_model.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

namespace {

// A text-only value without the right-to-left mark versa puts before it on
// right-to-left pages: JSON-LD readers get the text itself.
std::string plain(const json& v, std::string_view key) {
  std::string text(member(v, key));
  constexpr std::string_view kMark = "\u200F";
  if (std::string_view(text).starts_with(kMark)) text.erase(0, kMark.size());
  return text;
}

}  // namespace

void ViewModelBuilder::structured_data(const Page& page, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  const std::string home = urls_.absolute(urls_.home(page.locale));
  const std::string& site_name = label(l10n, "site_name");
  nlohmann::ordered_json crumbs = nlohmann::ordered_json::array();
  const auto crumb = [&](const std::string& name, const std::string& url) {
    crumbs.push_back(
        {{"@type", "ListItem"}, {"position", crumbs.size() + 1}, {"name", name}, {"item", url}});
  };
  crumb(label(l10n, "breadcrumb_home"), home);
  const bool article = page.kind == PageKind::code || page.kind == PageKind::compare;
  if (article) {
    const Protocol& p = project_.inputs.protocols[page.protocol];
    crumb(p.name, home + "#" + p.id);
    if (page.kind == PageKind::compare) {
      crumb(label(l10n, "breadcrumb_compare"), home + "#compare-" + p.id);
    }
    crumb(std::string(member(v, "crumb_current")), std::string(member(v, "canonical")));
  }
  nlohmann::ordered_json graph = nlohmann::ordered_json::array();
  graph.push_back({{"@type", "BreadcrumbList"}, {"itemListElement", std::move(crumbs)}});
  if (page.kind == PageKind::home) {
    graph.push_back({{"@type", "WebSite"},
                     {"name", site_name},
                     {"url", home},
                     {"inLanguage", l10n.tag()},
                     {"description", plain(v, "description")}});
  } else if (article) {
    const std::string url(member(v, "canonical"));
    graph.push_back({{"@type", "TechArticle"},
                     {"headline", plain(v, "title")},
                     {"description", plain(v, "description")},
                     {"inLanguage", l10n.tag()},
                     {"url", url},
                     {"mainEntityOfPage", url},
                     {"isPartOf", {{"@type", "WebSite"}, {"name", site_name}, {"url", home}}}});
  }
  std::string& out = text_of(v, "json_ld");
  out =
      nlohmann::ordered_json{{"@context", "https://schema.org"}, {"@graph", std::move(graph)}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::strict);
  escape_json_for_script(out);
}

}  // namespace versa
