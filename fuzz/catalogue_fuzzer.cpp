// Fuzz target: loading a catalogue file (JSON with locations, the catalogue
// schema), validating it with the shipped English locale and templates, and
// rendering a few of its pages. A catalogue that validation accepts must
// provide every text a locale may translate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/shipped_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  versa::Diagnostics diags;
  auto doc = versa::JsonDocument::parse(
      versa::SourceText("catalogue/fuzz.json",
                        std::string(reinterpret_cast<const char*>(bytes), size)),
      diags);
  if (!doc) return 0;
  auto protocol = versa::read_catalogue(std::move(*doc), diags);
  if (!protocol) return 0;
  versa::Inputs inputs = versa::fuzz::shipped_inputs(true, false);
  inputs.protocols.push_back(std::move(*protocol));
  const auto project = versa::validate(std::move(inputs), diags);
  if (!project) return 0;
  for (const versa::Protocol& p : project->inputs.protocols) {
    for (const std::string& key : versa::catalogue_text_keys(p)) {
      if (versa::catalogue_text(p, key) == nullptr) __builtin_trap();
    }
  }
  versa::fuzz::render_some_pages(*project);
  return 0;
}
