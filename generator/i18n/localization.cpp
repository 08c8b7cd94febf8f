#include "i18n/localization.hpp"

#include <stdexcept>

#include "i18n/bidi.hpp"
#include "i18n/typography.hpp"

namespace versa {

CompiledMessages compile_messages(const LocaleFile& file, Diagnostics& diags) {
  CompiledMessages out;
  out.tag = file.tag;
  for (const auto& [key, pattern] : file.messages) {
    std::size_t offset = 0;
    std::string why;
    auto m = Message::compile(pattern, file.tag, offset, why);
    if (!m) {
      diags.error(file.document.locate_in_string(LocaleFile::message_pointer(key), offset),
                  "message \"" + key + "\": " + why);
      continue;
    }
    out.messages.emplace(key, std::move(m));
  }
  return out;
}

Localization::Localization(LocaleInfo info, std::vector<const CompiledMessages*> message_chain,
                           std::vector<const LocaleFile*> text_chain)
    : info_(std::move(info)),
      message_chain_(std::move(message_chain)),
      text_chain_(std::move(text_chain)) {
  for (const LocaleFile* f : text_chain_) {
    std::string why;
    chain_info_.push_back(
        f->tag == info_.tag
            ? info_
            : describe_locale(f->tag, why).value_or(LocaleInfo{f->tag, f->tag, false, f->tag}));
  }
  std::string why;
  chain_info_.push_back(describe_locale(kBaseLocale, why).value_or(LocaleInfo{}));
  // Walk from the base upwards so the most specific locale wins.
  for (auto it = message_chain_.rbegin(); it != message_chain_.rend(); ++it) {
    for (const auto& [key, m] : (*it)->messages) {
      if (m->arguments().empty()) labels_[key] = m->text({});
    }
  }
  for (const auto& [key, value] : labels_.items()) {
    if (is_foreign(message_language(key))) foreign_labels_ = true;
  }
}

bool Localization::is_foreign(const LocaleInfo& language) const {
  const auto primary = [](std::string_view tag) { return tag.substr(0, tag.find('-')); };
  return primary(language.tag) != primary(info_.tag);
}

const LocaleInfo& Localization::message_language(std::string_view key) const {
  for (std::size_t i = 0; i < message_chain_.size(); ++i) {
    if (message_chain_[i]->messages.contains(key)) return chain_info_[i];
  }
  return chain_info_.back();
}

const LocaleInfo& Localization::text_language(const Protocol& protocol,
                                              std::string_view key) const {
  for (std::size_t i = 0; i < text_chain_.size(); ++i) {
    auto p = text_chain_[i]->catalogue.find(protocol.id);
    if (p != text_chain_[i]->catalogue.end() && p->second.contains(std::string(key))) {
      return chain_info_[i];
    }
  }
  return chain_info_.back();
}

namespace {

// Opens the element that marks text of a language other than the page's.
void open_foreign(std::string& out, const LocaleInfo& language) {
  out.append("<span lang=\"").append(language.tag).append("\" dir=\"");
  out.append(language.dir()).append("\">");
}

}  // namespace

bool Localization::append_html(std::string& out, std::string_view key,
                               std::span<const MessageArg> args) const {
  const LocaleInfo& language = message_language(key);
  if (!is_foreign(language)) {
    message(key).append_html(out, args);
    return false;
  }
  open_foreign(out, language);
  message(key).append_html(out, args);
  out.append("</span>");
  return true;
}

std::string Localization::text_html(const Protocol& protocol, std::string_view key) const {
  const LocaleInfo& language = text_language(protocol, key);
  const std::string joined = join_rfc_numbers(text(protocol, key));
  if (!is_foreign(language)) return html_isolating_latin(joined, info_.rtl);
  std::string out;
  open_foreign(out, language);
  out += html_isolating_latin(joined, language.rtl);
  out.append("</span>");
  return out;
}

const Message& Localization::message(std::string_view key) const {
  for (const CompiledMessages* c : message_chain_) {
    if (auto it = c->messages.find(key); it != c->messages.end()) return *it->second;
  }
  throw std::logic_error("message \"" + std::string(key) +
                         "\" is in no locale; validation missed it");
}

const std::string& Localization::text(const Protocol& protocol, std::string_view key) const {
  for (const LocaleFile* f : text_chain_) {
    auto p = f->catalogue.find(protocol.id);
    if (p == f->catalogue.end()) continue;
    if (auto it = p->second.find(std::string(key)); it != p->second.end()) return it->second;
  }
  if (const std::string* s = catalogue_text(protocol, key)) return *s;
  throw std::logic_error("catalogue text \"" + std::string(key) + "\" does not exist");
}

const std::string* catalogue_text(const Protocol& protocol, std::string_view key) {
  if (key == "title") return &protocol.title;
  const auto first = key.find('/');
  const auto second = key.find('/', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return nullptr;
  const std::string_view group = key.substr(0, first);
  const std::string id(key.substr(first + 1, second - first - 1));
  const std::string field(key.substr(second + 1));
  const std::map<std::string, std::string>* texts = nullptr;
  if (group == "codes") {
    for (const auto& c : protocol.codes) {
      if (c.code == id) texts = &c.texts;
    }
  } else if (group == "classes") {
    if (auto it = protocol.classes.find(id); it != protocol.classes.end())
      texts = &it->second.texts;
  }
  if (texts == nullptr) return nullptr;
  auto it = texts->find(field);
  return it == texts->end() ? nullptr : &it->second;
}

std::vector<std::string> catalogue_text_keys(const Protocol& protocol) {
  std::vector<std::string> keys{"title"};
  for (const auto& [digit, c] : protocol.classes) {
    for (const char* f : kClassTextFields) keys.push_back("classes/" + digit + "/" + f);
  }
  for (const auto& c : protocol.codes) {
    for (const std::string& f : protocol.code_fields) keys.push_back("codes/" + c.code + "/" + f);
  }
  return keys;
}

}  // namespace versa
