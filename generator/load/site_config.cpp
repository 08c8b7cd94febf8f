#include "load/site_config.hpp"

#include "core/json_document.hpp"
#include "load/json_fields.hpp"

namespace versa {

std::optional<SiteConfig> load_site_config(const std::string& path, Diagnostics& diags) {
  auto doc = JsonDocument::load(path, diags);
  if (!doc) return std::nullopt;
  SiteConfig config;
  const int errors_before = diags.error_count();
  for (const auto& [key, value] : doc->value().items()) {
    if (key != "base_url" && key != "default_locale" && key != "default_locale_prefix") {
      diags.error(doc->locate(pointer_join("", key)),
                  "unknown setting \"" + key +
                      "\"; site.json knows base_url, default_locale and default_locale_prefix");
    }
  }
  if (auto url = required_string(*doc, "", "base_url", diags)) {
    if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) {
      diags.error(doc->locate("/base_url"),
                  "base_url must be an absolute http(s) URL such as https://example.org");
    }
    while (!url->empty() && url->back() == '/') url->pop_back();
    config.base_url = *url;
  }
  if (doc->value().contains("default_locale")) {
    if (auto tag = required_string(*doc, "", "default_locale", diags)) config.default_locale = *tag;
  }
  if (auto p = doc->value().find("default_locale_prefix"); p != doc->value().end()) {
    if (!p->is_boolean()) {
      diags.error(doc->locate("/default_locale_prefix"),
                  "default_locale_prefix must be true or false");
    } else {
      config.default_locale_prefix = p->get<bool>();
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return config;
}

}  // namespace versa
