// load: catalogue/<protocol>.json -> a protocol with its reply classes and codes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json_document.hpp"

namespace versa {

/// The texts every code carries; every locale translates the same fields.
/// A catalogue may declare more in "code_fields" (Protocol::code_fields).
inline constexpr const char* kCodeTextFields[] = {"name", "summary", "description",
                                                  "when", "fix",     "use"};
/// The other fields of a code: not texts to translate.
inline constexpr const char* kCodeDataFields[] = {"code",    "slug",          "rfc",   "section",
                                                  "also_in", "confused_with", "phases"};
/// The texts of a reply class ("2" -> Positive Completion).
inline constexpr const char* kClassTextFields[] = {"name", "summary"};

/// Where a code is defined: a document and, optionally, its section.
struct Reference {
  std::string rfc;      ///< "RFC 5321"
  std::string section;  ///< "4.2.3", may be empty
};

struct ReplyCode {
  std::string code;                ///< three digits, "211"
  std::string slug;                ///< URL slug, [a-z0-9-]+
  std::string rfc;                 ///< defining document, "RFC 5321"
  std::string section;             ///< section in that document, may be empty
  std::vector<Reference> also_in;  ///< other documents that define it ("also_in")
  /// Codes readers commonly take it for ("confused_with"; the relation is
  /// made mutual by the model), and the steps of a session where it comes
  /// ("phases": "rcpt", "data"...): what "related" means.
  std::vector<std::string> confused_with;
  std::vector<std::string> phases;
  std::map<std::string, std::string> texts;  ///< English text per field of code_fields
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
  /// The text fields of every code: kCodeTextFields, then the ones the
  /// catalogue declares in "code_fields" (extra_code_fields).
  std::vector<std::string> code_fields;
  std::vector<std::string> extra_code_fields;
  JsonDocument document;
};

/// Loads one catalogue file. Structural problems (missing or mistyped fields)
/// are reported with their locations; semantic checks are validate's job.
std::optional<Protocol> load_catalogue(const std::string& path, Diagnostics& diags);

/// The same from a parsed document (what load_catalogue does after reading).
std::optional<Protocol> read_catalogue(JsonDocument document, Diagnostics& diags);

}  // namespace versa
