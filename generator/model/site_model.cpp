#include "model/site_model.hpp"

#include <algorithm>

#include "i18n/bidi.hpp"
#include "i18n/locale_info.hpp"
#include "i18n/text_breaks.hpp"

namespace versa {

namespace {

CodeInLocale make_code(const Localization& l10n, const Protocol& p, const ReplyCode& c) {
  CodeInLocale f;
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
  const std::string prefix = "codes/" + c.code + "/";
  const auto html_of = [&](const char* field) {
    return html_isolating_latin(l10n.text(p, prefix + field), rtl);
  };
  f.view = {
      {"code", c.code},
      {"name_html", html_isolating_latin(f.name, rtl)},
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

}  // namespace

SiteModel::SiteModel(const Project& project) : project_(project) {
  const auto& protocols = project.inputs.protocols;
  for (const Protocol& p : protocols) {
    // Related codes: the others of the code's class, nearest first.
    auto& per_code = related_.emplace_back(p.codes.size());
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
