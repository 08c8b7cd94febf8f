// load: catalogue/<protocol>.json -> a protocol with its reply classes and codes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json_document.hpp"

namespace versa {

/// The texts each code carries; every locale translates the same fields.
inline constexpr const char* kCodeTextFields[] = {"name", "summary", "description",
                                                  "when", "fix",     "use"};
/// The texts of a reply class ("2" -> Positive Completion).
inline constexpr const char* kClassTextFields[] = {"name", "summary"};

/// Where a code is defined: a document and, optionally, its section.
struct Reference {
  std::string rfc;      ///< "RFC 5321"
  std::string section;  ///< "4.2.3", may be empty
};

struct ReplyCode {
  std::string code;                          ///< three digits, "211"
  std::string slug;                          ///< URL slug, [a-z0-9-]+
  std::string rfc;                           ///< defining document, "RFC 5321"
  std::string section;                       ///< section in that document, may be empty
  std::vector<Reference> also_in;            ///< other documents that define it ("also_in")
  std::map<std::string, std::string> texts;  ///< English text per kCodeTextFields
  std::string pointer;                       ///< JSON pointer, for diagnostics

  /// The class digit: the code's first digit.
  [[nodiscard]] std::string class_digit() const { return code.substr(0, 1); }
};

struct ReplyClass {
  std::string digit;
  std::map<std::string, std::string> texts;  ///< English text per kClassTextFields
};

struct Protocol {
  std::string id;     ///< URL segment, from the "protocol" field ("smtp")
  std::string name;   ///< display name, the same in every language ("SMTP")
  std::string title;  ///< English long name
  std::string spec;
  std::map<std::string, ReplyClass> classes;  ///< by digit
  std::vector<ReplyCode> codes;               ///< ascending by code
  JsonDocument document;
};

/// Loads one catalogue file. Structural problems (missing or mistyped fields)
/// are reported with their locations; semantic checks are validate's job.
std::optional<Protocol> load_catalogue(const std::string& path, Diagnostics& diags);

/// The same from a parsed document (what load_catalogue does after reading).
std::optional<Protocol> read_catalogue(JsonDocument document, Diagnostics& diags);

}  // namespace versa
