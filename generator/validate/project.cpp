#include "validate/project.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/nearest.hpp"
#include "i18n/message_keys.hpp"

namespace versa {

namespace {

bool is_slug(std::string_view s) {
  return !s.empty() &&
         std::all_of(
             s.begin(), s.end(),
             [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }) &&
         s.front() != '-' && s.back() != '-';
}

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "{" : ", {") + n + "}";
  return out.empty() ? "none" : out;
}

void check_protocol(const Protocol& p, Diagnostics& diags) {
  const JsonDocument& doc = p.document;
  if (!is_slug(p.id)) {
    diags.error(doc.locate("/protocol"), "protocol id \"" + p.id +
                                             "\" is not a safe URL segment; use lowercase "
                                             "letters, digits and '-' (e.g. \"smtp\")");
  }
  for (const auto& [digit, c] : p.classes) {
    if (digit.size() != 1 || digit[0] < '1' || digit[0] > '9') {
      diags.error(doc.locate(pointer_join("/classes", digit)),
                  "class key \"" + digit + "\" must be a single digit 1-9");
    }
  }
  std::map<std::string, const ReplyCode*> codes;
  std::map<std::string, const ReplyCode*> slugs;
  for (const auto& c : p.codes) {
    const bool three_digits =
        c.code.size() == 3 &&
        std::all_of(c.code.begin(), c.code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!three_digits) {
      diags.error(doc.locate(c.pointer + "/code"),
                  "code \"" + c.code + "\" is not three digits; write it like \"250\"");
    } else if (!p.classes.contains(c.class_digit())) {
      diags.error(doc.locate(c.pointer + "/code"),
                  "code " + c.code + " belongs to class " + c.class_digit() +
                      "xx, which \"classes\" does not define; add classes." + c.class_digit());
    }
    if (!is_slug(c.slug)) {
      diags.error(doc.locate(c.pointer + "/slug"),
                  "slug \"" + c.slug +
                      "\" is not safe in a URL; use only a-z, 0-9 and '-' "
                      "(e.g. \"syntax-error\")");
    }
    if (auto [it, fresh] = codes.emplace(c.code, &c); !fresh) {
      const Location first = doc.locate(it->second->pointer);
      diags.error(doc.locate(c.pointer + "/code"),
                  "duplicate code " + c.code + " (first defined at line " +
                      std::to_string(first.line) + "); remove or renumber one of them");
    }
    if (auto [it, fresh] = slugs.emplace(c.slug, &c); !fresh) {
      diags.error(doc.locate(c.pointer + "/slug"), "duplicate slug \"" + c.slug +
                                                       "\" (also used by code " + it->second->code +
                                                       "); slugs must be unique within a protocol");
    }
  }
  for (const auto& c : p.codes) {
    for (std::size_t k = 0; k < c.confused_with.size(); ++k) {
      const std::string& other = c.confused_with[k];
      if (codes.contains(other) && other != c.code) continue;
      std::vector<std::string> known;
      for (const auto& [code, at] : codes) known.push_back(code);
      const auto guess = nearest(other, known);
      diags.error(doc.locate(c.pointer + "/confused_with/" + std::to_string(k)),
                  other == c.code
                      ? "code " + c.code + " cannot be confused with itself; remove it"
                      : "\"confused_with\" names " + other + ", which is not a code of " + p.id +
                            (guess ? "; did you mean " + *guess + "?" : ""));
    }
  }
  if (p.codes.size() < 2) {
    diags.warning(doc.locate("/codes"), "fewer than two codes: no comparison pages will be built");
  }
}

// Why a pattern's arguments differ from those expected, beyond the lists: an
// argument quoted away by an apostrophe ("'{code}'" is text in ICU
// MessageFormat), or one misspelled: the byte offset in the pattern to point
// at, if any, and the hint.
std::pair<std::optional<std::size_t>, std::string> argument_hint(
    std::string_view pattern, const std::set<std::string>& used,
    const std::set<std::string>& expected) {
  std::vector<std::string> missing;
  for (const auto& name : expected) {
    if (!used.contains(name)) missing.push_back(name);
  }
  for (const auto& name : missing) {
    if (auto at = pattern.find("'{" + name + "}"); at != std::string_view::npos) {
      return {at,
              "; the apostrophe before {" + name +
                  "} quotes it in ICU MessageFormat: write '' for an apostrophe, or use \u2019"};
    }
  }
  for (const auto& name : used) {
    if (expected.contains(name)) continue;
    if (auto guess = nearest(name, missing)) {
      const auto at = pattern.find("{" + name);
      return {at == std::string_view::npos ? std::nullopt : std::optional(at),
              "; did you mean {" + *guess + "} instead of {" + name + "}?"};
    }
  }
  return {std::nullopt, ""};
}

// A message's location: at `offset` in its pattern, or the whole value.
Location message_location(const LocaleFile& file, const std::string& key,
                          std::optional<std::size_t> offset) {
  const std::string pointer = LocaleFile::message_pointer(key);
  return offset ? file.document.locate_in_string(pointer, *offset) : file.document.locate(pointer);
}

bool is_generator_key(std::string_view key) {
  return std::any_of(std::begin(kMessageKeys), std::end(kMessageKeys),
                     [key](const MessageKey& k) { return k.key == key; });
}

void check_contract(const LocaleFile& base, const CompiledMessages& compiled, Diagnostics& diags) {
  // Keys of en.json the generator does not format: a misspelled one is the
  // likeliest reason a needed key is missing.
  std::vector<std::string> unused;
  for (const auto& [key, pattern] : base.messages) {
    if (!is_generator_key(key)) unused.push_back(key);
  }
  for (const auto& [key, args] : kMessageKeys) {
    auto it = compiled.messages.find(key);
    if (it == compiled.messages.end()) {
      if (base.messages.contains(std::string(key))) continue;
      if (auto typo = nearest(key, unused)) {
        diags.error(base.document.locate(LocaleFile::message_pointer(*typo)),
                    "message \"" + *typo + "\": did you mean \"" + std::string(key) +
                        "\"? The generator needs \"" + std::string(key) +
                        "\" and en.json does not have it");
      } else {
        diags.error(base.document.locate("/messages"), "missing message \"" + std::string(key) +
                                                           "\", which the generator needs; add it");
      }
      continue;
    }
    std::set<std::string> expected;
    for (std::size_t start = 0; start < args.size();) {
      const auto space = std::min(args.find(' ', start), args.size());
      expected.emplace(args.substr(start, space - start));
      start = space + 1;
    }
    if (it->second->arguments() != expected) {
      const std::string k(key);
      const auto [at, hint] = argument_hint(base.messages.at(k), it->second->arguments(), expected);
      diags.error(message_location(base, k, at),
                  "message \"" + k + "\" uses " + join(it->second->arguments()) +
                      " but the generator passes " + join(expected) + "; use exactly those" + hint);
    }
  }
}

// Why a locale's catalogue text key names nothing in `p`, with the key that
// was probably meant. A code or class that does not exist gets no guess: a
// neighbouring number is another code, not a typo's fix.
std::string unknown_text(const Protocol& p, const std::string& key) {
  const std::string file = "catalogue/" + p.id + ".json";
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t slash = key.find('/', start);
    parts.push_back(key.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  const auto with_guess = [](const std::optional<std::string>& guess, std::string fallback) {
    return guess ? "did you mean \"" + *guess + "\"?" : fallback;
  };
  const std::string shape =
      "texts are \"title\", \"codes/<code>/<field>\" and \"classes/<digit>/<field>\"";
  if (parts.size() == 1) {
    return file + " has no such text; " +
           with_guess(nearest(key, std::vector<std::string>{"title"}), shape);
  }
  std::string group = parts[0];
  if (group != "codes" && group != "classes") {
    const auto g = nearest(group, std::vector<std::string>{"codes", "classes"});
    if (!g || parts.size() != 3) return file + " has no such text; " + shape;
    group = *g;
  }
  const bool code = group == "codes";
  const std::string& id = parts[1];
  const bool exists = code ? std::any_of(p.codes.begin(), p.codes.end(),
                                         [&id](const ReplyCode& c) { return c.code == id; })
                           : p.classes.contains(id);
  if (!exists) {
    return file + " has no " + (code ? "code " : "class ") + id + "; fix the " +
           (code ? "code" : "class digit") + " or remove the text";
  }
  std::vector<std::string> fields;
  if (code) {
    fields = p.code_fields;
  } else {
    fields.assign(std::begin(kClassTextFields), std::end(kClassTextFields));
  }
  std::string field_list;
  for (const auto& f : fields) field_list += (field_list.empty() ? "" : ", ") + f;
  const std::string field = parts.size() == 3 ? parts[2] : "";
  if (parts.size() == 3 && std::find(fields.begin(), fields.end(), field) != fields.end()) {
    return file + " has no such text; did you mean \"" + group + "/" + id + "/" + field + "\"?";
  }
  const auto f = parts.size() == 3 ? nearest(field, fields) : std::nullopt;
  return file + " has no such text; " +
         with_guess(
             f ? std::optional(group + "/" + id + "/" + *f) : std::nullopt,
             "the texts of a " + std::string(code ? "code" : "class") + " are " + field_list);
}

// What stands in for the keys a locale lacks: each key is taken from the
// first locale after it in its fallback chain that has the key, or from
// English. The warning names each of them, so that a text taken from pt.json
// is never said to be English.
class StandIns {
 public:
  explicit StandIns(const std::vector<const LocaleFile*>& fallbacks) {
    for (const LocaleFile* f : fallbacks) groups_.push_back({f->tag, {}});
    groups_.push_back({"English", {}});
  }
  void add(std::size_t source, std::string key) {
    groups_[source].keys.push_back(std::move(key));
    ++total_;
  }
  [[nodiscard]] std::size_t total() const { return total_; }

  /// ", English is used: a, b" or ", pt is used for 2: a, b; English for 1: c",
  /// at most five keys of each.
  [[nodiscard]] std::string as_list() const {
    std::string out;
    for (const Group& g : used()) {
      out += (out.empty() ? ", " + g.source + " is used" : "; " + g.source) + count(g) + ": ";
      for (std::size_t i = 0; i < g.keys.size() && i < 5; ++i) out += (i ? ", " : "") + g.keys[i];
      if (g.keys.size() > 5) out += ", ...";
    }
    return out;
  }
  /// ", English is used (first: a)" or ", pt is used for 2 (first: a), English for 1 (first: c)".
  [[nodiscard]] std::string as_first() const {
    std::string out;
    for (const Group& g : used()) {
      out += (out.empty() ? ", " + g.source + " is used" : ", " + g.source) + count(g) +
             " (first: " + g.keys.front() + ")";
    }
    return out;
  }

 private:
  struct Group {
    std::string source;
    std::vector<std::string> keys;
  };
  [[nodiscard]] std::vector<Group> used() const {
    std::vector<Group> out;
    for (const Group& g : groups_) {
      if (!g.keys.empty()) out.push_back(g);
    }
    return out;
  }
  // The count is said only when there is more than one source.
  [[nodiscard]] std::string count(const Group& g) const {
    return g.keys.size() == total_ ? "" : " for " + std::to_string(g.keys.size());
  }
  std::vector<Group> groups_;  // in the order of the chain, English last
  std::size_t total_ = 0;
};

/// `fallbacks`: the locale files after `file` in its fallback chain, the base
/// locale excluded. `catalogues_broken`: a catalogue could not be loaded (its
/// errors are reported), so a protocol no catalogue defines may be its.
LocaleCoverage check_locale(const LocaleFile& file, const CompiledMessages& compiled,
                            const LocaleFile& base, const CompiledMessages& base_compiled,
                            const std::vector<const LocaleFile*>& fallbacks,
                            const std::vector<Protocol>& protocols, bool catalogues_broken,
                            const ValidateOptions& options, Diagnostics& diags) {
  LocaleCoverage cov;
  cov.tag = file.tag;
  cov.messages_total = base.messages.size();
  cov.syntax_errors = file.messages.size() - compiled.messages.size();
  const auto missing = [&](Location where, std::string message) {
    if (options.strict) {
      diags.error(std::move(where), std::move(message));
    } else {
      diags.warning(std::move(where), std::move(message));
    }
  };
  StandIns untranslated(fallbacks);
  for (const auto& [key, pattern] : base.messages) {
    if (file.messages.contains(key)) continue;
    auto from = std::find_if(fallbacks.begin(), fallbacks.end(),
                             [&k = key](const LocaleFile* f) { return f->messages.contains(k); });
    untranslated.add(static_cast<std::size_t>(from - fallbacks.begin()), key);
  }
  cov.messages_translated = base.messages.size() - untranslated.total();
  if (untranslated.total() > 0) {
    missing(file.document.locate("/messages"), std::to_string(untranslated.total()) +
                                                   " message(s) not translated" +
                                                   untranslated.as_list());
  }
  for (const auto& [key, m] : compiled.messages) {
    auto b = base_compiled.messages.find(key);
    const Location where = file.document.locate(LocaleFile::message_pointer(key));
    if (!base.messages.contains(key)) {
      ++cov.extra;
      // A key the generator needs is en.json's mistake, reported there once.
      if (is_generator_key(key)) continue;
      std::vector<std::string> known;
      for (const auto& [k, pattern] : base.messages) known.push_back(k);
      const auto guess = nearest(key, known);
      diags.error(where, "unknown message \"" + key + "\": en.json has no such key; " +
                             (guess ? "did you mean \"" + *guess + "\"?"
                                    : std::string("fix the name or remove it")));
    } else if (b != base_compiled.messages.end() && b->second->arguments() != m->arguments()) {
      ++cov.argument_mismatches;
      const auto [at, hint] =
          argument_hint(file.messages.at(key), m->arguments(), b->second->arguments());
      diags.error(message_location(file, key, at), "message \"" + key + "\" uses arguments " +
                                                       join(m->arguments()) + " but en.json uses " +
                                                       join(b->second->arguments()) +
                                                       "; use the same argument names" + hint);
    }
  }
  for (const auto& [protocol_id, texts] : file.catalogue) {
    auto p = std::find_if(protocols.begin(), protocols.end(),
                          [&id = protocol_id](const Protocol& pr) { return pr.id == id; });
    if (p == protocols.end()) {
      if (catalogues_broken) continue;  // not another error: the cause is reported
      diags.error(
          file.document.locate(pointer_join("/catalogue", protocol_id)),
          "no catalogue defines protocol \"" + protocol_id + "\"; fix the name or remove it");
      continue;
    }
    for (const auto& [key, text] : texts) {
      const Location where = file.document.locate(LocaleFile::text_pointer(protocol_id, key));
      if (catalogue_text(*p, key) == nullptr) {
        ++cov.extra;
        diags.error(where, "unknown catalogue text \"" + key + "\": " + unknown_text(*p, key));
      } else if (text.empty()) {
        diags.error(where,
                    "catalogue text \"" + key + "\" is empty; translate it or remove the key");
      }
    }
  }
  for (const Protocol& p : protocols) {
    const auto keys = catalogue_text_keys(p);
    cov.texts_total += keys.size();
    // The base locale's texts are the catalogue's own.
    if (file.tag == base.tag) {
      cov.texts_translated += keys.size();
      continue;
    }
    const auto has = [&p](const LocaleFile& f, const std::string& key) {
      auto texts = f.catalogue.find(p.id);
      return texts != f.catalogue.end() && texts->second.contains(key);
    };
    StandIns absent(fallbacks);
    for (const auto& key : keys) {
      if (has(file, key)) continue;
      auto from = std::find_if(fallbacks.begin(), fallbacks.end(),
                               [&](const LocaleFile* f) { return has(*f, key); });
      absent.add(static_cast<std::size_t>(from - fallbacks.begin()), key);
    }
    cov.texts_translated += keys.size() - absent.total();
    if (absent.total() > 0) {
      missing(file.document.locate("/catalogue"), std::to_string(absent.total()) +
                                                      " catalogue text(s) of " + p.id +
                                                      " not translated" + absent.as_first());
    }
  }
  return cov;
}

// Every {{t.key}} a template uses must be a message without arguments.
void check_template_labels(const mustache::Template& t, const std::vector<mustache::Node>& nodes,
                           const Localization& base, Diagnostics& diags) {
  for (const auto& n : nodes) {
    if (n.path.size() == 2 && n.path[0] == "t" && !base.labels().contains(n.path[1])) {
      diags.error({t.path, n.line, n.col},
                  "label \"" + n.path[1] +
                      "\" is not a message without arguments in en.json; "
                      "add it there (and to the other locales) or fix the name");
    }
    check_template_labels(t, n.children, base, diags);
  }
}

}  // namespace

std::unique_ptr<Project> validate(Inputs inputs, Diagnostics& diags, const ValidateOptions& options,
                                  std::vector<LocaleCoverage>* coverage) {
  auto project = std::make_unique<Project>();
  project->inputs = std::move(inputs);
  Inputs& in = project->inputs;
  std::set<std::string> protocol_ids;
  for (const Protocol& p : in.protocols) {
    check_protocol(p, diags);
    if (!protocol_ids.insert(p.id).second) {
      diags.error(p.document.locate("/protocol"), "protocol \"" + p.id + "\" is defined twice");
    }
  }
  if (in.protocols.empty() && in.broken_catalogues == 0) {
    diags.error({"catalogue"},
                "no catalogue file (*.json) found; add one such as catalogue/smtp.json");
  }

  std::vector<LocaleInfo> infos;
  for (const LocaleFile& file : in.locales) {
    std::string why;
    auto info = describe_locale(file.tag, why);
    if (!info) diags.error(file.document.locate(""), "unknown locale: " + why);
    infos.push_back(info.value_or(LocaleInfo{file.tag, file.tag, false, file.tag}));
    if (!file.language_name.empty()) infos.back().native_name = file.language_name;
    project->compiled.push_back(compile_messages(file, diags));
  }
  auto find_locale = [&](std::string_view tag) -> std::ptrdiff_t {
    for (std::size_t i = 0; i < in.locales.size(); ++i) {
      if (in.locales[i].tag == tag) return static_cast<std::ptrdiff_t>(i);
    }
    return -1;
  };
  const std::ptrdiff_t base = find_locale(kBaseLocale);
  if (base < 0) {
    if (!in.broken_locales.contains(std::string(kBaseLocale))) {
      diags.error({"locales"},
                  "locales/en.json is missing; it is the reference every locale mirrors");
    }
    return nullptr;
  }
  const std::ptrdiff_t def = find_locale(in.site.default_locale);
  if (def < 0 && !in.broken_locales.contains(in.site.default_locale)) {
    diags.error(in.site.default_locale_at,
                "default_locale \"" + in.site.default_locale +
                    "\" has no file in locales/; add it or change default_locale");
  }
  const LocaleFile& base_file = in.locales[static_cast<std::size_t>(base)];
  const CompiledMessages& base_compiled = project->compiled[static_cast<std::size_t>(base)];
  check_contract(base_file, base_compiled, diags);
  for (std::size_t i = 0; i < in.locales.size(); ++i) {
    std::vector<const LocaleFile*> fallbacks;  // pt-BR: pt, when locales/pt.json exists
    for (const std::string& tag : fallback_chain(in.locales[i].tag, kBaseLocale)) {
      const std::ptrdiff_t k = find_locale(tag);
      if (k >= 0 && tag != in.locales[i].tag && tag != kBaseLocale)
        fallbacks.push_back(&in.locales[static_cast<std::size_t>(k)]);
    }
    LocaleCoverage cov =
        check_locale(in.locales[i], project->compiled[i], base_file, base_compiled, fallbacks,
                     in.protocols, in.broken_catalogues > 0, options, diags);
    if (coverage) coverage->push_back(std::move(cov));
  }

  for (std::size_t i = 0; i < in.locales.size(); ++i) {
    std::vector<const CompiledMessages*> messages;
    std::vector<const LocaleFile*> texts;
    for (const std::string& tag : fallback_chain(in.locales[i].tag, kBaseLocale)) {
      const std::ptrdiff_t k = find_locale(tag);
      if (k < 0) continue;
      messages.push_back(&project->compiled[static_cast<std::size_t>(k)]);
      texts.push_back(&in.locales[static_cast<std::size_t>(k)]);
    }
    project->localizations.emplace_back(infos[i], std::move(messages), std::move(texts));
  }
  in.templates.check_references(diags);
  for (const char* page : {"compare", "code", "home", "404", "redirect"}) {
    if (!in.templates.find(page) && !in.broken_templates.contains(page)) {
      diags.error({"templates"}, std::string("page template templates/") + page +
                                     ".html is missing; every site needs it");
    }
  }
  const Localization& base_l10n = project->localizations[static_cast<std::size_t>(base)];
  for (const auto& name : in.templates.names()) {
    const auto* t = in.templates.find(name);
    check_template_labels(*t, t->nodes, base_l10n, diags);
  }
  if (diags.has_errors()) return nullptr;
  project->default_locale = static_cast<std::size_t>(def);
  return project;
}

}  // namespace versa
