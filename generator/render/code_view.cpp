// render: the view model of a code page.
#include <algorithm>
#include <array>

#include "i18n/bidi.hpp"
#include "render/view_model.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

void ViewModelBuilder::code(const Page& page, json& v) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeInLocale& f = model_.code(page.locale, page.protocol, page.a);
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

}  // namespace versa
