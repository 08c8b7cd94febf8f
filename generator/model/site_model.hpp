// model: what the pages of a validated project say about its codes,
// computed once for the whole build: each code's texts in each language,
// the groups (classes) of each protocol, the related codes of each code and
// the order of codes by name in each language's collation.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mustache/template.hpp"
#include "validate/project.hpp"

namespace versa {

/// A code as the pages of one language speak of it.
struct CodeInLocale {
  const ReplyCode* code = nullptr;
  std::string name;
  std::string class_code;  ///< "2xx"
  std::string class_name;
  /// The code's texts as HTML (Latin runs isolated on right-to-left pages; a
  /// text shown in another language wrapped with its lang and dir), keyed as
  /// templates see them in the frames `a`, `b` and `code`. The code's long
  /// texts are kept here and nowhere else.
  mustache::Data view;
  /// The documents that define it, as a list in the language ("RFC 4954
  /// and RFC 3207").
  std::string rfcs;
  /// Some of its texts are shown in another language (not translated yet).
  bool foreign = false;
  bool name_foreign = false;
};

/// The codes of one class of a protocol, in catalogue order.
struct CodeGroup {
  std::string digit;  ///< "2"
  std::vector<std::uint32_t> codes;
};

/// Read-only after construction: safe to share between render threads.
class SiteModel {
 public:
  /// How many related codes a code offers ("Related comparisons").
  static constexpr std::size_t kRelatedPerCode = 3;

  /// Computes everything from `project`, which must outlive the model.
  explicit SiteModel(const Project& project);

  [[nodiscard]] const Project& project() const { return project_; }
  /// Code `code` of protocol `protocol` in locale `locale`.
  [[nodiscard]] const CodeInLocale& code(std::size_t locale, std::size_t protocol,
                                         std::size_t code) const {
    return codes_[locale][protocol][code];
  }
  /// Every other code of the protocol, most related to `code` first: the
  /// codes readers confuse it with (its "confused_with" and theirs), then
  /// those of a phase it shares, then those of its class, then the rest;
  /// within each, nearest in catalogue order first (ties: lower first).
  [[nodiscard]] std::span<const std::uint32_t> related(std::size_t protocol,
                                                       std::size_t code) const {
    return related_[protocol][code];
  }
  /// How many of related() are close: confused with `code` or of a phase
  /// it shares.
  [[nodiscard]] std::size_t close_count(std::size_t protocol, std::size_t code) const {
    return close_[protocol][code];
  }
  /// The classes of `protocol` that have codes, in order.
  [[nodiscard]] std::span<const CodeGroup> groups(std::size_t protocol) const {
    return groups_[protocol];
  }
  /// The codes of `protocol` sorted by their name in `locale`, with that
  /// language's collation (ICU): "Ç" and "İ" sort where Turkish expects.
  [[nodiscard]] std::span<const std::uint32_t> by_name(std::size_t locale,
                                                       std::size_t protocol) const {
    return by_name_[locale][protocol];
  }

 private:
  const Project& project_;
  std::vector<std::vector<std::vector<CodeInLocale>>> codes_;     ///< [locale][protocol][code]
  std::vector<std::vector<std::vector<std::uint32_t>>> related_;  ///< [protocol][code]
  std::vector<std::vector<std::size_t>> close_;                   ///< [protocol][code]
  std::vector<std::vector<CodeGroup>> groups_;                    ///< [protocol]
  std::vector<std::vector<std::vector<std::uint32_t>>> by_name_;  ///< [locale][protocol]
};

}  // namespace versa
