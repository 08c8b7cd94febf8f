#include "site/build.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "plan/pages.hpp"
#include "render/site_files.hpp"
#include "render/view_model.hpp"
#include "validate/project.hpp"
#include "write/output_dir.hpp"

namespace versa {

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

std::unique_ptr<Project> load_and_validate(const InputPaths& paths, bool strict, Diagnostics& diags,
                                           std::vector<LocaleCoverage>* coverage = nullptr) {
  return validate(load_inputs(paths, diags), diags, ValidateOptions{strict}, coverage);
}

}  // namespace

bool check_inputs(const InputPaths& inputs, bool strict, Diagnostics& diags,
                  std::vector<LocaleCoverage>& coverage) {
  return load_and_validate(inputs, strict, diags, &coverage) != nullptr;
}

std::optional<BuildSummary> build_site(const BuildOptions& options, Diagnostics& diags) {
  const auto start = std::chrono::steady_clock::now();
  auto project = load_and_validate(options.inputs, options.strict, diags);
  if (!project) return std::nullopt;

  const std::vector<Page> pages = plan_pages(*project);
  const Urls urls(*project);
  const ViewModelBuilder views(*project, urls);
  std::optional<OutputDir> out;
  if (!options.dry_run) out.emplace(options.out_dir);

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::string first_error;
  const auto worker = [&] {
    std::string html;
    try {
      for (std::size_t i = next++; i < pages.size() && !failed; i = next++) {
        const Page& page = pages[i];
        const auto* tmpl =
            project->inputs.templates.find(ViewModelBuilder::template_name(page.kind));
        html.clear();
        const nlohmann::json view = views.build(page);
        const nlohmann::json* frames[] = {&views.globals(page.locale), &view};
        project->inputs.templates.render(*tmpl, std::span<const nlohmann::json* const>(frames), html);
        if (out) out->write(urls.output_file(page), html);
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(error_mutex);
      if (!failed.exchange(true)) first_error = e.what();
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  {
    std::vector<std::jthread> threads;
    for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
    worker();
  }
  if (failed) {
    diags.error({options.out_dir}, "build stopped: " + first_error);
    return std::nullopt;
  }
  try {
    if (out) {
      for (const Asset& asset : project->inputs.assets)
        out->write(asset.out_path, read_all(asset.source));
      emit_site_files(*project, urls, pages, [&](std::string_view path, std::string_view bytes) {
        out->write(path, bytes);
      });
      out->finish();
    }
  } catch (const std::exception& e) {
    diags.error({options.out_dir}, std::string("build stopped: ") + e.what());
    return std::nullopt;
  }
  BuildSummary summary;
  summary.rendered = pages.size();
  if (out) {
    const WriteCounts c = out->counts();
    summary.written = c.written;
    summary.unchanged = c.unchanged;
    summary.removed = c.removed;
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace versa
