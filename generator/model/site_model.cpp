#include "model/site_model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/html.hpp"
#include "core/text_links.hpp"
#include "i18n/bidi.hpp"
#include "i18n/locale_info.hpp"
#include "i18n/text_breaks.hpp"
#include "i18n/typography.hpp"

namespace versa {

namespace {

CodeInLocale make_code(const Localization& l10n, const Protocol& p, const ReplyCode& c) {
  CodeInLocale f;
  f.code = &c;
  const std::string prefix = "codes/" + c.code + "/";
  f.name = l10n.text(p, prefix + "name");
  f.class_code = c.class_digit() + "xx";
  const std::string class_key = "classes/" + c.class_digit() + "/";
  f.class_name = l10n.text(p, class_key + "name");
  const MessageArg class_args[] = {{"class_code", f.class_code}, {"class_name", f.class_name}};
  // Where the code is defined: its main document first, then the others.
  const bool rtl = l10n.info().rtl;
  // Each document as a link to it (to its section when there is one),
  // isolated on its own: the list's words between them stay the page's.
  std::vector<std::string> labels;
  std::vector<std::string> names;
  std::vector<Reference> references{{c.rfc, c.section}};
  references.insert(references.end(), c.also_in.begin(), c.also_in.end());
  for (const Reference& r : references) {
    const std::string rfc = join_rfc_numbers(r.rfc);
    names.push_back(rfc);
    std::string label = rfc;
    if (!r.section.empty()) {
      const MessageArg rfc_args[] = {{"rfc", rfc}, {"section", r.section}};
      label = l10n.message("rfc_section").text(rfc_args);
    }
    label = html_isolating_latin(label, rtl);
    if (const auto url = rfc_url(r.rfc, r.section)) {
      label = "<a href=\"" + html_escape(*url) + "\">" + label + "</a>";
    }
    labels.push_back(std::move(label));
  }
  f.rfcs = format_list(names, l10n.tag());
  // A message isolates an argument as one <bdi>, whose direction is that of
  // its first strong character: a list joined by "و" must read right to left.
  if (rtl && names.size() > 1) start_right_to_left(f.rfcs);
  // A text's RFC citations link to the RFCs; its mentions of other codes
  // are linked by render, which knows where the pages are.
  const auto html_of = [&](const std::string& key) {
    if (l10n.is_foreign(l10n.text_language(p, key))) f.foreign = true;
    return link_rfc_citations(l10n.text_html(p, key));
  };
  f.name_foreign = l10n.is_foreign(l10n.text_language(p, prefix + "name"));
  f.view = {
      {"code", c.code},
      {"name_html", html_of(prefix + "name")},
      {"class_label_html", html_isolating_latin(l10n.message("class_label").text(class_args), rtl)},
      {"class_summary_html", html_of(class_key + "summary")},
      {"rfc_label_html", format_list(labels, l10n.tag())},
      {"summary_html", html_of(prefix + "summary")},
      {"description_html", html_of(prefix + "description")},
      {"when_html", html_of(prefix + "when")},
      {"fix_html", html_of(prefix + "fix")},
      {"use_html", html_of(prefix + "use")}};
  // The catalogue's own fields reach templates the same way, with no code here.
  for (const std::string& field : p.extra_code_fields) {
    f.view[field + "_html"] = html_of(prefix + field);
  }
  return f;
}

}  // namespace

SiteModel::SiteModel(const Project& project) : project_(project) {
  const auto& protocols = project.inputs.protocols;
  for (const Protocol& p : protocols) {
    // Related codes, by meaning: confused either way, then a shared phase,
    // then the class; nearest in catalogue order within each.
    const std::size_t n = p.codes.size();
    std::map<std::string_view, std::size_t> index;
    for (std::size_t c = 0; c < n; ++c) index[p.codes[c].code] = c;
    std::vector<std::set<std::size_t>> confused(n);
    for (std::size_t c = 0; c < n; ++c) {
      for (const std::string& other : p.codes[c].confused_with) {
        if (const auto it = index.find(other); it != index.end() && it->second != c) {
          confused[c].insert(it->second);
          confused[it->second].insert(c);
        }
      }
    }
    const auto tier = [&](std::size_t c, std::size_t i) {
      if (confused[c].contains(i)) return 0;
      for (const std::string& phase : p.codes[c].phases) {
        const auto& theirs = p.codes[i].phases;
        if (std::find(theirs.begin(), theirs.end(), phase) != theirs.end()) return 1;
      }
      return p.codes[i].class_digit() == p.codes[c].class_digit() ? 2 : 3;
    };
    auto& per_code = related_.emplace_back(n);
    auto& close = close_.emplace_back(n);
    for (std::size_t c = 0; c < n; ++c) {
      for (std::size_t i = 0; i < n; ++i) {
        if (i != c) per_code[c].push_back(static_cast<std::uint32_t>(i));
      }
      const auto distance = [c](std::size_t i) { return i > c ? i - c : c - i; };
      std::stable_sort(per_code[c].begin(), per_code[c].end(), [&](std::size_t x, std::size_t y) {
        return std::pair(tier(c, x), distance(x)) < std::pair(tier(c, y), distance(y));
      });
      close[c] = static_cast<std::size_t>(std::count_if(
          per_code[c].begin(), per_code[c].end(), [&](std::size_t i) { return tier(c, i) <= 1; }));
    }
    auto& groups = groups_.emplace_back();
    for (const auto& [digit, c] : p.classes) {
      CodeGroup g{digit, {}};
      for (std::size_t i = 0; i < p.codes.size(); ++i) {
        if (p.codes[i].class_digit() == digit) g.codes.push_back(static_cast<std::uint32_t>(i));
      }
      if (!g.codes.empty()) groups.push_back(std::move(g));
    }
  }
  for (const Localization& l10n : project.localizations) {
    auto& codes = codes_.emplace_back();
    auto& by_name = by_name_.emplace_back();
    for (const Protocol& p : protocols) {
      auto& texts = codes.emplace_back();
      std::vector<std::string> names;
      for (const ReplyCode& c : p.codes) {
        texts.push_back(make_code(l10n, p, c));
        names.push_back(texts.back().name);
      }
      // One collator per language and protocol: creating one costs far more
      // than a sort key.
      const std::vector<std::string> keys = collation_keys(names, l10n.tag());
      auto& order = by_name.emplace_back(p.codes.size());
      for (std::size_t c = 0; c < order.size(); ++c) order[c] = static_cast<std::uint32_t>(c);
      std::stable_sort(order.begin(), order.end(),
                       [&](std::uint32_t x, std::uint32_t y) { return keys[x] < keys[y]; });
    }
  }
}

}  // namespace versa
