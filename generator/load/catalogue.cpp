#include "load/catalogue.hpp"

#include <algorithm>
#include <regex>

#include "core/nearest.hpp"
#include "load/json_fields.hpp"

namespace versa {

namespace {

// "code_fields": ["mnemonic", ...], the text fields a catalogue adds to
// every code. Each is a new name a template can use as <field>_html.
// Returns false when the declaration is wrong (and reported).
bool read_code_fields(const JsonDocument& doc, Protocol& p, Diagnostics& diags) {
  p.code_fields.assign(std::begin(kCodeTextFields), std::end(kCodeTextFields));
  const auto it = doc.value().find("code_fields");
  if (it == doc.value().end()) return true;
  if (!it->is_array()) {
    diags.error(doc.locate("/code_fields"),
                "\"code_fields\" must be an array of field names, such as [\"mnemonic\"]");
    return false;
  }
  bool ok = true;
  static const std::regex kFieldName("[a-z][a-z0-9_]{0,39}");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string at = "/code_fields/" + std::to_string(i);
    const auto& v = (*it)[i];
    const std::string name = v.is_string() ? v.get<std::string>() : "";
    const auto taken = [&](const auto& list) {
      return std::find(std::begin(list), std::end(list), name) != std::end(list);
    };
    if (!std::regex_match(name, kFieldName)) {
      ok = false;
      diags.error(doc.locate(at),
                  "a code field is named with lower-case letters, digits and \"_\", starting "
                  "with a letter (at most 40), such as \"mnemonic\"");
    } else if (taken(p.code_fields) || taken(kCodeDataFields)) {
      ok = false;
      diags.error(doc.locate(at), "\"" + name +
                                      "\" is already a field of every code; declare only "
                                      "fields of your own");
    } else {
      p.code_fields.push_back(name);
      p.extra_code_fields.push_back(name);
    }
  }
  return ok;
}

// A key of a code object that is neither a field of every code nor declared
// in "code_fields" is a mistake: reported, with the nearest field.
void check_code_keys(const JsonDocument& doc, const std::string& ptr, const Protocol& p,
                     Diagnostics& diags) {
  std::vector<std::string> known(p.code_fields);
  known.insert(known.end(), std::begin(kCodeDataFields), std::end(kCodeDataFields));
  for (const auto& [key, value] : doc.value().at(nlohmann::json::json_pointer(ptr)).items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    const auto guess = nearest(key, known);
    diags.error(doc.locate(pointer_join(ptr, key)),
                "unknown field \"" + key + "\" in a code; " +
                    (guess ? "did you mean \"" + *guess + "\"? A" : "a") +
                    " text of your own must be declared in the catalogue's \"code_fields\"");
  }
}

}  // namespace

std::optional<Protocol> load_catalogue(const std::string& path, Diagnostics& diags) {
  auto doc = JsonDocument::load(path, diags);
  if (!doc) return std::nullopt;
  return read_catalogue(std::move(*doc), diags);
}

std::optional<Protocol> read_catalogue(JsonDocument document, Diagnostics& diags) {
  auto doc = &document;
  if (!doc->value().is_object()) {
    diags.error(doc->locate(""),
                "a catalogue must be a JSON object with \"protocol\" and \"codes\"");
    return std::nullopt;
  }
  const int errors_before = diags.error_count();
  // Every string of a catalogue is published somewhere.
  check_texts(*doc, "", diags);
  Protocol p;
  p.id = required_string(*doc, "", "protocol", diags).value_or("");
  p.name = required_string(*doc, "", "name", diags).value_or("");
  p.title = required_string(*doc, "", "title", diags).value_or("");
  p.spec = required_string(*doc, "", "spec", diags).value_or("");

  // With a wrong declaration, the fields it meant are not called unknown too.
  const bool declared = read_code_fields(*doc, p, diags);
  static constexpr const char* kTopLevel[] = {"protocol", "name",  "title",      "spec",
                                              "classes",  "codes", "code_fields"};
  for (const auto& [key, value] : doc->value().items()) {
    if (std::find(std::begin(kTopLevel), std::end(kTopLevel), key) != std::end(kTopLevel)) continue;
    const auto guess = nearest(key, kTopLevel);
    diags.error(doc->locate(pointer_join("", key)), "unknown top-level key \"" + key + "\"; " +
                                                        (guess ? "did you mean \"" + *guess + "\"?"
                                                               : "a catalogue has protocol, name, "
                                                                 "title, spec, classes, codes and "
                                                                 "code_fields"));
  }

  if (const auto* classes = required_object(*doc, "/classes", "\"classes\"", diags)) {
    for (const auto& [digit, value] : classes->items()) {
      const std::string ptr = pointer_join("/classes", digit);
      ReplyClass c;
      c.digit = digit;
      for (const char* field : kClassTextFields) {
        if (auto s = required_string(*doc, ptr, field, diags)) c.texts[field] = *s;
      }
      p.classes.emplace(digit, std::move(c));
    }
  }

  const auto& codes = doc->value().find("codes");
  if (codes == doc->value().end() || !codes->is_array()) {
    diags.error(doc->locate("/codes"), "\"codes\" must be an array of reply codes");
  } else {
    for (std::size_t i = 0; i < codes->size(); ++i) {
      const std::string ptr = "/codes/" + std::to_string(i);
      if (!(*codes)[i].is_object()) {
        diags.error(doc->locate(ptr), "each entry of \"codes\" must be an object");
        continue;
      }
      ReplyCode c;
      c.pointer = ptr;
      c.code = required_string(*doc, ptr, "code", diags).value_or("");
      c.slug = required_string(*doc, ptr, "slug", diags).value_or("");
      c.rfc = required_string(*doc, ptr, "rfc", diags).value_or("");
      if (auto s = (*codes)[i].find("section"); s != (*codes)[i].end() && s->is_string()) {
        c.section = s->get<std::string>();
      }
      for (const std::string& field : p.code_fields) {
        if (auto s = required_string(*doc, ptr, field, diags)) c.texts[field] = *s;
      }
      if (declared) check_code_keys(*doc, ptr, p, diags);
      for (auto [key, list] :
           {std::pair{"confused_with", &c.confused_with}, std::pair{"phases", &c.phases}}) {
        const auto it = (*codes)[i].find(key);
        if (it == (*codes)[i].end()) continue;
        const bool strings =
            it->is_array() && std::all_of(it->begin(), it->end(),
                                          [](const nlohmann::json& v) { return v.is_string(); });
        if (!strings) {
          diags.error(doc->locate(ptr + "/" + key),
                      "\"" + std::string(key) + "\" must be an array of strings, such as " +
                          (std::string_view(key) == "phases" ? "[\"rcpt\", \"data\"]"
                                                             : "[\"550\", \"451\"]"));
          continue;
        }
        for (const auto& v : *it) list->push_back(v.get<std::string>());
      }
      if (auto also = (*codes)[i].find("also_in"); also != (*codes)[i].end()) {
        if (!also->is_array()) {
          diags.error(doc->locate(ptr + "/also_in"),
                      "\"also_in\" must be an array such as [{\"rfc\": \"RFC 3207\", "
                      "\"section\": \"4\"}]");
        } else {
          for (std::size_t k = 0; k < also->size(); ++k) {
            const std::string at = ptr + "/also_in/" + std::to_string(k);
            if (!(*also)[k].is_object()) {
              diags.error(doc->locate(at),
                          "each entry of \"also_in\" must be an object with "
                          "\"rfc\" and, optionally, \"section\"");
              continue;
            }
            Reference r;
            r.rfc = required_string(*doc, at, "rfc", diags).value_or("");
            if (auto s = (*also)[k].find("section"); s != (*also)[k].end() && s->is_string()) {
              r.section = s->get<std::string>();
            }
            c.also_in.push_back(std::move(r));
          }
        }
      }
      p.codes.push_back(std::move(c));
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  std::stable_sort(p.codes.begin(), p.codes.end(),
                   [](const ReplyCode& a, const ReplyCode& b) { return a.code < b.code; });
  p.document = std::move(*doc);
  p.document.release_value();
  return p;
}

}  // namespace versa
