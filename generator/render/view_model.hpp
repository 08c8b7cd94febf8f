// render: builds the view model (JSON) of one page. Every decision lives here
// (which variant of a sentence, which items, which links); templates only lay
// the result out.
#pragma once

#include <array>

#include "model/site_model.hpp"
#include "mustache/template.hpp"
#include "plan/pages.hpp"

namespace versa {

/// Frames many pages share, seen beneath a page's own view model.
struct SharedFrames {
  std::array<mustache::Frame, 4> frames{};
  std::size_t size = 0;
};

/// Assembles view models from the model: one file per page kind
/// (compare_view.cpp, code_view.cpp, home_view.cpp), the rule by which a
/// view model is written over the last one in view_reuse.hpp.
/// Read-only after construction: one builder serves every render thread.
class ViewModelBuilder {
 public:
  /// Prepares what every page of a locale shares (globals, labels written
  /// into the templates, breadcrumbs). `model` and `urls` must outlive it.
  ViewModelBuilder(const SiteModel& model, const Urls& urls);
  ~ViewModelBuilder();

  /// The view model of `page`: its own values, the top frame. Its names are
  /// declared in view_shapes.cpp (and listed in templates/README.md).
  [[nodiscard]] mustache::Data build(const Page& page) const;

  /// The same, written over `view`, which may hold the view model of an
  /// earlier page of the same kind: its keys and string buffers are reused
  /// (a worker renders thousands of pages of one kind), and every value is
  /// overwritten, so the result equals build(page).
  void build(const Page& page, mustache::Data& view) const;

  /// The frames beneath the page's own, bottom first: the locale's globals
  /// (`t`, `lang`, `dir`, `languages`...), then values shared by name: the
  /// `breadcrumb`, and the codes the page shows (`a` and `b` on a
  /// comparison, `code` on a code page). No two frames have a key in common.
  [[nodiscard]] SharedFrames shared_frames(const Page& page) const;

  /// The template that lays out `page`.
  [[nodiscard]] static const char* template_name(PageKind kind);

  /// The project's templates with the labels of `locale` written in (each
  /// `{{t.key}}` is its text): they render as the project's templates do
  /// with shared_frames(), since no view model has a key `t` of its own.
  [[nodiscard]] const mustache::TemplateSet& templates(std::size_t locale) const {
    return templates_[locale];
  }

 private:
  /// Writes what every page has (description, links to the root...); `v`
  /// already holds the page's `title`. On right-to-left pages, the text-only
  /// values (title, description) start right to left.
  void common(const Page& page, std::string_view description, mustache::Data& v) const;
  // Each writes a page kind's own values and returns whether it shows text
  // of another language (a missing translation).
  bool compare(const Page& page, mustache::Data& v) const;
  bool code(const Page& page, mustache::Data& v) const;
  bool home(const Page& page, mustache::Data& v) const;
  bool not_found(const Page& page, mustache::Data& v) const;
  bool redirect(const Page& page, mustache::Data& v) const;
  [[nodiscard]] mustache::Data breadcrumb(const Page& page, bool comparing) const;
  /// Each code of protocol `p` in locale `l`, its mentions of other codes
  /// linked (see linked_codes_).
  [[nodiscard]] std::vector<std::array<mustache::Data, 2>> link_codes(std::size_t l,
                                                                      std::size_t p) const;
  /// Writes `json_ld`: the page's schema.org data (structured_data.cpp),
  /// from what the page's builder wrote into `v`.
  void structured_data(const Page& page, mustache::Data& v) const;
  /// Writes into `link` the link to the comparison of codes a and b from
  /// `page`, where `root` is the relative link from `page` to its protocol's
  /// comparisons: {label_html, href}. Returns whether the label shows text
  /// of another language.
  bool compare_link(const Page& page, const std::string& root, std::size_t a, std::size_t b,
                    mustache::Data& link) const;

  const SiteModel& model_;
  const Project& project_;
  const Urls& urls_;
  std::vector<mustache::Data> globals_;           ///< [locale]
  std::vector<mustache::TemplateSet> templates_;  ///< [locale]
  /// [locale][protocol]: the breadcrumb of code pages, then of comparisons.
  std::vector<std::vector<std::array<mustache::Data, 2>>> crumbs_;
  /// [locale][protocol][code]: the code's view with its mentions of other
  /// codes linked, as seen from its code page [0] and from comparisons [1].
  std::vector<std::vector<std::vector<std::array<mustache::Data, 2>>>> linked_codes_;
};

}  // namespace versa
