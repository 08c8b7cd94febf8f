// render: the length budgets of text-only values (title, meta description
// and the og:* copies of both), which no markup can wrap or shorten.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>

#include "core/diagnostics.hpp"
#include "mustache/template.hpp"
#include "plan/pages.hpp"

namespace versa {

/// The budgets, in user-perceived characters (grapheme clusters): what
/// search results and browser tabs show before they cut a text themselves.
inline constexpr std::size_t kTitleBudget = 60;
inline constexpr std::size_t kDescriptionBudget = 160;

/// The longest instance of every pattern or text that makes a page's title
/// or description, gathered page by page. versa never cuts a text: an
/// overlong one is reported, located at the pattern to shorten.
class TextBudgets {
 public:
  /// `project` and `urls` must outlive it.
  TextBudgets(const Project& project, const Urls& urls) : project_(project), urls_(urls) {}

  /// An empty one for the same project: one per render thread.
  [[nodiscard]] TextBudgets fresh() const { return {project_, urls_}; }

  /// Measures the title and description of `page`, whose view model is `view`.
  void measure(const Page& page, const mustache::Data& view);
  /// Adds what `other` measured (another thread's pages).
  void merge(const TextBudgets& other);

  /// Reports each pattern whose longest instance exceeds its budget, with
  /// that instance's page and length: a warning, or an error when `strict`.
  /// Returns how many were reported.
  std::size_t report(bool strict, Diagnostics& diags) const;

 private:
  struct Longest {
    std::size_t length = 0;
    Page page;
  };
  /// (locale, field, the message key or catalogue text key it comes from).
  using Key = std::tuple<std::uint32_t, std::string, std::string>;
  const Project& project_;
  const Urls& urls_;
  std::map<Key, Longest> longest_;
};

}  // namespace versa
