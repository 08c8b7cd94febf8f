#include "render/text_budgets.hpp"

#include "i18n/text_breaks.hpp"

namespace versa {

namespace {

constexpr std::string_view kRightToLeftMark = "\u200F";

// What a page kind's title and description are made of: the message (or,
// for "codes/", the catalogue text) a user shortens to fit. It mirrors the
// view models (code_view.cpp, compare_view.cpp, home_view.cpp).
std::string source_of(const Project& project, const Page& page, bool title) {
  switch (page.kind) {
    case PageKind::home:
      return title ? "site_name" : "home_meta";
    case PageKind::code:
      return title ? "code_title"
                   : "codes/" + project.inputs.protocols[page.protocol].codes[page.a].code +
                         "/summary";
    case PageKind::compare:
      return title ? "compare_page_title" : "compare_meta";
    case PageKind::not_found:
      return title ? "page_title" : "not_found_title";
    case PageKind::redirect:
      return title ? "compare_page_title" : "";
  }
  return {};
}

}  // namespace

void TextBudgets::measure(const Page& page, const mustache::Data& view) {
  for (const bool title : {true, false}) {
    const auto it = view.find(title ? "title" : "description");
    if (it == view.end() || !it->is_string()) continue;
    std::string_view text = it->get_ref<const std::string&>();
    // The mark versa puts before right-to-left text is invisible.
    if (text.starts_with(kRightToLeftMark)) text.remove_prefix(kRightToLeftMark.size());
    const std::size_t length = grapheme_count(text);
    Longest& l =
        longest_[{page.locale, title ? "title" : "description", source_of(project_, page, title)}];
    if (length > l.length) l = {length, page};
  }
}

void TextBudgets::merge(const TextBudgets& other) {
  for (const auto& [key, l] : other.longest_) {
    Longest& mine = longest_[key];
    if (l.length > mine.length) mine = l;
  }
}

std::size_t TextBudgets::report(bool strict, Diagnostics& diags) const {
  std::size_t reported = 0;
  for (const auto& [key, l] : longest_) {
    const auto& [locale, field, source] = key;
    const bool title = field == "title";
    const std::size_t budget = title ? kTitleBudget : kDescriptionBudget;
    if (l.length <= budget) continue;
    const Localization& l10n = project_.localizations[locale];
    const Protocol& protocol = project_.inputs.protocols[l.page.protocol];
    // Located at the pattern (or text) in the file that provides it.
    const bool is_text = source.starts_with("codes/");
    const std::string& from =
        is_text ? l10n.text_language(protocol, source).tag : l10n.message_language(source).tag;
    Location where{"locales/" + from + ".json"};
    bool found = false;
    for (const LocaleFile& f : project_.inputs.locales) {
      if (f.tag != from) continue;
      const bool has = is_text ? f.catalogue.contains(protocol.id) &&
                                     f.catalogue.at(protocol.id).contains(source)
                               : f.messages.contains(source);
      if (!has) continue;
      where = f.document.locate(is_text ? LocaleFile::text_pointer(protocol.id, source)
                                        : LocaleFile::message_pointer(source));
      found = true;
    }
    if (!found && is_text) {
      where = protocol.document.locate(protocol.codes[l.page.a].pointer + "/summary");
    }
    const std::string what = (is_text ? "text \"" : "message \"") + source + "\"";
    const std::string message = what + " makes a " + (title ? "title" : "meta description") +
                                " of " + std::to_string(l.length) + " characters in " + l10n.tag() +
                                ", over the budget of " + std::to_string(budget) +
                                (title ? " (tabs and search results cut longer ones)"
                                       : " (search results cut longer ones)") +
                                ", on " + urls_.output_file(l.page) +
                                "; shorten it (versa never cuts a text)";
    if (strict) {
      diags.error(where, message);
    } else {
      diags.warning(where, message);
    }
    ++reported;
  }
  return reported;
}

}  // namespace versa
