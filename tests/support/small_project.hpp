// Test support: the shipped project cut down to a few codes, for tests that
// build many times (about 140 pages instead of 3,577).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

#include "support/temp_dir.hpp"

namespace versa::test {

/// Copies the shipped inputs into `dir`, keeping `codes` codes of each
/// catalogue (one per class first, then the lowest) and only their texts in
/// every locale file; with `only_locale`, that locale file alone.
inline void copy_small_project(const fs::path& dir, std::size_t codes = 6,
                               const std::string& only_locale = "") {
  copy_shipped_inputs(dir);
  if (!only_locale.empty()) {
    for (const auto& e : fs::directory_iterator(dir / "locales")) {
      if (e.path().stem() != only_locale) fs::remove(e.path());
    }
  }
  std::map<std::string, std::set<std::string>> kept;  // protocol -> codes
  for (const auto& e : fs::directory_iterator(dir / "catalogue")) {
    auto catalogue = nlohmann::ordered_json::parse(read_file(e.path()));
    auto& list = catalogue["codes"];
    nlohmann::ordered_json small = nlohmann::ordered_json::array();
    std::set<char> classes;
    for (const auto& c : list) {  // first one code of each class, then any
      const std::string code = c["code"];
      if (small.size() < codes && classes.insert(code[0]).second) small.push_back(c);
    }
    for (const auto& c : list) {
      if (small.size() >= codes) break;
      if (std::find(small.begin(), small.end(), c) == small.end()) small.push_back(c);
    }
    std::sort(small.begin(), small.end(), [](const auto& a, const auto& b) {
      return a["code"].template get<std::string>() < b["code"].template get<std::string>();
    });
    for (const auto& c : small) kept[catalogue["protocol"]].insert(c["code"].get<std::string>());
    for (auto& c : small) {  // codes it is confused with that are kept
      if (!c.contains("confused_with")) continue;
      nlohmann::ordered_json confused = nlohmann::ordered_json::array();
      for (const auto& other : c["confused_with"]) {
        if (kept[catalogue["protocol"]].contains(other.get<std::string>()))
          confused.push_back(other);
      }
      c["confused_with"] = confused;
    }
    list = small;
    write_file(e.path(), catalogue.dump(2) + "\n");
  }
  for (const auto& e : fs::directory_iterator(dir / "locales")) {
    auto locale = nlohmann::ordered_json::parse(read_file(e.path()));
    if (!locale.contains("catalogue")) continue;
    for (auto& [protocol, texts] : locale["catalogue"].items()) {
      if (!texts.contains("codes")) continue;
      nlohmann::ordered_json small = nlohmann::ordered_json::object();
      for (auto& [code, t] : texts["codes"].items()) {
        if (kept[protocol].contains(code)) small[code] = t;
      }
      texts["codes"] = small;
    }
    write_file(e.path(), locale.dump(2) + "\n");
  }
}

}  // namespace versa::test
