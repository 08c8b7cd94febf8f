#include "plan/pages.hpp"

#include <algorithm>

namespace versa {

std::vector<Page> plan_pages(const Project& project) {
  std::vector<Page> pages;
  const auto& protocols = project.inputs.protocols;
  using u32 = std::uint32_t;
  for (u32 l = 0; l < project.localizations.size(); ++l) {
    pages.push_back({PageKind::home, l, 0, 0, 0});
    for (u32 p = 0; p < protocols.size(); ++p) {
      const auto n = static_cast<u32>(protocols[p].codes.size());
      for (u32 a = 0; a < n; ++a) pages.push_back({PageKind::code, l, p, a, 0});
      for (u32 a = 0; a < n; ++a) {
        for (u32 b = a + 1; b < n; ++b) pages.push_back({PageKind::compare, l, p, a, b});
      }
    }
  }
  pages.push_back({PageKind::not_found, static_cast<u32>(project.default_locale), 0, 0, 0});
  return pages;
}

std::string Urls::locale_prefix(std::size_t locale) const {
  if (locale == project_.default_locale && !project_.inputs.site.default_locale_prefix) return "";
  return project_.localizations[locale].tag() + "/";
}

std::string Urls::home(std::size_t locale) const {
  return locale_prefix(locale);
}

std::string Urls::code(std::size_t locale, std::size_t protocol, std::size_t code) const {
  return locale_prefix(locale) + path({PageKind::code, 0, static_cast<std::uint32_t>(protocol),
                                       static_cast<std::uint32_t>(code), 0});
}

std::string Urls::compare(std::size_t locale, std::size_t protocol, std::size_t a,
                          std::size_t b) const {
  return locale_prefix(locale) +
         path({PageKind::compare, 0, static_cast<std::uint32_t>(protocol),
               static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
}

std::string Urls::path(const Page& page) const {
  if (page.kind == PageKind::home || page.kind == PageKind::not_found) return {};
  const Protocol& p = project_.inputs.protocols[page.protocol];
  if (page.kind == PageKind::code) {
    const ReplyCode& c = p.codes[page.a];
    return p.id + "/" + c.code + "-" + c.slug + "/";
  }
  const ReplyCode& x = p.codes[std::min(page.a, page.b)];
  const ReplyCode& y = p.codes[std::max(page.a, page.b)];
  return "compare/" + p.id + "/" + x.code + "-" + x.slug + "-vs-" + y.code + "-" + y.slug + "/";
}

std::string Urls::of(const Page& page, std::size_t locale) const {
  if (page.kind == PageKind::not_found) return {};
  return locale_prefix(locale) + path(page);
}

std::string Urls::output_file(const Page& page) const {
  return page.kind == PageKind::not_found ? "404.html" : of(page) + "index.html";
}

std::string Urls::absolute(const std::string& path) const {
  return project_.inputs.site.base_url + "/" + path;
}

std::string Urls::relative(const std::string& from, const std::string& to) {
  // Share the longest common run of whole folders, climb the rest of `from`.
  std::size_t common = 0;
  for (std::size_t i = 0; i < from.size() && i < to.size() && from[i] == to[i]; ++i) {
    if (from[i] == '/') common = i + 1;
  }
  std::string out;
  for (std::size_t i = common; i < from.size(); ++i) {
    if (from[i] == '/') out += "../";
  }
  out += to.substr(common);
  return out.empty() ? "./" : out;
}

}  // namespace versa
