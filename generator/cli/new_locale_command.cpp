#include "cli/new_locale_command.hpp"

#include <fcntl.h>

#include <filesystem>

#include "i18n/locale_info.hpp"
#include "i18n/localization.hpp"
#include "write/file_ops.hpp"

namespace versa {

namespace fs = std::filesystem;
using nlohmann::json;

std::optional<std::string> write_new_locale(const std::string& tag, const InputPaths& paths,
                                            Diagnostics& diags) {
  std::string why;
  if (!describe_locale(tag, why)) {
    diags.error({tag}, "cannot create locale: " + why);
    return std::nullopt;
  }
  const fs::path target = fs::path(paths.locales) / (tag + ".json");
  std::error_code ec;
  if (fs::exists(
          fs::symlink_status(target, ec))) {  // a dangling link counts: it is not written through
    diags.error({target.string()}, "already exists; edit it, or delete it first to start over");
    return std::nullopt;
  }
  const std::string base_path = (fs::path(paths.locales) / "en.json").string();
  if (!JsonDocument::load(base_path, diags)) return std::nullopt;
  // Parsed again, keeping en.json's key order for the translator.
  const auto base_source = read_source(base_path, diags);
  if (!base_source) return std::nullopt;  // replaced since it was loaded
  const auto base = nlohmann::ordered_json::parse(base_source->text());
  const std::string marker(kUntranslatedMarker);
  nlohmann::ordered_json out;  // keeps en.json's order for the translator
  out["messages"] = nlohmann::ordered_json::object();
  const auto messages = base.value("messages", nlohmann::ordered_json::object());
  for (const auto& [key, value] : messages.items()) {
    if (value.is_string()) out["messages"][key] = marker + value.get<std::string>();
  }
  // The catalogue texts, nested as in a locale file, each with the English to translate.
  const std::vector<fs::path> catalogues = input_files(paths.catalogue, ".json", diags);
  if (diags.has_errors()) return std::nullopt;
  for (const auto& path : catalogues) {
    auto protocol = load_catalogue(path.string(), diags);
    if (!protocol) return std::nullopt;
    auto& texts = out["catalogue"][protocol->id];
    for (const std::string& key : catalogue_text_keys(*protocol)) {
      // "codes/211/name" -> texts["codes"]["211"]["name"]; object keys, never array indices.
      auto* node = &texts;
      for (std::size_t start = 0;;) {
        const auto slash = key.find('/', start);
        node = &(*node)[key.substr(start, slash - start)];
        if (slash == std::string::npos) break;
        start = slash + 1;
      }
      *node = marker + *catalogue_text(*protocol, key);
    }
  }
  // Created exclusively and never through a link: a link put there since
  // the check above makes this fail instead of writing where it points.
  const UniqueFd dir(::open(paths.locales.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  try {
    if (!dir) throw_file_error("cannot open", paths.locales);
    create_file_at(dir.get(), target.filename().c_str(), out.dump(2) + "\n", target.string());
  } catch (const FileError& e) {
    diags.error({target.string()}, std::string(e.what()) + "; check the folder and try again");
    return std::nullopt;
  }
  return target.string();
}

}  // namespace versa
