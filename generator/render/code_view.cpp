// render: the view model of a code page.
#include <algorithm>
#include <array>

#include "i18n/bidi.hpp"
#include "render/view_model.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

bool ViewModelBuilder::code(const Page& page, json& v) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeInLocale& f = model_.code(page.locale, page.protocol, page.a);
  const MessageArg args[] = {{"protocol", p.name}, {"code", f.code->code}, {"name", f.name}};
  bool foreign = f.foreign;
  l10n.message("code_title").append_text(text_of(v, "title"), args);
  set(v, "heading", std::string(member(v, "title")));  // a copy: adding a key may move it
  // The summary is written to stand alone: it is the page's description.
  common(page, l10n.text(p, "codes/" + f.code->code + "/summary"), v);
  foreign |= l10n.append_html(text_of(v, "heading_html"), "code_title", args);
  set(v, "crumb_current", f.code->code);
  const MessageArg code_arg[] = {{"code", f.code->code}};
  foreign |= l10n.append_html(text_of(v, "compare_heading_html"), "code_compare_heading", code_arg);
  const std::string root =
      Urls::relative(urls_.of(page), urls_.compare_root(page.locale, page.protocol));
  // The codes it is most often confused with first, then every other in
  // code order.
  auto& comparisons = list_of(v["comparisons"], "links", p.codes.size() - 1);
  const auto related = model_.related(page.protocol, page.a);
  const std::size_t close = model_.close_count(page.protocol, page.a);
  std::size_t k = 0;
  for (std::size_t r = 0; r < close; ++r) {
    foreign |= compare_link(page, root, page.a, related[r], comparisons[k++]);
  }
  for (std::size_t i = 0; i < p.codes.size(); ++i) {
    if (i == page.a ||
        std::find(related.begin(), related.begin() + static_cast<std::ptrdiff_t>(close), i) !=
            related.begin() + static_cast<std::ptrdiff_t>(close))
      continue;
    foreign |= compare_link(page, root, page.a, i, comparisons[k++]);
  }
  return foreign;
}

}  // namespace versa
