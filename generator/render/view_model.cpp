#include "render/view_model.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/html.hpp"
#include "i18n/bidi.hpp"
#include "i18n/locale_info.hpp"
#include "i18n/text_breaks.hpp"

namespace versa {

using nlohmann::json;

namespace {

constexpr std::size_t kMetaDescriptionMax = 160;
constexpr std::size_t kRelatedPerCode = 3;
constexpr std::size_t kHomeComparisonsMax = 2000;

}  // namespace

/// What a page says about one code, in the page's language.
struct ViewModelBuilder::CodeFacts {
  const ReplyCode* code = nullptr;
  std::string name;
  std::string class_code;  ///< "2xx"
  std::string class_name;
  std::string class_label;  ///< "2xx Positive Completion"
  std::string rfc_label;    ///< "RFC 5321, section 4.2.3"
  // The same as HTML, Latin runs isolated on right-to-left pages.
  std::string name_html;
  std::string class_label_html;
  std::string rfc_label_html;
  std::string class_summary_html;
  // Parts of pages that only depend on the code and the locale, built once
  // and copied: cheaper than building them for every page. They hold the
  // code's long texts as HTML, so these are kept nowhere else.
  json card;          ///< "codes" entry, without its href
  json usage;         ///< "usage" entry
  json summary_item;  ///< "differences" entry with the first sentence
};

ViewModelBuilder::ViewModelBuilder(const Project& project, const Urls& urls)
    : project_(project), urls_(urls) {
  const auto& protocols = project_.inputs.protocols;
  // Related comparisons: for each code, the others of its class, nearest
  // first (ties: lower index first). One more than shown, as a page skips
  // its own second code.
  for (const Protocol& p : protocols) {
    auto& per_code = nearest_.emplace_back(p.codes.size());
    for (std::size_t c = 0; c < p.codes.size(); ++c) {
      for (std::size_t i = 0; i < p.codes.size(); ++i) {
        if (i != c && p.codes[i].class_digit() == p.codes[c].class_digit()) {
          per_code[c].push_back(static_cast<std::uint32_t>(i));
        }
      }
      const auto distance = [c](std::size_t i) { return i > c ? i - c : c - i; };
      std::stable_sort(per_code[c].begin(), per_code[c].end(),
                       [&](std::size_t x, std::size_t y) { return distance(x) < distance(y); });
      if (per_code[c].size() > kRelatedPerCode + 1) per_code[c].resize(kRelatedPerCode + 1);
    }
  }
  for (std::size_t l = 0; l < project_.localizations.size(); ++l) {
    auto& per_protocol = facts_.emplace_back();
    for (std::size_t p = 0; p < protocols.size(); ++p) {
      auto& codes = per_protocol.emplace_back();
      for (std::size_t c = 0; c < protocols[p].codes.size(); ++c)
        codes.push_back(make_facts(l, p, c));
    }
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
  }
}

ViewModelBuilder::~ViewModelBuilder() = default;

const ViewModelBuilder::CodeFacts& ViewModelBuilder::facts(const Page& page,
                                                           std::size_t code) const {
  return facts_[page.locale][page.protocol][code];
}

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
  }
  return "";
}

ViewModelBuilder::CodeFacts ViewModelBuilder::make_facts(std::size_t locale, std::size_t protocol,
                                                         std::size_t index) const {
  const Protocol& p = project_.inputs.protocols[protocol];
  const Localization& l10n = project_.localizations[locale];
  const ReplyCode& c = p.codes[index];
  CodeFacts f;
  f.code = &c;
  f.name = l10n.text(p, "codes/" + c.code + "/name");
  f.class_code = c.class_digit() + "xx";
  f.class_name = l10n.text(p, "classes/" + c.class_digit() + "/name");
  const MessageArg class_args[] = {{"class_code", f.class_code}, {"class_name", f.class_name}};
  f.class_label = l10n.message("class_label").text(class_args);
  if (c.section.empty()) {
    f.rfc_label = c.rfc;
  } else {
    const MessageArg rfc_args[] = {{"rfc", c.rfc}, {"section", c.section}};
    f.rfc_label = l10n.message("rfc_section").text(rfc_args);
  }
  const bool rtl = l10n.info().rtl;
  f.name_html = html_isolating_latin(f.name, rtl);
  f.class_label_html = html_isolating_latin(f.class_label, rtl);
  f.rfc_label_html = html_isolating_latin(f.rfc_label, rtl);
  const std::string prefix = "codes/" + c.code + "/";
  const auto html_of = [&](const char* field) {
    return html_isolating_latin(l10n.text(p, prefix + field), rtl);
  };
  f.class_summary_html =
      html_isolating_latin(l10n.text(p, "classes/" + c.class_digit() + "/summary"), rtl);
  f.card = {{"code", c.code},
            {"name_html", f.name_html},
            {"class_label_html", f.class_label_html},
            {"description_html", html_of("description")},
            {"when_html", html_of("when")},
            {"fix_html", html_of("fix")}};
  f.usage = {{"code", c.code}, {"name_html", f.name_html}, {"text_html", html_of("use")}};
  // The description's first sentence.
  f.summary_item = {
      {"code", c.code},
      {"name_html", f.name_html},
      {"html", html_isolating_latin(
                   first_sentence(l10n.text(p, prefix + "description"), l10n.tag()), rtl)}};
  return f;
}

json ViewModelBuilder::common(const Page& page, const std::string& heading,
                              const std::string& description) const {
  const Localization& l10n = project_.localizations[page.locale];
  const std::string here = urls_.of(page);
  json v;
  v["heading"] = heading;
  if (page.kind == PageKind::home) {
    v["title"] = heading;
  } else {
    const std::string site_name = l10n.labels().value("site_name", "");
    const MessageArg args[] = {{"page", heading}, {"site", site_name}};
    v["title"] = l10n.message("page_title").text(args);
  }
  v["description"] = truncate_at_word(description, kMetaDescriptionMax, l10n.tag());
  v["canonical"] = urls_.absolute(here);
  v["indexable"] = true;
  // Links to this page in other languages are composed in the template from
  // root + locale prefix + path, so the language lists are built once per locale.
  const std::string root = Urls::relative(here, "");
  v["root"] = root;
  v["path"] = urls_.path(page);
  v["home_href"] = root + urls_.locale_prefix(page.locale);
  v["assets_href"] = root + "assets/";
  return v;
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

json ViewModelBuilder::compare_link(const Page& page, const std::string& here, std::size_t a,
                                    std::size_t b) const {
  if (a > b) std::swap(a, b);
  const CodeFacts& x = facts(page, a);
  const CodeFacts& y = facts(page, b);
  const Localization& l10n = project_.localizations[page.locale];
  const MessageArg args[] = {
      {"a_code", x.code->code}, {"a_name", x.name}, {"b_code", y.code->code}, {"b_name", y.name}};
  json link;
  link["label_html"] = l10n.message("compare_link").html(args);
  link["href"] = Urls::relative(here, urls_.compare(page.locale, page.protocol, a, b));
  return link;
}

json ViewModelBuilder::compare(const Page& page) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeFacts& a = facts(page, page.a);
  const CodeFacts& b = facts(page, page.b);
  const bool same_class = a.class_code == b.class_code;
  const std::string here = urls_.of(page);
  const bool rtl = l10n.info().rtl;

  const MessageArg pair_args[] = {{"protocol", p.name},
                                  {"a_code", a.code->code},
                                  {"a_name", a.name},
                                  {"b_code", b.code->code},
                                  {"b_name", b.name},
                                  {"class_code", a.class_code},
                                  {"class_name", a.class_name},
                                  {"a_class_code", a.class_code},
                                  {"a_class_name", a.class_name},
                                  {"b_class_code", b.class_code},
                                  {"b_class_name", b.class_name}};
  const std::span<const MessageArg> title_args(pair_args, 5);
  const std::string heading = l10n.message("compare_title").text(title_args);
  json v = common(page, heading, l10n.message("compare_meta").text(title_args));
  v["heading_html"] = l10n.message("compare_title").html(title_args);

  const MessageArg crumb_args[] = {{"a_code", a.code->code}, {"b_code", b.code->code}};
  v["breadcrumb"] = crumbs_[page.locale][page.protocol][1];
  v["crumb_current"] = l10n.message("compare_crumb").text(crumb_args);

  if (same_class) {
    v["intro_html"] = l10n.message("intro_same_class").html(std::span(pair_args, 7));
  } else {
    const MessageArg cross[] = {pair_args[0], pair_args[1], pair_args[2],
                                pair_args[3], pair_args[4], pair_args[7],
                                pair_args[8], pair_args[9], pair_args[10]};
    v["intro_html"] = l10n.message("intro_cross_class").html(cross);
  }

  json codes = json::array();
  json usage = json::array();
  for (const CodeFacts* f : {&a, &b}) {
    json card = f->card;
    card["href"] =
        Urls::relative(here, urls_.code(page.locale, page.protocol, f == &a ? page.a : page.b));
    codes.push_back(std::move(card));
    usage.push_back(f->usage);
  }
  v["codes"] = std::move(codes);
  v["usage"] = std::move(usage);
  v["glance"] = json::array({
      {{"label", l10n.labels().value("column_name", "")},
       {"a_html", a.name_html},
       {"b_html", b.name_html}},
      {{"label", l10n.labels().value("column_class", "")},
       {"a_html", a.class_label_html},
       {"b_html", b.class_label_html}},
      {{"label", l10n.labels().value("column_rfc", "")},
       {"a_html", a.rfc_label_html},
       {"b_html", b.rfc_label_html}},
  });

  // Key differences: the class item only when the classes differ.
  json differences = json::array();
  if (same_class) {
    const MessageArg args[] = {{"class_code", a.class_code}, {"class_name", a.class_name}};
    differences.push_back({{"code", ""},
                           {"name_html", ""},
                           {"html", l10n.message("difference_same_class").html(args)}});
  } else {
    const MessageArg args[] = {{"a_code", a.code->code},       {"a_class_code", a.class_code},
                               {"a_class_name", a.class_name}, {"b_code", b.code->code},
                               {"b_class_code", b.class_code}, {"b_class_name", b.class_name}};
    differences.push_back(
        {{"code", ""}, {"name_html", ""}, {"html", l10n.message("difference_class").html(args)}});
    // What each class asks of the client, labelled by class.
    for (const CodeFacts* f : {&a, &b}) {
      differences.push_back({{"code", f->class_code},
                             {"name_html", html_isolating_latin(f->class_name, rtl)},
                             {"html", f->class_summary_html}});
    }
  }
  for (const CodeFacts* f : {&a, &b}) differences.push_back(f->summary_item);
  if (a.code->rfc != b.code->rfc) {
    const MessageArg args[] = {{"a_code", a.code->code},
                               {"a_rfc", a.code->rfc},
                               {"b_code", b.code->code},
                               {"b_rfc", b.code->rfc}};
    differences.push_back(
        {{"code", ""}, {"name_html", ""}, {"html", l10n.message("difference_rfc").html(args)}});
  }
  v["differences"] = std::move(differences);

  // Learn more: both codes' pages, then comparisons with each code's nearest
  // neighbours in the other code's class.
  json learn = json::array();
  for (const auto& [f, index] : {std::pair{&a, page.a}, std::pair{&b, page.b}}) {
    const MessageArg args[] = {{"protocol", p.name}, {"code", f->code->code}, {"name", f->name}};
    learn.push_back(
        {{"label_html", l10n.message("learn_code").html(args)},
         {"href", Urls::relative(here, urls_.code(page.locale, page.protocol, index))}});
  }
  v["learn"] = {{"links", std::move(learn)}};
  json related = json::array();
  for (const auto& [self, other] : {std::pair{page.a, page.b}, std::pair{page.b, page.a}}) {
    std::size_t shown = 0;
    for (const std::uint32_t i : nearest_[page.protocol][other]) {
      if (i == self || shown == kRelatedPerCode) continue;
      related.push_back(compare_link(page, here, self, i));
      ++shown;
    }
  }
  v["related"] = {{"links", std::move(related)}};
  return v;
}

json ViewModelBuilder::code(const Page& page) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeFacts& f = facts(page, page.a);
  const MessageArg args[] = {{"protocol", p.name}, {"code", f.code->code}, {"name", f.name}};
  json v =
      common(page, l10n.message("code_title").text(args), l10n.message("code_meta").text(args));
  v["heading_html"] = l10n.message("code_title").html(args);
  v["breadcrumb"] = crumbs_[page.locale][page.protocol][0];
  v["crumb_current"] = f.code->code;
  // The comparison card's fields, and those only the code's own page shows.
  json card = f.card;
  card["class_summary_html"] = f.class_summary_html;
  card["rfc_label_html"] = f.rfc_label_html;
  card["use_html"] = f.usage["text_html"];
  v["code"] = std::move(card);
  const MessageArg code_arg[] = {{"code", f.code->code}};
  v["compare_heading_html"] = l10n.message("code_compare_heading").html(code_arg);
  json comparisons = json::array();
  const std::string here = urls_.of(page);
  for (std::size_t i = 0; i < p.codes.size(); ++i) {
    if (i != page.a) comparisons.push_back(compare_link(page, here, page.a, i));
  }
  v["comparisons"] = {{"links", std::move(comparisons)}};
  return v;
}

json ViewModelBuilder::home(const Page& page) const {
  const Localization& l10n = project_.localizations[page.locale];
  const bool rtl = l10n.info().rtl;
  const std::string site_name = l10n.labels().value("site_name", "");
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
    for (const auto& [digit, c] : p.classes) {
      json codes = json::array();
      for (std::size_t i = 0; i < p.codes.size(); ++i) {
        if (p.codes[i].class_digit() != digit) continue;
        codes.push_back(
            {{"code", p.codes[i].code},
             {"name_html",
              html_isolating_latin(l10n.text(p, "codes/" + p.codes[i].code + "/name"), rtl)},
             {"href", Urls::relative(urls_.of(page), urls_.code(page.locale, pi, i))}});
      }
      if (codes.empty()) continue;
      const std::string class_code = digit + "xx";  // outlives the MessageArg view
      const MessageArg class_args[] = {{"class_code", class_code},
                                       {"class_name", l10n.text(p, "classes/" + digit + "/name")}};
      classes.push_back({{"label_html", l10n.message("class_label").html(class_args)},
                         {"codes", std::move(codes)}});
    }
    // Every pair is listed only while the list stays readable; beyond that
    // each code's page lists its comparisons, and the picker reaches any pair.
    json comparisons = json::array();
    const std::string here = urls_.of(page);
    if (p.codes.size() * (p.codes.size() - 1) / 2 <= kHomeComparisonsMax) {
      for (std::size_t a = 0; a < p.codes.size(); ++a) {
        for (std::size_t b = a + 1; b < p.codes.size(); ++b) {
          comparisons.push_back(compare_link(at, here, a, b));
        }
      }
    }
    // The picker's options, and every code sorted by name with the
    // locale's collation (ICU), so "Ç" and "İ" sort where Turkish expects.
    json options = json::array();
    std::vector<std::pair<std::string, json>> by_name;
    for (std::size_t i = 0; i < p.codes.size(); ++i) {
      const std::string& name = l10n.text(p, "codes/" + p.codes[i].code + "/name");
      options.push_back({{"value", p.codes[i].code + "-" + p.codes[i].slug},
                         {"code", p.codes[i].code},
                         {"name", name}});
      by_name.emplace_back(
          collation_key(name, l10n.tag()),
          json{{"code", p.codes[i].code},
               {"name_html", html_isolating_latin(name, rtl)},
               {"href", Urls::relative(urls_.of(page), urls_.code(page.locale, pi, i))}});
    }
    std::stable_sort(by_name.begin(), by_name.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    json codes_by_name = json::array();
    for (auto& [key, entry] : by_name) codes_by_name.push_back(std::move(entry));
    const MessageArg meta_args[] = {{"protocol", p.name}};
    if (protocols_text.empty()) protocols_text = l10n.message("home_meta").text(meta_args);
    protocols.push_back(
        {{"id", p.id},
         {"name", p.name},
         {"title", l10n.text(p, "title")},
         {"summary_html", l10n.message("home_summary").html(args)},
         {"classes", std::move(classes)},
         {"picker",
          {{"options", std::move(options)},
           {"base",
            Urls::relative(urls_.of(page), urls_.home(page.locale) + "compare/" + p.id + "/")}}},
         {"codes_by_name", std::move(codes_by_name)},
         {"comparisons",
          comparisons.empty() ? json(false) : json{{"links", std::move(comparisons)}}}});
  }
  json v = common(page, site_name, protocols_text);
  v["heading_html"] = html_isolating_latin(site_name, rtl);
  v["tagline_html"] = html_isolating_latin(l10n.labels().value("site_tagline", ""), rtl);
  v["protocols"] = std::move(protocols);
  return v;
}

json ViewModelBuilder::not_found(const Page& page) const {
  const Localization& l10n = project_.localizations[page.locale];
  json v;
  const std::string heading = l10n.labels().value("not_found_title", "");
  const std::string site_name = l10n.labels().value("site_name", "");
  v["heading"] = heading;
  v["heading_html"] = html_isolating_latin(heading, l10n.info().rtl);
  const MessageArg args[] = {{"page", heading}, {"site", site_name}};
  v["title"] = l10n.message("page_title").text(args);
  v["description"] = l10n.labels().value("not_found_text", "");
  // Served for any missing URL, so every link is absolute.
  v["root"] = urls_.absolute("");
  v["path"] = "";
  v["home_href"] = urls_.absolute(urls_.home(page.locale));
  v["assets_href"] = urls_.absolute("assets/");
  return v;
}

json ViewModelBuilder::build(const Page& page) const {
  switch (page.kind) {
    case PageKind::home:
      return home(page);
    case PageKind::code:
      return code(page);
    case PageKind::compare:
      return compare(page);
    case PageKind::not_found:
      return not_found(page);
  }
  return {};
}

}  // namespace versa
