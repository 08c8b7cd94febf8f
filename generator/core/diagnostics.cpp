#include "core/diagnostics.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace versa {

void Diagnostics::error(Location where, std::string message) {
  items_.push_back({std::move(where), Severity::error, std::move(message)});
  ++errors_;
}

void Diagnostics::warning(Location where, std::string message) {
  items_.push_back({std::move(where), Severity::warning, std::move(message)});
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.path;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line) + ':' + std::to_string(std::max(d.where.col, 1));
  }
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

void Diagnostics::print(std::ostream& out) const {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : items_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::tie(a->where.path, a->where.line, a->where.col) <
           std::tie(b->where.path, b->where.line, b->where.col);
  });
  for (const auto* d : sorted) out << format_diagnostic(*d) << '\n';
}

}  // namespace versa
