// plan: the list of pages to publish and the URL of each (docs/ARCHITECTURE.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "validate/project.hpp"

namespace versa {

/// `redirect`: a comparison's address with the higher code first, which
/// sends readers to the comparison (lower code first).
enum class PageKind : std::uint8_t { home, code, compare, not_found, redirect };
/// The number of page kinds: the size of anything indexed by PageKind.
inline constexpr std::size_t kPageKindCount = 5;

/// One page to render. Small on purpose: the view model is built only when
/// the page is rendered, so the plan of a huge site stays cheap.
struct Page {
  PageKind kind = PageKind::home;
  std::uint32_t locale = 0;    ///< index into Project::localizations
  std::uint32_t protocol = 0;  ///< index into Inputs::protocols
  std::uint32_t a = 0;         ///< code index (code and compare pages)
  std::uint32_t b = 0;         ///< second code index, a < b (compare and redirect pages)
};

/// Every page of the site, in a stable order: per locale, the home page, then
/// per protocol its code pages and each unordered pair once (lower code first);
/// then, per locale, a redirect page per pair (at the address with the higher
/// code first); last, one "not found" page per locale (in locale order). Pages
/// are computed from their number, so the plan of a site of any size takes no
/// memory.
class Plan {
 public:
  explicit Plan(const Project& project);

  [[nodiscard]] std::size_t size() const { return size_; }
  /// The pages a sitemap lists: the first listed() of the plan (every page
  /// but the redirects and the "not found" pages, which come last).
  [[nodiscard]] std::size_t listed() const { return locales_ * per_locale_; }
  [[nodiscard]] Page operator[](std::size_t index) const;

 private:
  struct Block {
    std::size_t codes;  ///< the protocol's code count
    std::size_t size;   ///< its pages: codes + pairs
  };
  /// The pair number `k` of a locale's pairs (all protocols) as a page.
  [[nodiscard]] Page pair(std::size_t k) const;

  std::vector<Block> protocols_;
  std::size_t per_locale_ = 0;
  std::size_t pairs_per_locale_ = 0;
  std::size_t locales_ = 0;
  std::size_t size_ = 0;
};

/// URL paths, relative to the site root, ending in '/' (a folder with index.html).
/// Stateless past construction: safe to share between threads.
class Urls {
 public:
  explicit Urls(const Project& project) : project_(project) {}

  [[nodiscard]] std::string locale_prefix(std::size_t locale) const;
  [[nodiscard]] std::string home(std::size_t locale) const;
  [[nodiscard]] std::string code(std::size_t locale, std::size_t protocol, std::size_t code) const;
  [[nodiscard]] std::string compare(std::size_t locale, std::size_t protocol, std::size_t a,
                                    std::size_t b) const;
  /// The folder holding every comparison of `protocol` in `locale`
  /// ("vi/compare/smtp/").
  [[nodiscard]] std::string compare_root(std::size_t locale, std::size_t protocol) const;
  /// The comparison of codes a and b inside compare_root(): "211-x-vs-500-y/".
  [[nodiscard]] std::string compare_folder(std::size_t protocol, std::size_t a,
                                           std::size_t b) const;
  /// The part of a page's folder that is the same in every locale
  /// ("compare/smtp/211-x-vs-500-y/"); of() prefixes it with the locale's.
  [[nodiscard]] std::string path(const Page& page) const;
  /// The folder of `page` in locale `locale` (for alternates and switchers).
  [[nodiscard]] std::string of(const Page& page, std::size_t locale) const;
  [[nodiscard]] std::string of(const Page& page) const { return of(page, page.locale); }

  /// The file a page is written to, relative to the output folder. The
  /// default locale's "not found" page is /404.html, where static hosts look
  /// for it; another locale's is /<tag>/404.html.
  [[nodiscard]] std::string output_file(const Page& page) const;

  /// Absolute URL of a site path, from site.json's base_url.
  [[nodiscard]] std::string absolute(const std::string& path) const;

  /// A relative link from the page at folder `from` to folder `to`, so the
  /// site works from any server or sub-folder.
  [[nodiscard]] static std::string relative(const std::string& from, const std::string& to);

 private:
  const Project& project_;
};

}  // namespace versa
