// render: the rule by which view models are reused, in one place.
//
// Comparison and code pages are written over the view model of the page of
// the same kind before them: keys exist and strings keep their buffers, so a
// page allocates next to nothing. Every value is written on every page.
// Adding a key to an object may copy its members elsewhere: a reference into
// an object must not outlive the next key added to it.
#pragma once

#include <string>
#include <string_view>

#include "i18n/localization.hpp"
#include "mustache/template.hpp"

namespace versa::view {

using json = mustache::Data;

/// {"links": list}.
inline json links(json list) {
  json o = json::object();
  o["links"] = std::move(list);
  return o;
}

/// The string member `key` of `object`, emptied, its buffer kept.
inline std::string& text_of(json& object, std::string_view key) {
  json& slot = object[key];
  if (!slot.is_string()) slot = std::string();
  std::string& s = slot.get_ref<std::string&>();
  s.clear();
  return s;
}

/// Sets the string member `key` of `object` to `value`, reusing its buffer.
inline void set(json& object, std::string_view key, std::string_view value) {
  text_of(object, key).assign(value);
}

/// The array member `key` of `object`, with exactly `size` elements.
inline json::array_t& list_of(json& object, std::string_view key, std::size_t size) {
  json& slot = object[key];
  if (!slot.is_array()) slot = json::array();
  auto& items = slot.get_ref<json::array_t&>();
  items.resize(size);
  return items;
}

/// The string member `key` of `object`, which must exist.
inline const std::string& member(const json& object, std::string_view key) {
  return object.find(key)->get_ref<const std::string&>();
}

/// A message without arguments, as plain text ("" when there is none).
inline const std::string& label(const Localization& l10n, std::string_view key) {
  static const std::string none;
  const auto it = l10n.labels().find(key);
  return it == l10n.labels().end() ? none : it->get_ref<const std::string&>();
}

}  // namespace versa::view
