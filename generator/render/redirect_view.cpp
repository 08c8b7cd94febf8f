// render: the view model of a redirect page: a comparison's address with the
// higher code first, which sends readers to the comparison itself.
#include <string>

#include "i18n/bidi.hpp"
#include "render/view_model.hpp"
#include "render/view_reuse.hpp"

namespace versa {

using namespace view;

bool ViewModelBuilder::redirect(const Page& page, json& v) const {
  const Protocol& p = project_.inputs.protocols[page.protocol];
  const Localization& l10n = project_.localizations[page.locale];
  const CodeInLocale& a = model_.code(page.locale, page.protocol, page.a);
  const CodeInLocale& b = model_.code(page.locale, page.protocol, page.b);
  // The comparison's own tab title: the reader is on their way to it.
  const MessageArg args[] = {
      {"protocol", p.name}, {"a_code", a.code->code}, {"b_code", b.code->code}};
  std::string& title = text_of(v, "title");
  l10n.message("compare_page_title").append_text(title, args);
  if (l10n.info().rtl) start_right_to_left(title);
  const Page target{PageKind::compare, page.locale, page.protocol, page.a, page.b};
  set(v, "canonical", urls_.absolute(urls_.of(target)));
  const std::string root =
      Urls::relative(urls_.of(page), urls_.compare_root(page.locale, page.protocol));
  return compare_link(page, root, page.a, page.b, v);
}

}  // namespace versa
