#include "render/view_model.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/html.hpp"
#include "i18n/bidi.hpp"
#include "i18n/locale_info.hpp"
#include "i18n/text_breaks.hpp"

namespace versa {

using json = mustache::Data;

namespace {

constexpr std::size_t kMetaDescriptionMax = 160;
constexpr std::size_t kRelatedPerCode = 3;
constexpr std::size_t kHomeComparisonsMax = 2000;

json links(json list) {
  json o = json::object();
  o["links"] = std::move(list);
  return o;
}

// Comparison and code pages are written over the view model of the page of
// the same kind before them: keys exist and strings keep their buffers, so
// a page allocates next to nothing. Every value is written on every page.
// Adding a key to an object may copy its members elsewhere: a reference
// into an object must not outlive the next key added to it.

/// The string member `key` of `object`, emptied, its buffer kept.
std::string& text_of(json& object, std::string_view key) {
  json& slot = object[key];
  if (!slot.is_string()) slot = std::string();
  std::string& s = slot.get_ref<std::string&>();
  s.clear();
  return s;
}

void set(json& object, std::string_view key, std::string_view value) {
  text_of(object, key).assign(value);
}

/// The array member `key` of `object`, with exactly `size` elements.
json::array_t& list_of(json& object, std::string_view key, std::size_t size) {
  json& slot = object[key];
  if (!slot.is_array()) slot = json::array();
  auto& items = slot.get_ref<json::array_t&>();
  items.resize(size);
  return items;
}

const std::string& member(const json& object, std::string_view key) {
  return object.find(key)->get_ref<const std::string&>();
}

/// A message without arguments, as plain text.
const std::string& label(const Localization& l10n, std::string_view key) {
  static const std::string none;
  const auto it = l10n.labels().find(key);
  return it == l10n.labels().end() ? none : it->get_ref<const std::string&>();
}

}  // namespace

/// What a page says about one code, in the page's language.
struct ViewModelBuilder::CodeFacts {
  const ReplyCode* code = nullptr;
  std::string name;
  std::string class_code;  ///< "2xx"
  std::string class_name;
  /// The code as pages show it, as HTML (Latin runs isolated on right-to-left
  /// pages): the named frame `a`, `b` or `code`. It holds the code's long
  /// texts, so these are kept nowhere else.
  json view;
  std::string summary_html;  ///< the description's first sentence
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
  std::string rfc_label = c.rfc;
  if (!c.section.empty()) {
    const MessageArg rfc_args[] = {{"rfc", c.rfc}, {"section", c.section}};
    rfc_label = l10n.message("rfc_section").text(rfc_args);
  }
  const bool rtl = l10n.info().rtl;
  const std::string name_html = html_isolating_latin(f.name, rtl);
  const std::string prefix = "codes/" + c.code + "/";
  const auto html_of = [&](const char* field) {
    return html_isolating_latin(l10n.text(p, prefix + field), rtl);
  };
  f.view = {
      {"code", c.code},
      {"name_html", name_html},
      {"class_label_html", html_isolating_latin(l10n.message("class_label").text(class_args), rtl)},
      {"class_summary_html",
       html_isolating_latin(l10n.text(p, "classes/" + c.class_digit() + "/summary"), rtl)},
      {"rfc_label_html", html_isolating_latin(rfc_label, rtl)},
      {"description_html", html_of("description")},
      {"when_html", html_of("when")},
      {"fix_html", html_of("fix")},
      {"use_html", html_of("use")}};
  f.summary_html =
      html_isolating_latin(first_sentence(l10n.text(p, prefix + "description"), l10n.tag()), rtl);
  return f;
}

void ViewModelBuilder::common(const Page& page, std::string_view description, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  const std::string here = urls_.of(page);
  const std::string heading = member(v, "heading");  // a copy: v grows below
  if (page.kind == PageKind::home) {
    set(v, "title", heading);
  } else {
    const MessageArg args[] = {{"page", heading}, {"site", label(l10n, "site_name")}};
    l10n.message("page_title").append_text(text_of(v, "title"), args);
  }
  set(v, "description", truncate_at_word(description, kMetaDescriptionMax, l10n.tag()));
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

void ViewModelBuilder::compare_link(const Page& page, const std::string& root, std::size_t a,
                                    std::size_t b, json& link) const {
  if (a > b) std::swap(a, b);
  const CodeFacts& x = facts(page, a);
  const CodeFacts& y = facts(page, b);
  const MessageArg args[] = {
      {"a_code", x.code->code}, {"a_name", x.name}, {"b_code", y.code->code}, {"b_name", y.name}};
  project_.localizations[page.locale]
      .message("compare_link")
      .append_html(text_of(link, "label_html"), args);
  text_of(link, "href").append(root).append(urls_.compare_folder(page.protocol, a, b));
}

void ViewModelBuilder::compare(const Page& page, json& v) const {
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
  l10n.message("compare_title").append_text(text_of(v, "heading"), title_args);
  common(page, l10n.message("compare_meta").text(title_args), v);
  l10n.message("compare_title").append_html(text_of(v, "heading_html"), title_args);

  const MessageArg crumb_args[] = {{"a_code", a.code->code}, {"b_code", b.code->code}};
  l10n.message("compare_crumb").append_text(text_of(v, "crumb_current"), crumb_args);

  if (same_class) {
    l10n.message("intro_same_class").append_html(text_of(v, "intro_html"), std::span(pair_args, 7));
  } else {
    const MessageArg cross[] = {pair_args[0], pair_args[1], pair_args[2],
                                pair_args[3], pair_args[4], pair_args[7],
                                pair_args[8], pair_args[9], pair_args[10]};
    l10n.message("intro_cross_class").append_html(text_of(v, "intro_html"), cross);
  }
  // The codes themselves are the shared frames `a` and `b`.

  // Key differences: the class item only when the classes differ. Each item
  // is {code, name_html, html}, unlabelled when code is empty.
  const bool same_rfc = a.code->rfc == b.code->rfc;
  auto& differences = list_of(v, "differences", (same_class ? 1 : 3) + 2 + (same_rfc ? 0 : 1));
  std::size_t next = 0;
  const auto item = [&](std::string_view code, std::string_view name_html) -> std::string& {
    json& d = differences[next++];
    set(d, "code", code);
    set(d, "name_html", name_html);
    return text_of(d, "html");
  };
  if (same_class) {
    const MessageArg args[] = {{"class_code", a.class_code}, {"class_name", a.class_name}};
    l10n.message("difference_same_class").append_html(item("", ""), args);
  } else {
    const MessageArg args[] = {{"a_code", a.code->code},       {"a_class_code", a.class_code},
                               {"a_class_name", a.class_name}, {"b_code", b.code->code},
                               {"b_class_code", b.class_code}, {"b_class_name", b.class_name}};
    l10n.message("difference_class").append_html(item("", ""), args);
    // What each class asks of the client, labelled by class.
    for (const CodeFacts* f : {&a, &b}) {
      item(f->class_code, html_isolating_latin(f->class_name, rtl))
          .append(member(f->view, "class_summary_html"));
    }
  }
  for (const CodeFacts* f : {&a, &b}) {
    item(f->code->code, member(f->view, "name_html")).append(f->summary_html);
  }
  if (!same_rfc) {
    const MessageArg args[] = {{"a_code", a.code->code},
                               {"a_rfc", a.code->rfc},
                               {"b_code", b.code->code},
                               {"b_rfc", b.code->rfc}};
    l10n.message("difference_rfc").append_html(item("", ""), args);
  }

  // Learn more: both codes' pages, then comparisons with each code's nearest
  // neighbours in the other code's class.
  auto& learn = list_of(v["learn"], "links", 2);
  for (std::size_t k = 0; k < 2; ++k) {
    const CodeFacts& f = k == 0 ? a : b;
    const MessageArg args[] = {{"protocol", p.name}, {"code", f.code->code}, {"name", f.name}};
    l10n.message("learn_code").append_html(text_of(learn[k], "label_html"), args);
    set(learn[k], "href",
        Urls::relative(here, urls_.code(page.locale, page.protocol, k == 0 ? page.a : page.b)));
  }
  std::array<std::pair<std::uint32_t, std::uint32_t>, 2 * kRelatedPerCode> pairs;
  std::size_t count = 0;
  for (const auto& [self, other] : {std::pair{page.a, page.b}, std::pair{page.b, page.a}}) {
    std::size_t shown = 0;
    for (const std::uint32_t i : nearest_[page.protocol][other]) {
      if (i == self || shown == kRelatedPerCode) continue;
      pairs[count++] = {self, i};
      ++shown;
    }
  }
  const std::string root = Urls::relative(here, urls_.compare_root(page.locale, page.protocol));
  auto& related = list_of(v["related"], "links", count);
  for (std::size_t k = 0; k < count; ++k) {
    compare_link(page, root, pairs[k].first, pairs[k].second, related[k]);
  }
}

void ViewModelBuilder::code(const Page& page, json& v) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeFacts& f = facts(page, page.a);
  const MessageArg args[] = {{"protocol", p.name}, {"code", f.code->code}, {"name", f.name}};
  l10n.message("code_title").append_text(text_of(v, "heading"), args);
  common(page, l10n.message("code_meta").text(args), v);
  l10n.message("code_title").append_html(text_of(v, "heading_html"), args);
  set(v, "crumb_current", f.code->code);
  const MessageArg code_arg[] = {{"code", f.code->code}};
  l10n.message("code_compare_heading").append_html(text_of(v, "compare_heading_html"), code_arg);
  const std::string root =
      Urls::relative(urls_.of(page), urls_.compare_root(page.locale, page.protocol));
  auto& comparisons = list_of(v["comparisons"], "links", p.codes.size() - 1);
  for (std::size_t i = 0, k = 0; i < p.codes.size(); ++i) {
    if (i != page.a) compare_link(page, root, page.a, i, comparisons[k++]);
  }
}

void ViewModelBuilder::home(const Page& page, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  const bool rtl = l10n.info().rtl;
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
    const std::string root = Urls::relative(urls_.of(page), urls_.compare_root(page.locale, pi));
    if (p.codes.size() * (p.codes.size() - 1) / 2 <= kHomeComparisonsMax) {
      for (std::size_t a = 0; a < p.codes.size(); ++a) {
        for (std::size_t b = a + 1; b < p.codes.size(); ++b) {
          compare_link(at, root, a, b, comparisons.emplace_back());
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
         {"comparisons", comparisons.empty() ? json(false) : links(std::move(comparisons))}});
  }
  v = json::object();
  set(v, "heading", site_name);
  common(page, protocols_text, v);
  v["heading_html"] = html_isolating_latin(site_name, rtl);
  v["tagline_html"] = html_isolating_latin(label(l10n, "site_tagline"), rtl);
  v["protocols"] = std::move(protocols);
}

void ViewModelBuilder::not_found(const Page& page, json& v) const {
  const Localization& l10n = project_.localizations[page.locale];
  v = json::object();
  const std::string& heading = label(l10n, "not_found_title");
  const std::string& site_name = label(l10n, "site_name");
  v["heading"] = heading;
  v["heading_html"] = html_isolating_latin(heading, l10n.info().rtl);
  const MessageArg args[] = {{"page", heading}, {"site", site_name}};
  v["title"] = l10n.message("page_title").text(args);
  v["description"] = label(l10n, "not_found_text");
  // Served for any missing URL, so every link is absolute.
  v["root"] = urls_.absolute("");
  v["path"] = "";
  v["home_href"] = urls_.absolute(urls_.home(page.locale));
  v["assets_href"] = urls_.absolute("assets/");
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
    add(facts(page, page.a).view, "a");
    add(facts(page, page.b).view, "b");
  } else if (page.kind == PageKind::code) {
    add(crumbs[0], "breadcrumb");
    add(facts(page, page.a).view, "code");
  }
  return shared;
}

void ViewModelBuilder::build(const Page& page, json& view) const {
  if (!view.is_object()) view = json::object();
  switch (page.kind) {
    case PageKind::home:
      return home(page, view);
    case PageKind::code:
      return code(page, view);
    case PageKind::compare:
      return compare(page, view);
    case PageKind::not_found:
      return not_found(page, view);
  }
}

json ViewModelBuilder::build(const Page& page) const {
  json view = json::object();
  build(page, view);
  return view;
}

}  // namespace versa
