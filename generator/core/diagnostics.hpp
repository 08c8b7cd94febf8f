// Located problems in the inputs, collected across a whole run and printed together.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace versa {

/// A position in an input file. Lines and columns start at 1; 0 means unknown.
struct Location {
  std::string path;
  int line = 0;
  int col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Location where;
  Severity severity = Severity::error;
  std::string message;  ///< what is wrong and how to fix it
};

/// Collects diagnostics. Stages add to it instead of throwing, so that every
/// problem of a run is reported at once.
class Diagnostics {
 public:
  void error(Location where, std::string message);
  void warning(Location where, std::string message);

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] int error_count() const { return errors_; }
  [[nodiscard]] int warning_count() const { return static_cast<int>(items_.size()) - errors_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }

  /// Prints each diagnostic as `path:line:col: error: message`: the errors
  /// first, then the warnings, each in file, line and column order (what
  /// must be fixed comes before what may be). With `colour`, the location
  /// is bold and the severity coloured with ANSI escapes, as compilers do.
  void print(std::ostream& out, bool colour = false) const;

  /// "2 errors, 1 warning": the count a run's last line gives.
  [[nodiscard]] std::string counts(bool colour = false) const;

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

/// `path:line:col: error: message` for one diagnostic; with `colour`, with
/// the ANSI escapes of Diagnostics::print.
std::string format_diagnostic(const Diagnostic& d, bool colour = false);

}  // namespace versa
