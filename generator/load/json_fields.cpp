#include "load/json_fields.hpp"

#include "core/text_check.hpp"

namespace versa {

namespace {

const nlohmann::json* at(const JsonDocument& doc, std::string_view pointer) {
  try {
    const auto& v = doc.value().at(nlohmann::json::json_pointer(std::string(pointer)));
    return &v;
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

void check_value(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer,
                 Diagnostics& diags, bool& clean) {
  if (value.is_string()) {
    for (const TextProblem& p : find_unsafe_text(value.get_ref<const std::string&>())) {
      diags.error(doc.locate_in_string(pointer, p.offset), p.message);
      clean = false;
    }
  } else if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      check_value(doc, child, pointer_join(pointer, key), diags, clean);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      check_value(doc, value[i], pointer_join(pointer, std::to_string(i)), diags, clean);
    }
  }
}

}  // namespace

bool check_texts(const JsonDocument& doc, std::string_view pointer, Diagnostics& diags) {
  const nlohmann::json* v = at(doc, pointer);
  bool clean = true;
  if (v != nullptr) check_value(doc, *v, std::string(pointer), diags, clean);
  return clean;
}

std::optional<std::string> required_string(const JsonDocument& doc, std::string_view object_pointer,
                                           std::string_view key, Diagnostics& diags) {
  const std::string p = pointer_join(object_pointer, key);
  const nlohmann::json* v = at(doc, p);
  if (v == nullptr) {
    diags.error(doc.locate(object_pointer),
                "missing required field \"" + std::string(key) + "\"; add it to this object");
    return std::nullopt;
  }
  if (!v->is_string()) {
    diags.error(doc.locate(p), "field \"" + std::string(key) + "\" must be a string");
    return std::nullopt;
  }
  if (v->get_ref<const std::string&>().empty()) {
    diags.error(doc.locate(p), "field \"" + std::string(key) + "\" is empty; write its text");
    return std::nullopt;
  }
  return v->get<std::string>();
}

const nlohmann::json* required_object(const JsonDocument& doc, std::string_view pointer,
                                      std::string_view what, Diagnostics& diags) {
  const nlohmann::json* v = at(doc, pointer);
  if (v == nullptr || !v->is_object()) {
    const std::string parent(pointer.substr(0, pointer.rfind('/')));
    diags.error(doc.locate(v ? pointer : std::string_view(parent)),
                std::string(what) + (v ? " must be a JSON object" : " is missing; add it"));
    return nullptr;
  }
  return v;
}

}  // namespace versa
