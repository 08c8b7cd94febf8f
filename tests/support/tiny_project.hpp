// Test support: a tiny project whose catalogue the test writes (with the
// shipped templates, site.json and en.json), loaded and validated in process.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "load/inputs.hpp"
#include "support/temp_dir.hpp"
#include "validate/project.hpp"

namespace versa::test {

/// One catalogue entry with every required field, on one line.
inline std::string catalogue_code(const std::string& code, const std::string& slug,
                                  const std::string& name = "N") {
  return R"({"code": ")" + code + R"(", "slug": ")" + slug + R"(", "rfc": "RFC 5321", "name": ")" +
         name +
         R"(", "summary": "S.", "description": "D.", "when": "W.", "fix": "F.", "use": "U."})";
}

/// An SMTP catalogue with classes 2 and 5 whose codes (entries joined by
/// ",\n") start on line 4.
inline std::string smtp_catalogue(const std::string& codes) {
  return R"({"protocol": "smtp", "name": "SMTP", "title": "T", "spec": "RFC 5321",
  "classes": {"2": {"name": "A", "summary": "S."}, "5": {"name": "B", "summary": "S."}},
  "codes": [
)" + codes +
         "\n]}\n";
}

/// The shipped templates, site.json and en.json (no other locale), and
/// `catalogue` as catalogue/smtp.json.
inline void make_tiny_project(const TempDir& dir, const std::string& catalogue) {
  copy_shipped_inputs(dir.path());
  for (const auto& e : std::filesystem::directory_iterator(dir / "locales")) {
    if (e.path().filename() != "en.json") std::filesystem::remove(e.path());
  }
  for (const auto& e : std::filesystem::directory_iterator(dir / "catalogue")) {
    std::filesystem::remove(e.path());
  }
  write_file(dir / "catalogue/smtp.json", catalogue);
}

/// The diagnostics of loading and validating a project, and the project
/// when it is valid.
struct Checked {
  Diagnostics diags;
  std::unique_ptr<Project> project;

  [[nodiscard]] std::string all() const {
    std::string out;
    for (const auto& d : diags.all()) out += format_diagnostic(d) + "\n";
    return out;
  }
};

inline std::unique_ptr<Checked> check_project(const TempDir& dir) {
  auto c = std::make_unique<Checked>();
  const InputPaths paths{(dir / "catalogue").string(), (dir / "locales").string(),
                         (dir / "templates").string(), (dir / "site.json").string()};
  c->project = validate(load_inputs(paths, c->diags), c->diags);
  return c;
}

}  // namespace versa::test
