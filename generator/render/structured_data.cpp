// render: each page's structured data, schema.org as JSON-LD: where the page
// sits (BreadcrumbList) and what it is (WebSite, TechArticle), in the page's
// language, from what its view model already says. Written straight into
// the page's reused buffer: a JSON library's tree and serializer cost more
// than the rest of the page.
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
std::string_view plain(const json& v, std::string_view key) {
  std::string_view text = member(v, key);
  constexpr std::string_view kMark = "\u200F";
  if (text.starts_with(kMark)) text.remove_prefix(kMark.size());
  return text;
}

// Appends "key":"value" (with a comma before it unless it is the first).
void field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
  if (!first) out += ',';
  out.append("\"").append(key).append("\":");
  append_script_json_string(out, value);
}

}  // namespace

void ViewModelBuilder::structured_data(const Page& page, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  const std::string home = urls_.absolute(urls_.home(page.locale));
  const std::string& site_name = label(l10n, "site_name");
  std::string& out = text_of(v, "json_ld");
  out.append(R"({"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList",)"
             R"("itemListElement":[)");
  int position = 0;
  const auto crumb = [&](std::string_view name, std::string_view url) {
    out.append(position == 0 ? "" : ",").append(R"({"@type":"ListItem","position":)");
    out.append(std::to_string(++position));
    field(out, "name", name);
    field(out, "item", url);
    out += '}';
  };
  crumb(label(l10n, "breadcrumb_home"), home);
  const bool article = page.kind == PageKind::code || page.kind == PageKind::compare;
  if (article) {
    const Protocol& p = project_.inputs.protocols[page.protocol];
    crumb(p.name, home + "#" + p.id);
    if (page.kind == PageKind::compare) {
      crumb(label(l10n, "breadcrumb_compare"), home + "#compare-" + p.id);
    }
    crumb(member(v, "crumb_current"), member(v, "canonical"));
  }
  out.append("]}");
  if (page.kind == PageKind::home) {
    out.append(R"(,{"@type":"WebSite")");
    field(out, "name", site_name);
    field(out, "url", home);
    field(out, "inLanguage", l10n.tag());
    field(out, "description", plain(v, "description"));
    out += '}';
  } else if (article) {
    const std::string_view url = member(v, "canonical");
    out.append(R"(,{"@type":"TechArticle")");
    field(out, "headline", plain(v, "title"));
    field(out, "description", plain(v, "description"));
    field(out, "inLanguage", l10n.tag());
    field(out, "url", url);
    field(out, "mainEntityOfPage", url);
    out.append(R"(,"isPartOf":{"@type":"WebSite")");
    field(out, "name", site_name);
    field(out, "url", home);
    out.append("}}");
  }
  out.append("]}");
}

}  // namespace versa
