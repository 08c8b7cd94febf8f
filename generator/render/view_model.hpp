// render: builds the view model (JSON) of one page. Every decision lives here
// (which variant of a sentence, which items, which links); templates only lay
// the result out.
#pragma once

#include <array>

#include <nlohmann/json.hpp>

#include "plan/pages.hpp"

namespace versa {

class ViewModelBuilder {
 public:
  /// Prepares what every page of a locale shares (code texts as HTML, labels),
  /// so building one page's view model does little work.
  ViewModelBuilder(const Project& project, const Urls& urls);
  ~ViewModelBuilder();

  /// The view model of `page`. Keys are documented in templates/README.md.
  [[nodiscard]] nlohmann::json build(const Page& page) const;

  /// The values every page of `locale` sees beneath its own view model:
  /// `t` (labels), `lang`, `dir`, `og_locale`, `og_alternates`.
  [[nodiscard]] const nlohmann::json& globals(std::size_t locale) const { return globals_[locale]; }

  /// The template that lays out `page`.
  [[nodiscard]] static const char* template_name(PageKind kind);

 private:
  struct CodeFacts;
  [[nodiscard]] const CodeFacts& facts(const Page& page, std::size_t code) const;
  [[nodiscard]] CodeFacts make_facts(std::size_t locale, std::size_t protocol,
                                     std::size_t code) const;
  [[nodiscard]] nlohmann::json common(const Page& page, const std::string& heading,
                                      const std::string& description) const;
  [[nodiscard]] nlohmann::json compare(const Page& page) const;
  [[nodiscard]] nlohmann::json code(const Page& page) const;
  [[nodiscard]] nlohmann::json home(const Page& page) const;
  [[nodiscard]] nlohmann::json not_found(const Page& page) const;
  [[nodiscard]] nlohmann::json breadcrumb(const Page& page, bool comparing) const;
  /// A link to the comparison of codes a and b, from the page at folder `here`.
  [[nodiscard]] nlohmann::json compare_link(const Page& page, const std::string& here,
                                            std::size_t a, std::size_t b) const;

  const Project& project_;
  const Urls& urls_;
  std::vector<std::vector<std::vector<CodeFacts>>> facts_;        ///< [locale][protocol][code]
  std::vector<nlohmann::json> globals_;                           ///< [locale]
  std::vector<std::vector<std::vector<std::uint32_t>>> nearest_;  ///< [protocol][code]
  /// [locale][protocol]: the breadcrumb of code pages, then of comparisons.
  std::vector<std::vector<std::array<nlohmann::json, 2>>> crumbs_;
};

}  // namespace versa
