#include "plan/pages.hpp"

#include <algorithm>

namespace versa {

Plan::Plan(const Project& project) : locales_(project.localizations.size()) {
  per_locale_ = 1;  // the home page
  for (const Protocol& p : project.inputs.protocols) {
    const std::size_t n = p.codes.size();
    protocols_.push_back({n, n + n * (n - 1) / 2});
    per_locale_ += protocols_.back().size;
    pairs_per_locale_ += n * (n - 1) / 2;
  }
  // + a redirect per pair and a "not found" page, per locale
  size_ = locales_ * (per_locale_ + pairs_per_locale_ + 1);
}

Page Plan::pair(std::size_t k) const {
  Page page;
  page.kind = PageKind::compare;
  for (std::size_t p = 0; p < protocols_.size(); ++p) {
    const std::size_t n = protocols_[p].codes;
    const std::size_t pairs = protocols_[p].size - n;
    if (k >= pairs) {
      k -= pairs;
      continue;
    }
    page.protocol = static_cast<std::uint32_t>(p);
    for (std::size_t a = 0; a + 1 < n; ++a) {
      const std::size_t row = n - 1 - a;  // pairs (a, a+1..n-1)
      if (k < row) {
        page.a = static_cast<std::uint32_t>(a);
        page.b = static_cast<std::uint32_t>(a + 1 + k);
        return page;
      }
      k -= row;
    }
  }
  return page;
}

Page Plan::operator[](std::size_t index) const {
  using u32 = std::uint32_t;
  if (index >= listed()) {
    index -= listed();
    if (index < locales_ * pairs_per_locale_) {
      Page page = pair(index % pairs_per_locale_);
      page.kind = PageKind::redirect;
      page.locale = static_cast<u32>(index / pairs_per_locale_);
      return page;
    }
    return {PageKind::not_found, static_cast<u32>(index - locales_ * pairs_per_locale_), 0, 0, 0};
  }
  Page page;
  page.locale = static_cast<u32>(index / per_locale_);
  std::size_t k = index % per_locale_;
  if (k == 0) return page;  // home
  --k;
  std::size_t pairs_before = 0;
  for (std::size_t p = 0; p < protocols_.size(); ++p) {
    const std::size_t n = protocols_[p].codes;
    if (k >= protocols_[p].size) {
      k -= protocols_[p].size;
      pairs_before += protocols_[p].size - n;
      continue;
    }
    if (k < n) {
      page.kind = PageKind::code;
      page.protocol = static_cast<u32>(p);
      page.a = static_cast<u32>(k);
      return page;
    }
    Page compare = pair(pairs_before + k - n);
    compare.locale = page.locale;
    return compare;
  }
  return page;
}

std::string Urls::locale_prefix(std::size_t locale) const {
  if (locale == project_.default_locale && !project_.inputs.site.default_locale_prefix) return "";
  return project_.localizations[locale].tag() + "/";
}

std::string Urls::home(std::size_t locale) const {
  return locale_prefix(locale);
}

std::string Urls::code(std::size_t locale, std::size_t protocol, std::size_t code) const {
  return of({PageKind::code, 0, static_cast<std::uint32_t>(protocol),
             static_cast<std::uint32_t>(code), 0},
            locale);
}

std::string Urls::compare(std::size_t locale, std::size_t protocol, std::size_t a,
                          std::size_t b) const {
  return of({PageKind::compare, 0, static_cast<std::uint32_t>(protocol),
             static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)},
            locale);
}

std::string Urls::compare_root(std::size_t locale, std::size_t protocol) const {
  return locale_prefix(locale) + "compare/" + project_.inputs.protocols[protocol].id + "/";
}

namespace {

// Built by appending: this runs several times for every page.
void append_code(std::string& out, const ReplyCode& c) {
  out.append(c.code).append("-").append(c.slug);
}

}  // namespace

std::string Urls::compare_folder(std::size_t protocol, std::size_t a, std::size_t b) const {
  const Protocol& p = project_.inputs.protocols[protocol];
  std::string out;
  out.reserve(80);
  append_code(out, p.codes[std::min(a, b)]);
  out.append("-vs-");
  append_code(out, p.codes[std::max(a, b)]);
  out += '/';
  return out;
}

std::string Urls::path(const Page& page) const {
  if (page.kind == PageKind::home || page.kind == PageKind::not_found) return {};
  const Protocol& p = project_.inputs.protocols[page.protocol];
  std::string out;
  out.reserve(96);
  if (page.kind == PageKind::code) {
    out.append(p.id).append("/");
    append_code(out, p.codes[page.a]);
    out += '/';
  } else if (page.kind == PageKind::redirect) {  // the higher code first
    out.append("compare/").append(p.id).append("/");
    append_code(out, p.codes[page.b]);
    out.append("-vs-");
    append_code(out, p.codes[page.a]);
    out += '/';
  } else {
    out.append("compare/").append(p.id).append("/");
    out += compare_folder(page.protocol, page.a, page.b);
  }
  return out;
}

std::string Urls::of(const Page& page, std::size_t locale) const {
  if (page.kind == PageKind::not_found) {
    return locale == project_.default_locale ? std::string() : locale_prefix(locale);
  }
  return path(page).insert(0, locale_prefix(locale));
}

std::string Urls::output_file(const Page& page) const {
  return of(page) + (page.kind == PageKind::not_found ? "404.html" : "index.html");
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
