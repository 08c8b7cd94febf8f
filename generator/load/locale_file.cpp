#include "load/locale_file.hpp"

#include <filesystem>

#include "load/json_fields.hpp"

namespace versa {

namespace {

// Flattens nested objects of strings into "a/b/c" keys.
void flatten(const JsonDocument& doc, const nlohmann::json& node, const std::string& pointer,
             const std::string& prefix, std::map<std::string, std::string>& out,
             Diagnostics& diags) {
  for (const auto& [key, value] : node.items()) {
    const std::string ptr = pointer_join(pointer, key);
    const std::string flat = prefix.empty() ? key : prefix + "/" + key;
    if (value.is_object()) {
      flatten(doc, value, ptr, flat, out, diags);
    } else if (value.is_string()) {
      if (!value.get_ref<const std::string&>().starts_with(kUntranslatedMarker)) {
        out[flat] = value.get<std::string>();
      }
    } else {
      diags.error(doc.locate(ptr), "catalogue text \"" + flat + "\" must be a string");
    }
  }
}

}  // namespace

std::optional<LocaleFile> load_locale(const std::string& path, Diagnostics& diags) {
  auto doc = JsonDocument::load(path, diags);
  if (!doc) return std::nullopt;
  return read_locale(std::filesystem::path(path).stem().string(), std::move(*doc), diags);
}

std::optional<LocaleFile> read_locale(std::string tag, JsonDocument document, Diagnostics& diags) {
  auto doc = &document;
  const int errors_before = diags.error_count();
  LocaleFile file;
  file.tag = std::move(tag);
  const auto& root = doc->value();
  if (!root.is_object()) {
    diags.error(doc->locate(""), "a locale file must be a JSON object with \"messages\"");
    return std::nullopt;
  }
  // Every string of a locale file is a message or a text some page shows.
  check_texts(*doc, "", diags);
  for (const auto& [key, value] : root.items()) {
    if (key == "language_name") {
      if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
        diags.error(doc->locate("/language_name"),
                    "\"language_name\" must be the language's name in itself, such as "
                    "\"Bahasa Indonesia\"; remove it to use ICU's name");
      } else {
        file.language_name = value.get<std::string>();
      }
    } else if (key != "messages" && key != "catalogue") {
      diags.error(doc->locate(pointer_join("", key)),
                  "unknown top-level key \"" + key +
                      "\"; a locale file has \"messages\", \"catalogue\" and, optionally, "
                      "\"language_name\"");
    }
  }
  if (auto m = root.find("messages"); m == root.end() || !m->is_object()) {
    diags.error(doc->locate("/messages"), "\"messages\" must be an object of message patterns");
  } else {
    for (const auto& [key, value] : m->items()) {
      if (!value.is_string()) {
        diags.error(doc->locate(LocaleFile::message_pointer(key)),
                    "message \"" + key + "\" must be a string pattern");
        continue;
      }
      if (!value.get_ref<const std::string&>().starts_with(kUntranslatedMarker)) {
        file.messages[key] = value.get<std::string>();
      }
    }
  }
  if (auto c = root.find("catalogue"); c != root.end()) {
    if (!c->is_object()) {
      diags.error(doc->locate("/catalogue"), "\"catalogue\" must be an object keyed by protocol");
    } else {
      for (const auto& [protocol, texts] : c->items()) {
        const std::string ptr = pointer_join("/catalogue", protocol);
        if (!texts.is_object()) {
          diags.error(doc->locate(ptr),
                      "catalogue texts of \"" + protocol + "\" must be an object");
          continue;
        }
        flatten(*doc, texts, ptr, "", file.catalogue[protocol], diags);
      }
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  file.document = std::move(*doc);
  file.document.release_value();
  return file;
}

}  // namespace versa
