#include "core/diagnostics.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace versa {

namespace {

// The escapes compilers use: bold, bold red, bold magenta, reset.
constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kReset = "\033[0m";

std::string count(int n, const char* noun, const char* escape, bool colour) {
  std::string text = std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  return colour && n > 0 ? escape + text + kReset : text;
}

}  // namespace

void Diagnostics::error(Location where, std::string message) {
  items_.push_back({std::move(where), Severity::error, std::move(message)});
  ++errors_;
}

void Diagnostics::warning(Location where, std::string message) {
  items_.push_back({std::move(where), Severity::warning, std::move(message)});
}

std::string format_diagnostic(const Diagnostic& d, bool colour) {
  std::string out = colour ? kBold : "";
  out += d.where.path;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line) + ':' + std::to_string(std::max(d.where.col, 1));
  }
  out += ':';
  if (colour) out += kReset;
  out += ' ';
  const bool error = d.severity == Severity::error;
  if (colour) out += error ? kRed : kMagenta;
  out += error ? "error:" : "warning:";
  if (colour) out += kReset;
  out += ' ';
  out += d.message;
  return out;
}

void Diagnostics::print(std::ostream& out, bool colour) const {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : items_) sorted.push_back(&d);
  // Errors (0) before warnings (1); stable, so one place keeps its order.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::tie(a->severity, a->where.path, a->where.line, a->where.col) <
           std::tie(b->severity, b->where.path, b->where.line, b->where.col);
  });
  for (const auto* d : sorted) out << format_diagnostic(*d, colour) << '\n';
}

std::string Diagnostics::counts(bool colour) const {
  return count(errors_, "error", kRed, colour) + ", " +
         count(warning_count(), "warning", kMagenta, colour);
}

}  // namespace versa
