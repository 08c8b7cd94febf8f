#include "load/catalogue.hpp"

#include <algorithm>

#include "load/json_fields.hpp"

namespace versa {

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
      for (const char* field : kCodeTextFields) {
        if (auto s = required_string(*doc, ptr, field, diags)) c.texts[field] = *s;
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
