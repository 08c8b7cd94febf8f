// load: site.json -> the site-wide settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace versa {

struct SiteConfig {
  std::string base_url;               ///< absolute, without a trailing slash
  std::string default_locale = "en";  ///< its pages are unprefixed unless default_locale_prefix
  Location default_locale_at;         ///< where site.json sets it (the file alone if it does not)
  bool default_locale_prefix = false;
  /// Bounds that stop a runaway template before it fills the disk.
  std::uint64_t max_page_bytes = std::uint64_t{8} << 20;   ///< one page
  std::uint64_t max_site_bytes = std::uint64_t{16} << 30;  ///< all pages together
  /// "redirect_rules": the hosts' own files of real (301) redirects for the
  /// other order of every pair, beside the redirect pages.
  bool netlify_redirects = false;  ///< _redirects (Netlify, Cloudflare Pages)
  bool nginx_redirects = false;    ///< redirects.nginx.map (nginx's map)
};

/// Loads site.json; a missing file is an error, as absolute URLs need base_url.
std::optional<SiteConfig> load_site_config(const std::string& path, Diagnostics& diags);

}  // namespace versa
