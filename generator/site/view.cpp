#include "site/view.hpp"

#include <optional>
#include <string>
#include <vector>

#include "core/nearest.hpp"
#include "model/site_model.hpp"
#include "plan/pages.hpp"
#include "plan/path_limits.hpp"
#include "render/view_model.hpp"
#include "validate/project.hpp"

namespace versa {

namespace {

// A page's path as Urls::output_file writes it: "vi/" is "vi/index.html",
// "vi" too; "/" and "" are the root's index.html.
std::string output_file_of(std::string_view page_path) {
  std::string path(page_path);
  while (path.starts_with('/')) path.erase(0, 1);
  while (path.starts_with("./")) path.erase(0, 2);
  if (path.ends_with(".html")) return path;
  if (!path.empty() && !path.ends_with('/')) path += '/';
  return path + "index.html";
}

// How a page's path is shown: its folder, or the file when it is not an
// index.html ("404.html") or has no folder (the root's "index.html").
std::string shown(std::string file) {
  constexpr std::string_view index = "index.html";
  if (file.size() > index.size() && file.ends_with(index)) file.resize(file.size() - index.size());
  return file;
}

}  // namespace

std::optional<mustache::Data> view_page(const InputPaths& inputs, std::string_view page_path,
                                        Diagnostics& diags) {
  const auto project = validate(load_inputs(inputs, diags), diags, ValidateOptions{false});
  if (!project) return std::nullopt;
  const Plan pages(*project);
  const Urls urls(*project);
  if (!check_output_paths(*project, urls, diags)) return std::nullopt;

  // Compared as shown, so a suggestion is judged on the part that differs
  // ("index.html" would make any short path look near).
  const std::string wanted = shown(output_file_of(page_path));
  std::vector<std::string> paths;  // every page's, for a suggestion
  paths.reserve(pages.size());
  std::optional<Page> found;
  for (std::size_t i = 0; i < pages.size() && !found; ++i) {
    std::string path = shown(urls.output_file(pages[i]));
    if (path == wanted) found = pages[i];
    paths.push_back(std::move(path));
  }
  if (!found) {
    std::string message = "no page of the site has this path";
    if (const auto near = nearest(wanted, paths)) {
      message += "; did you mean " + *near + "?";
    } else {
      const std::size_t example = pages.listed() > 0 ? pages.listed() - 1 : 0;
      message += "; give the page's path inside the output folder, such as " +
                 shown(urls.output_file(pages[example])) + " or 404.html";
    }
    diags.error({std::string(page_path)}, message);
    return std::nullopt;
  }

  const SiteModel model(*project);
  const ViewModelBuilder views(model, urls);
  // The frames a page is rendered with, bottom first, then its own on top.
  // A key of a higher frame hides the same key beneath, as in rendering
  // (though no two frames share one).
  mustache::Data merged = mustache::Data::object();
  const SharedFrames shared = views.shared_frames(*found);
  for (std::size_t f = 0; f < shared.size; ++f) {
    const mustache::Frame& frame = shared.frames[f];
    if (!frame.name.empty()) {
      merged[std::string(frame.name)] = *frame.data;
    } else {
      for (const auto& [key, value] : frame.data->items()) merged[key] = value;
    }
  }
  mustache::Data own = views.build(*found);
  for (auto& [key, value] : own.items()) merged[key] = std::move(value);
  return merged;
}

}  // namespace versa
