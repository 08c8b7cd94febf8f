#include "render/view_model.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/html.hpp"
#include "core/text_links.hpp"
#include "i18n/bidi.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

ViewModelBuilder::ViewModelBuilder(const SiteModel& model, const Urls& urls)
    : model_(model), project_(model.project()), urls_(urls) {
  const auto& protocols = project_.inputs.protocols;
  for (std::size_t l = 0; l < project_.localizations.size(); ++l) {
    const Localization& l10n = project_.localizations[l];
    json g;
    g["t"] = l10n.labels();
    g["lang"] = l10n.tag();
    g["dir"] = l10n.info().dir();
    g["og_locale"] = l10n.info().og_locale;
    json og_alternates = json::array();
    for (const Localization& other : project_.localizations) {
      if (&other != &l10n) og_alternates.push_back(other.info().og_locale);
    }
    g["og_alternates"] = std::move(og_alternates);
    g["base_url"] = urls_.absolute("");
    g["x_default_prefix"] = urls_.locale_prefix(project_.default_locale);
    json languages = json::array();
    for (std::size_t i = 0; i < project_.localizations.size(); ++i) {
      const Localization& other = project_.localizations[i];
      languages.push_back({{"lang", other.tag()},
                           {"dir", other.info().dir()},
                           {"name", other.info().native_name},
                           {"prefix", urls_.locale_prefix(i)},
                           {"current", i == l}});
    }
    g["languages"] = std::move(languages);
    templates_.push_back(project_.inputs.templates.with_constant("t", g["t"]));
    globals_.push_back(std::move(g));
    // Breadcrumbs are the same on every code page (and every comparison) of
    // a protocol in a language: all sit at the same depth.
    auto& crumbs = crumbs_.emplace_back();
    for (std::size_t p = 0; p < protocols.size(); ++p) {
      const auto lp = static_cast<std::uint32_t>(l);
      const auto pp = static_cast<std::uint32_t>(p);
      const std::size_t n = protocols[p].codes.size();
      crumbs.push_back({n > 0 ? breadcrumb({PageKind::code, lp, pp, 0, 0}, false) : json(),
                        n > 1 ? breadcrumb({PageKind::compare, lp, pp, 0, 1}, true) : json()});
    }
    auto& linked = linked_codes_.emplace_back();
    for (std::size_t p = 0; p < protocols.size(); ++p) linked.push_back(link_codes(l, p));
  }
}

std::vector<std::array<json, 2>> ViewModelBuilder::link_codes(std::size_t l, std::size_t p) const {
  const Protocol& protocol = project_.inputs.protocols[p];
  std::map<std::string_view, std::size_t> index;
  for (std::size_t c = 0; c < protocol.codes.size(); ++c) index[protocol.codes[c].code] = c;
  // The texts of a code, the name aside.
  std::vector<std::string> keys{"class_summary_html"};
  for (const std::string& field : protocol.code_fields) {
    if (field != "name") keys.push_back(field + "_html");
  }
  std::vector<std::array<json, 2>> out(protocol.codes.size());
  for (std::size_t c = 0; c < protocol.codes.size(); ++c) {
    // Comparisons all sit at one depth: any of them stands for all.
    const std::string from[2] = {urls_.code(l, p, c),
                                 protocol.codes.size() > 1 ? urls_.compare(l, p, 0, 1) : ""};
    for (std::size_t k = 0; k < 2; ++k) {
      json v = model_.code(l, p, c).view;
      const auto href = [&](std::string_view code) -> std::optional<std::string> {
        const auto it = index.find(code);
        if (it == index.end() || it->second == c) return std::nullopt;  // no page, or this one
        return Urls::relative(from[k], urls_.code(l, p, it->second));
      };
      for (const std::string& key : keys) {
        if (auto it = v.find(key); it != v.end() && it->is_string()) {
          *it = link_code_mentions(it->get_ref<const std::string&>(), href);
        }
      }
      out[c][k] = std::move(v);
    }
  }
  return out;
}

ViewModelBuilder::~ViewModelBuilder() = default;

const char* ViewModelBuilder::template_name(PageKind kind) {
  switch (kind) {
    case PageKind::home:
      return "home";
    case PageKind::code:
      return "code";
    case PageKind::compare:
      return "compare";
    case PageKind::not_found:
      return "404";
    case PageKind::redirect:
      return "redirect";
  }
  return "";
}

void ViewModelBuilder::common(const Page& page, std::string_view description, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  const std::string here = urls_.of(page);
  set(v, "description", description);
  if (l10n.info().rtl) {
    for (const char* key : {"title", "description"}) {
      start_right_to_left(v[key].get_ref<std::string&>());
    }
  }
  set(v, "canonical", urls_.absolute(here));
  v["indexable"] = true;
  // Links to this page in other languages are composed in the template from
  // root + locale prefix + path, so the language lists are built once per locale.
  const std::string root = Urls::relative(here, "");
  set(v, "root", root);
  set(v, "path", urls_.path(page));
  text_of(v, "home_href").append(root).append(urls_.locale_prefix(page.locale));
  text_of(v, "assets_href").append(root).append("assets/");
}

json ViewModelBuilder::breadcrumb(const Page& page, bool comparing) const {
  const std::string home_href =
      Urls::relative(urls_.of(page), "") + urls_.locale_prefix(page.locale);
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  json crumbs =
      json::array({{{"label", l10n.labels().value("breadcrumb_home", "")}, {"href", home_href}},
                   {{"label", p.name}, {"href", home_href + "#" + p.id}}});
  if (comparing) {
    crumbs.push_back({{"label", l10n.labels().value("breadcrumb_compare", "")},
                      {"href", home_href + "#compare-" + p.id}});
  }
  return crumbs;
}

bool ViewModelBuilder::compare_link(const Page& page, const std::string& root, std::size_t a,
                                    std::size_t b, json& link) const {
  if (a > b) std::swap(a, b);
  const CodeInLocale& x = model_.code(page.locale, page.protocol, a);
  const CodeInLocale& y = model_.code(page.locale, page.protocol, b);
  const MessageArg args[] = {
      {"a_code", x.code->code}, {"a_name", x.name}, {"b_code", y.code->code}, {"b_name", y.name}};
  const bool foreign = project_.localizations[page.locale].append_html(text_of(link, "label_html"),
                                                                       "compare_link", args);
  text_of(link, "href").append(root).append(urls_.compare_folder(page.protocol, a, b));
  return foreign || x.name_foreign || y.name_foreign;
}

SharedFrames ViewModelBuilder::shared_frames(const Page& page) const {
  SharedFrames shared;
  const auto add = [&](const json& data, std::string_view name) {
    shared.frames[shared.size++] = {&data, name};
  };
  add(globals_[page.locale], {});
  const auto& crumbs = crumbs_[page.locale][page.protocol];
  if (page.kind == PageKind::compare) {
    add(crumbs[1], "breadcrumb");
    add(linked_codes_[page.locale][page.protocol][page.a][1], "a");
    add(linked_codes_[page.locale][page.protocol][page.b][1], "b");
  } else if (page.kind == PageKind::code) {
    add(crumbs[0], "breadcrumb");
    add(linked_codes_[page.locale][page.protocol][page.a][0], "code");
  }
  return shared;
}

namespace {

// Writes the notice that part of the page is not translated, or false.
void notice(const Localization& l10n, bool foreign, json& v) {
  if (foreign || l10n.has_foreign_labels()) {
    v["fallback_notice"] = label(l10n, "fallback_notice");
  } else {
    v["fallback_notice"] = false;
  }
}

}  // namespace

void ViewModelBuilder::build(const Page& page, json& view) const {
  if (!view.is_object()) view = json::object();
  bool foreign = false;
  switch (page.kind) {
    case PageKind::home:
      foreign = home(page, view);
      break;
    case PageKind::code:
      foreign = code(page, view);
      break;
    case PageKind::compare:
      foreign = compare(page, view);
      break;
    case PageKind::not_found:
      foreign = not_found(page, view);
      break;
    case PageKind::redirect:
      foreign = redirect(page, view);
      break;
  }
  notice(project_.localizations[page.locale], foreign, view);
  // A redirect is no page to describe: search engines follow it.
  if (page.kind != PageKind::redirect) structured_data(page, view);
}

json ViewModelBuilder::build(const Page& page) const {
  json view = json::object();
  build(page, view);
  return view;
}

}  // namespace versa
