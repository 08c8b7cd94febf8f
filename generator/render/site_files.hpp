// render: the files every site needs beside its pages: sitemap.xml (with
// hreflang alternates for every locale) and robots.txt.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/pages.hpp"

namespace versa {

/// Most URLs one sitemap file holds; more pages make a sitemap index.
inline constexpr std::size_t kUrlsPerSitemap = 5000;

/// The names of the files emit_site_files() produces for `listed` pages, in
/// the order it produces them.
std::vector<std::string> site_file_names(std::size_t listed);

/// Produces sitemap.xml (an index of sitemap-N.xml files when the site is
/// large) and robots.txt, handing each file to `emit(path, bytes)`. Lists
/// every HTML page except the "not found" page, once per locale.
void emit_site_files(const Project& project, const Urls& urls, const Plan& pages,
                     const std::function<void(std::string_view, std::string_view)>& emit);

}  // namespace versa
