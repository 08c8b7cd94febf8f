// validate: checks every input against every other and, when all is well,
// yields the Project that plan and render work from.
#pragma once

#include <memory>
#include <vector>

#include "i18n/localization.hpp"
#include "load/inputs.hpp"

namespace versa {

/// Validated inputs with compiled messages; built only when nothing is wrong.
/// Read-only once built: every later stage and every render thread shares it.
struct Project {
  Inputs inputs;
  std::vector<CompiledMessages> compiled;   ///< parallel to inputs.locales
  std::vector<Localization> localizations;  ///< parallel to inputs.locales
  std::size_t default_locale = 0;           ///< index into localizations
};

/// How complete one locale is, for `versa check`'s table.
struct LocaleCoverage {
  std::string tag;
  std::size_t messages_total = 0;
  std::size_t messages_translated = 0;
  std::size_t texts_total = 0;  ///< catalogue texts
  std::size_t texts_translated = 0;
  std::size_t extra = 0;                ///< keys en.json does not have
  std::size_t argument_mismatches = 0;  ///< patterns whose arguments differ from en.json
  std::size_t syntax_errors = 0;        ///< malformed MessageFormat patterns
};

struct ValidateOptions {
  bool strict = false;  ///< a missing translation is an error, not a warning
};

/// Reports every problem of `inputs` at once (errors and warnings). Returns
/// the project when there is no error, counting those loading reported.
/// Problems in the inputs never throw; only std::bad_alloc may.
std::unique_ptr<Project> validate(Inputs inputs, Diagnostics& diags,
                                  const ValidateOptions& options = {},
                                  std::vector<LocaleCoverage>* coverage = nullptr);

}  // namespace versa
