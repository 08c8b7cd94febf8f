// Fuzz target: loading a catalogue file (JSON with locations, the catalogue
// schema) and looking up every text a locale may translate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "i18n/localization.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  versa::Diagnostics diags;
  versa::SourceText source("catalogue/x.json",
                           std::string(reinterpret_cast<const char*>(bytes), size));
  auto doc = versa::JsonDocument::parse(std::move(source), diags);
  if (!doc) return 0;
  auto protocol = versa::read_catalogue(std::move(*doc), diags);
  if (!protocol) return 0;
  for (const std::string& key : versa::catalogue_text_keys(*protocol)) {
    if (versa::catalogue_text(*protocol, key) == nullptr) __builtin_trap();
  }
  return 0;
}
