// render: the view models of the home page and the "not found" page.
#include <algorithm>
#include <array>

#include "i18n/bidi.hpp"
#include "render/view_model.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

namespace {

// Every pair is listed on the home page only while the list stays readable.
constexpr std::size_t kHomeComparisonsMax = 2000;

}  // namespace

bool ViewModelBuilder::home(const Page& page, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  const bool rtl = l10n.info().rtl;
  bool foreign = false;
  const std::string& site_name = label(l10n, "site_name");
  std::string protocols_text;
  json protocols = json::array();
  for (std::size_t pi = 0; pi < project_.inputs.protocols.size(); ++pi) {
    const Protocol& p = project_.inputs.protocols[pi];
    Page at = page;
    at.protocol = pi;
    const auto n = static_cast<std::int64_t>(p.codes.size());
    const MessageArg args[] = {
        {"protocol", p.name}, {"code_count", n}, {"pair_count", n * (n - 1) / 2}};
    json classes = json::array();
    for (const CodeGroup& group : model_.groups(pi)) {
      json codes = json::array();
      for (const std::uint32_t i : group.codes) {
        foreign |= model_.code(page.locale, pi, i).name_foreign;
        codes.push_back({{"code", p.codes[i].code},
                         {"name_html", member(model_.code(page.locale, pi, i).view, "name_html")},
                         {"href", Urls::relative(urls_.of(page), urls_.code(page.locale, pi, i))}});
      }
      const std::string class_code = group.digit + "xx";  // outlives the MessageArg view
      const MessageArg class_args[] = {
          {"class_code", class_code},
          {"class_name", l10n.text(p, "classes/" + group.digit + "/name")}};
      std::string class_label;
      foreign |= l10n.append_html(class_label, "class_label", class_args);
      classes.push_back({{"label_html", std::move(class_label)}, {"codes", std::move(codes)}});
    }
    // Every pair is listed only while the list stays readable; beyond that
    // each code's page lists its comparisons, and the picker reaches any pair.
    json comparisons = json::array();
    const std::string root = Urls::relative(urls_.of(page), urls_.compare_root(page.locale, pi));
    if (p.codes.size() * (p.codes.size() - 1) / 2 <= kHomeComparisonsMax) {
      for (std::size_t a = 0; a < p.codes.size(); ++a) {
        for (std::size_t b = a + 1; b < p.codes.size(); ++b) {
          foreign |= compare_link(at, root, a, b, comparisons.emplace_back());
        }
      }
    }
    // The picker's options, and every code sorted by name in the locale's
    // collation (the model's order).
    json options = json::array();
    for (std::size_t i = 0; i < p.codes.size(); ++i) {
      options.push_back({{"value", p.codes[i].code + "-" + p.codes[i].slug},
                         {"code", p.codes[i].code},
                         {"name", model_.code(page.locale, pi, i).name}});
    }
    json codes_by_name = json::array();
    for (const std::uint32_t i : model_.by_name(page.locale, pi)) {
      codes_by_name.push_back(
          {{"code", p.codes[i].code},
           {"name_html", member(model_.code(page.locale, pi, i).view, "name_html")},
           {"href", Urls::relative(urls_.of(page), urls_.code(page.locale, pi, i))}});
    }
    const MessageArg meta_args[] = {{"protocol", p.name}};
    std::string summary_html;
    foreign |= l10n.append_html(summary_html, "home_summary", args);
    const std::string title_key = "title";
    foreign |= l10n.is_foreign(l10n.text_language(p, title_key));
    if (protocols_text.empty()) protocols_text = l10n.message("home_meta").text(meta_args);
    protocols.push_back(
        {{"id", p.id},
         {"name", p.name},
         {"title", l10n.text(p, title_key)},
         {"summary_html", std::move(summary_html)},
         {"classes", std::move(classes)},
         {"picker",
          {{"options", std::move(options)},
           {"base",
            Urls::relative(urls_.of(page), urls_.home(page.locale) + "compare/" + p.id + "/")}}},
         {"codes_by_name", std::move(codes_by_name)},
         {"comparisons", comparisons.empty() ? json(false) : links(std::move(comparisons))}});
  }
  v = json::object();
  set(v, "heading", site_name);
  set(v, "title", site_name);
  common(page, protocols_text, v);
  v["heading_html"] = html_isolating_latin(site_name, rtl);
  v["tagline_html"] = html_isolating_latin(label(l10n, "site_tagline"), rtl);
  v["protocols"] = std::move(protocols);
  return foreign;
}

bool ViewModelBuilder::not_found(const Page& page, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  v = json::object();
  const std::string& heading = label(l10n, "not_found_title");
  const std::string& site_name = label(l10n, "site_name");
  std::string title =
      l10n.message("page_title")
          .text(std::array<MessageArg, 2>{{{"page", heading}, {"site", site_name}}});
  // The page's text introduces the list of languages below it: alone, the
  // heading describes the page better.
  std::string description = heading;
  std::string og_title = heading;
  if (l10n.info().rtl) {
    for (std::string* s : {&title, &description, &og_title}) start_right_to_left(*s);
  }
  v["heading"] = std::move(og_title);
  v["heading_html"] = html_isolating_latin(heading, l10n.info().rtl);
  v["title"] = std::move(title);
  v["description"] = std::move(description);
  // Served for any missing URL below the locale's folder (or anywhere, for
  // the default locale), so every link is absolute.
  v["root"] = urls_.absolute("");
  v["path"] = "";
  v["home_href"] = urls_.absolute(urls_.home(page.locale));
  v["assets_href"] = urls_.absolute("assets/");
  // No canonical URL and no alternates: the page is served at any address.
  v["canonical"] = false;
  v["indexable"] = false;
  return false;
}

}  // namespace versa
