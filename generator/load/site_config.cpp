#include "load/site_config.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "core/json_document.hpp"
#include "core/text_check.hpp"
#include "load/json_fields.hpp"

namespace versa {

namespace {

// RFC 3986 characters, '%' aside: what may stand in a URL as written.
bool url_char(char32_t c) {
  static constexpr std::string_view kMarks = "-._~:/?#[]@!$&'()*+,;=";
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         kMarks.find(static_cast<char>(c)) != std::string_view::npos;
}

std::string percent_encoded(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char b : bytes) {
    const auto u = static_cast<unsigned char>(b);
    out += {'%', kHex[u >> 4], kHex[u & 15]};
  }
  return out;
}

// base_url starts every absolute URL versa writes (sitemaps, robots.txt,
// canonical links): a line break there would add lines to robots.txt.
void check_base_url(const JsonDocument& doc, std::string_view url, Diagnostics& diags) {
  const std::size_t authority = url.starts_with("https://")  ? 8
                                : url.starts_with("http://") ? 7
                                                             : 0;
  if (authority == 0) {
    diags.error(doc.locate("/base_url"),
                "base_url must be an absolute http(s) URL such as https://example.org");
    return;
  }
  const auto at = [&](std::size_t offset) { return doc.locate_in_string("/base_url", offset); };
  for (std::size_t i = 0; i < url.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(url, i);
    if (c <= 0x20 || (c >= 0x7F && c <= 0x9F)) {
      diags.error(at(start), "base_url contains " + describe_code_point(c) +
                                 "; a URL cannot contain spaces or control characters, remove it");
    } else if (c >= 0x80) {
      diags.error(at(start), "base_url contains " + describe_code_point(c) +
                                 ", which a URL cannot hold as written; write the host in its "
                                 "xn-- (punycode) form and the path percent-encoded (" +
                                 percent_encoded(url.substr(start, i - start)) + ")");
    } else if (c == '%') {
      if (start + 2 >= url.size() || !ascii::is_hex_digit(url[start + 1]) ||
          !ascii::is_hex_digit(url[start + 2])) {
        diags.error(at(start),
                    "base_url has a '%' without two hex digits after it; write a "
                    "percent sign as %25");
      }
    } else if (c == '?' || c == '#') {
      diags.error(at(start), std::string("base_url has a ") + (c == '?' ? "query" : "fragment") +
                                 " ('" + static_cast<char>(c) +
                                 "'); page paths are appended to base_url, so end it at the path");
    } else if (!url_char(c)) {
      diags.error(at(start), std::string("base_url contains '") + static_cast<char>(c) +
                                 "', which a URL cannot contain; percent-encode it as " +
                                 percent_encoded(url.substr(start, 1)) + " or remove it");
    }
  }
  // The host: after any user@ and before any :port.
  std::string_view rest = url.substr(authority);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  std::size_t host = authority;
  if (const auto user = rest.rfind('@'); user != std::string_view::npos) {
    host += user + 1;
    rest.remove_prefix(user + 1);
  }
  const std::size_t port = rest.starts_with('[') ? rest.find(':', rest.find(']')) : rest.find(':');
  if (rest.substr(0, port).empty()) {
    diags.error(at(host), "base_url has no host; write it like https://example.org");
  } else if (port != std::string_view::npos &&
             !std::all_of(rest.begin() + static_cast<std::ptrdiff_t>(port) + 1, rest.end(),
                          [](char ch) { return ch >= '0' && ch <= '9'; })) {
    diags.error(at(host + port),
                "base_url has a port that is not a number; write it like "
                "https://example.org:8080 or leave it out");
  }
}

}  // namespace

std::optional<SiteConfig> load_site_config(const std::string& path, Diagnostics& diags) {
  auto doc = JsonDocument::load(path, diags);
  if (!doc) return std::nullopt;
  SiteConfig config;
  const int errors_before = diags.error_count();
  for (const auto& [key, value] : doc->value().items()) {
    if (key != "base_url" && key != "default_locale" && key != "default_locale_prefix" &&
        key != "max_page_bytes" && key != "max_site_bytes" && key != "redirect_rules") {
      diags.error(doc->locate(pointer_join("", key)),
                  "unknown setting \"" + key +
                      "\"; site.json knows base_url, default_locale, default_locale_prefix, "
                      "max_page_bytes, max_site_bytes and redirect_rules");
    }
  }
  if (auto rules = doc->value().find("redirect_rules"); rules != doc->value().end()) {
    const auto wrong = [&](const std::string& at) {
      diags.error(doc->locate(at),
                  "redirect_rules lists the files of redirect rules to write beside the pages: "
                  "[\"netlify\"] (_redirects, also read by Cloudflare Pages), [\"nginx\"] "
                  "(redirects.nginx.map), or both");
    };
    if (!rules->is_array()) wrong("/redirect_rules");
    for (std::size_t i = 0; rules->is_array() && i < rules->size(); ++i) {
      const auto& r = (*rules)[i];
      if (r == "netlify") {
        config.netlify_redirects = true;
      } else if (r == "nginx") {
        config.nginx_redirects = true;
      } else {
        wrong("/redirect_rules/" + std::to_string(i));
      }
    }
  }
  if (auto url = required_string(*doc, "", "base_url", diags)) {
    check_base_url(*doc, *url, diags);
    while (!url->empty() && url->back() == '/') url->pop_back();
    config.base_url = *url;
  }
  config.default_locale_at = {path};
  if (doc->value().contains("default_locale")) {
    config.default_locale_at = doc->locate("/default_locale");
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
  for (auto [key, limit] : {std::pair{"max_page_bytes", &config.max_page_bytes},
                            std::pair{"max_site_bytes", &config.max_site_bytes}}) {
    const auto v = doc->value().find(key);
    if (v == doc->value().end()) continue;
    if (!v->is_number_unsigned() || v->get<std::uint64_t>() == 0) {
      diags.error(doc->locate(pointer_join("", key)),
                  std::string(key) + " must be a whole number of bytes above 0, such as 8388608");
    } else {
      *limit = v->get<std::uint64_t>();
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return config;
}

}  // namespace versa
