// `versa view`: the data one published page is rendered with, as JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "load/inputs.hpp"
#include "mustache/template.hpp"

namespace versa {

/// The view model of the page at `page_path` (its path in the site:
/// "vi/compare/smtp/211-x-vs-500-y/", with or without "index.html"; "404.html"
/// or "vi/404.html"; "/" or "index.html" for the root), merged with the frames
/// it shares with other pages (the locale's globals with `t`, `breadcrumb`,
/// the codes `a`/`b` or `code`) into one object. Rendering the page's
/// template with this object and the project's templates as partials prints
/// the published page byte for byte. Returns nothing when an input is invalid
/// or no page has that path (the nearest page's path is suggested), with
/// every problem in `diags`.
std::optional<mustache::Data> view_page(const InputPaths& inputs, std::string_view page_path,
                                        Diagnostics& diags);

}  // namespace versa
