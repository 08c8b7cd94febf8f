#include "core/text_links.hpp"

#include <cctype>

#include "core/html.hpp"

namespace versa {

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// Walks the text of `html`, handing each run of text outside tags, entities
// and links to `text`, which appends it (changed or not) to `out`.
std::string map_text(std::string_view html,
                     const std::function<void(std::string_view, std::string&)>& text) {
  std::string out;
  out.reserve(html.size() + html.size() / 4);
  int in_link = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      const std::string_view tag =
          html.substr(i, end == std::string_view::npos ? html.npos : end + 1 - i);
      if (tag.starts_with("<a ") || tag == "<a>") ++in_link;
      if (tag.starts_with("</a") && in_link > 0) --in_link;
      out.append(tag);
      i += tag.size();
      continue;
    }
    std::size_t end = i;
    while (end < html.size() && html[end] != '<') ++end;
    const std::string_view run = html.substr(i, end - i);
    if (in_link > 0) {
      out.append(run);
    } else {
      text(run, out);
    }
    i = end;
  }
  return out;
}

// Appends `run`, entities kept whole, with `at(run, k, out)` asked at every
// other position whether something starts there: it returns the length it
// consumed (and appended), or 0.
void scan(std::string_view run, std::string& out,
          const std::function<std::size_t(std::string_view, std::size_t, std::string&)>& at) {
  for (std::size_t k = 0; k < run.size();) {
    if (run[k] == '&') {
      const std::size_t semi = run.find(';', k);
      const std::size_t len = semi == std::string_view::npos ? 1 : semi + 1 - k;
      out.append(run.substr(k, len));
      k += len;
      continue;
    }
    if (const std::size_t used = at(run, k, out)) {
      k += used;
      continue;
    }
    out += run[k++];
  }
}

}  // namespace

std::optional<std::string> rfc_url(std::string_view rfc, std::string_view section) {
  std::size_t k = 0;
  while (k < rfc.size() && !digit(rfc[k])) ++k;
  std::size_t end = k;
  while (end < rfc.size() && digit(rfc[end])) ++end;
  if (end == k) return std::nullopt;
  std::string url = "https://www.rfc-editor.org/rfc/rfc";
  url.append(rfc.substr(k, end - k));
  if (!section.empty()) url.append("#section-").append(section);
  return url;
}

std::string link_rfc_citations(std::string_view html) {
  return map_text(html, [](std::string_view run, std::string& out) {
    scan(run, out, [](std::string_view r, std::size_t k, std::string& o) -> std::size_t {
      if (r.substr(k, 3) != "RFC" || (k > 0 && std::isalnum(static_cast<unsigned char>(r[k - 1]))))
        return 0;
      std::size_t n = k + 3;
      if (r.substr(n, 1) == " ") {
        n += 1;
      } else if (r.substr(n, 2) == "\xC2\xA0") {
        n += 2;
      } else {
        return 0;
      }
      const std::size_t first = n;
      while (n < r.size() && digit(r[n])) ++n;
      if (n == first) return 0;
      const auto url = rfc_url(r.substr(first, n - first));
      o.append("<a href=\"").append(html_escape(*url)).append("\">");
      o.append(r.substr(k, n - k)).append("</a>");
      return n - k;
    });
  });
}

std::string link_code_mentions(
    std::string_view html,
    const std::function<std::optional<std::string>(std::string_view code)>& href) {
  return map_text(html, [&](std::string_view run, std::string& out) {
    scan(run, out, [&](std::string_view r, std::size_t k, std::string& o) -> std::size_t {
      if (!digit(r[k]) || (k > 0 && (digit(r[k - 1]) || r[k - 1] == '.' || r[k - 1] == ',')))
        return 0;
      std::size_t n = k;
      while (n < r.size() && digit(r[n])) ++n;
      // 5.7.1 and 1,000 are no mentions; a full stop that ends a sentence is.
      const bool joined =
          n < r.size() && (r[n] == '.' || r[n] == ',') && n + 1 < r.size() && digit(r[n + 1]);
      if (n - k != 3 || joined) {  // not a code: the whole number as it is
        o.append(r.substr(k, n - k));
        return n - k;
      }
      const auto link = href(r.substr(k, 3));
      if (!link) return 0;
      o.append("<a href=\"").append(html_escape(*link)).append("\">");
      o.append(r.substr(k, 3)).append("</a>");
      return 3;
    });
  });
}

}  // namespace versa
