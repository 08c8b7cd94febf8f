// The contract between the generator and the locale files: every message the
// view models format, with the arguments they pass. en.json must define each
// with exactly these arguments; other locales must mirror en.json.
#pragma once

#include <string_view>

namespace versa {

struct MessageKey {
  std::string_view key;
  std::string_view args;  ///< argument names separated by spaces
};

inline constexpr MessageKey kMessageKeys[] = {
    {"site_name", ""},
    {"page_title", "page site"},
    {"home_meta", "protocol"},
    {"home_summary", "protocol code_count pair_count"},
    {"compare_title", "protocol a_code a_name b_code b_name"},
    {"compare_page_title", "protocol a_code b_code"},
    {"compare_crumb", "a_code b_code"},
    {"compare_meta", "protocol a_code a_name b_code b_name"},
    {"intro_same_class", "protocol a_code a_name b_code b_name class_code class_name"},
    {"intro_cross_class",
     "protocol a_code a_name b_code b_name a_class_code a_class_name b_class_code b_class_name"},
    {"class_label", "class_code class_name"},
    {"rfc_section", "rfc section"},
    {"difference_class", "a_code a_class_code a_class_name b_code b_class_code b_class_name"},
    {"difference_same_class", "class_code class_name"},
    {"difference_rfc", "a_code a_rfc b_code b_rfc"},
    {"learn_code", "protocol code name"},
    {"compare_link", "a_code a_name b_code b_name"},
    {"code_title", "protocol code name"},
    {"code_compare_heading", "code"},
    {"not_found_title", ""},
    {"not_found_text", ""},
    {"fallback_notice", ""},
};

}  // namespace versa
