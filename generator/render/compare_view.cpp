// render: the view model of a comparison page.
#include <algorithm>
#include <array>

#include "i18n/bidi.hpp"
#include "render/view_model.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

bool ViewModelBuilder::compare(const Page& page, json& v) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeInLocale& a = model_.code(page.locale, page.protocol, page.a);
  const CodeInLocale& b = model_.code(page.locale, page.protocol, page.b);
  const bool same_class = a.class_code == b.class_code;
  const std::string here = urls_.of(page);
  bool foreign = a.foreign || b.foreign;

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
  // The tab title leaves the names out: with them it would not fit 60 characters.
  const MessageArg short_args[] = {pair_args[0], pair_args[1], pair_args[3]};
  l10n.message("compare_page_title").append_text(text_of(v, "title"), short_args);
  common(page, l10n.message("compare_meta").text(title_args), v);
  foreign |= l10n.append_html(text_of(v, "heading_html"), "compare_title", title_args);

  const MessageArg crumb_args[] = {{"a_code", a.code->code}, {"b_code", b.code->code}};
  l10n.message("compare_crumb").append_text(text_of(v, "crumb_current"), crumb_args);

  if (same_class) {
    foreign |=
        l10n.append_html(text_of(v, "intro_html"), "intro_same_class", std::span(pair_args, 7));
  } else {
    const MessageArg cross[] = {pair_args[0], pair_args[1], pair_args[2],
                                pair_args[3], pair_args[4], pair_args[7],
                                pair_args[8], pair_args[9], pair_args[10]};
    foreign |= l10n.append_html(text_of(v, "intro_html"), "intro_cross_class", cross);
  }
  // The codes themselves are the shared frames `a` and `b`.

  // Key differences: the class item only when the classes differ. Each item
  // is {code, name_html, html}, unlabelled when code is empty.
  // Documents differ when the main ones do: 454 (RFC 4954 and RFC 3207) and
  // 535 (RFC 4954) are both SMTP AUTH replies.
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
    foreign |= l10n.append_html(item("", ""), "difference_same_class", args);
  } else {
    const MessageArg args[] = {{"a_code", a.code->code},       {"a_class_code", a.class_code},
                               {"a_class_name", a.class_name}, {"b_code", b.code->code},
                               {"b_class_code", b.class_code}, {"b_class_name", b.class_name}};
    foreign |= l10n.append_html(item("", ""), "difference_class", args);
    // What each class asks of the client: the class summary names its class
    // ("A 2xx reply tells..."), so it needs no label.
    for (const CodeInLocale* f : {&a, &b})
      item("", "").append(member(f->view, "class_summary_html"));
  }
  for (const CodeInLocale* f : {&a, &b}) {
    item(f->code->code, member(f->view, "name_html")).append(member(f->view, "summary_html"));
  }
  if (!same_rfc) {
    const MessageArg args[] = {
        {"a_code", a.code->code}, {"a_rfc", a.rfcs}, {"b_code", b.code->code}, {"b_rfc", b.rfcs}};
    foreign |= l10n.append_html(item("", ""), "difference_rfc", args);
  }

  // Learn more: both codes' pages, then comparisons of each code with the
  // codes most related to it (SiteModel::related).
  auto& learn = list_of(v["learn"], "links", 2);
  for (std::size_t k = 0; k < 2; ++k) {
    const CodeInLocale& f = k == 0 ? a : b;
    const MessageArg args[] = {{"protocol", p.name}, {"code", f.code->code}, {"name", f.name}};
    foreign |= l10n.append_html(text_of(learn[k], "label_html"), "learn_code", args);
    set(learn[k], "href",
        Urls::relative(here, urls_.code(page.locale, page.protocol, k == 0 ? page.a : page.b)));
  }
  std::array<std::pair<std::uint32_t, std::uint32_t>, 2 * SiteModel::kRelatedPerCode> pairs;
  std::size_t count = 0;
  for (const auto& [self, other] : {std::pair{page.a, page.b}, std::pair{page.b, page.a}}) {
    std::size_t shown = 0;
    for (const std::uint32_t i : model_.related(page.protocol, self)) {
      if (i == other) continue;
      if (shown == SiteModel::kRelatedPerCode) break;
      pairs[count++] = {self, i};
      ++shown;
    }
    // The most related were chosen; readers scan them in code order.
    std::sort(pairs.begin() + static_cast<std::ptrdiff_t>(count - shown),
              pairs.begin() + static_cast<std::ptrdiff_t>(count),
              [](const auto& x, const auto& y) { return x.second < y.second; });
  }
  const std::string root = Urls::relative(here, urls_.compare_root(page.locale, page.protocol));
  auto& related = list_of(v["related"], "links", count);
  for (std::size_t k = 0; k < count; ++k) {
    foreign |= compare_link(page, root, pairs[k].first, pairs[k].second, related[k]);
  }
  return foreign;
}

}  // namespace versa
