#include "site/build.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "load/input_fingerprint.hpp"
#include "plan/pages.hpp"
#include "render/page_renderer.hpp"
#include "render/site_files.hpp"
#include "render/view_model.hpp"
#include "validate/project.hpp"
#include "write/output_dir.hpp"

namespace versa {

namespace fs = std::filesystem;

namespace {

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
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::optional<OutputDir> out;
  std::string fingerprint;
  if (!options.dry_run) {
    try {
      out.emplace(options.out_dir);
    } catch (const std::exception& e) {
      diags.error({options.out_dir}, std::string("cannot use the output folder: ") + e.what());
      return std::nullopt;
    }
    // Nothing changed since the last build, and its files are as it left them.
    fingerprint = input_fingerprint(options.inputs, options.strict ? "strict" : "");
    if (out->previous_fingerprint() == fingerprint && out->intact()) {
      BuildSummary summary;
      summary.unchanged = out->previous_count();
      summary.seconds = elapsed();
      return summary;
    }
  }

  auto project = load_and_validate(options.inputs, options.strict, diags);
  if (!project) return std::nullopt;

  const Plan pages(*project);
  const Urls urls(*project);
  const ViewModelBuilder views(*project, urls);
  const std::vector<std::string> site_files = site_file_names(pages.size() - 1);
  const auto& assets = project->inputs.assets;
  // Outputs are numbered: pages, then assets, then site files.
  const auto path_of = [&](std::size_t i) -> std::string {
    if (i < pages.size()) return urls.output_file(pages[i]);
    i -= pages.size();
    if (i < assets.size()) return assets[i].out_path;
    return site_files[i - assets.size()];
  };

  // The first page of each kind is rendered before any file is written, so a
  // template that cannot render (a partial including itself) leaves the
  // output folder as it was.
  try {
    PageRenderer renderer(views);
    std::string html;
    bool tried[4] = {};
    const std::size_t first_pages =
        std::min<std::size_t>(pages.size(), 2 + project->inputs.protocols.front().codes.size());
    for (std::size_t i = 0; i <= first_pages; ++i) {
      const Page page = pages[i < first_pages ? i : pages.size() - 1];
      if (std::exchange(tried[static_cast<int>(page.kind)], true)) continue;
      renderer.render(page, html);
    }
  } catch (const mustache::RenderError& e) {
    diags.error(e.where(), e.what());
    return std::nullopt;
  }

  if (out) out->begin(pages.size() + assets.size() + site_files.size());
  // Assets and sitemaps: one task that the first worker takes on before its
  // pages, so it runs beside them. A dry run renders the sitemaps too.
  const auto write_extras = [&] {
    std::size_t index = pages.size();
    for (const Asset& asset : assets) {
      if (out) out->write(index, asset.out_path, read_asset(asset));
      ++index;
    }
    emit_site_files(*project, urls, pages, [&](std::string_view path, std::string_view bytes) {
      if (out) out->write(index, path, bytes);
      ++index;
    });
  };
  std::atomic<bool> extras_taken{false};
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  Diagnostic first_error;
  const auto worker = [&] {
    try {
      PageRenderer renderer(views);  // in the try: an exception must not end a thread
      std::string html;
      if (!extras_taken.exchange(true)) write_extras();
      for (std::size_t i = next++; i < pages.size() && !failed; i = next++) {
        const Page page = pages[i];
        renderer.render(page, html);
        if (out) out->write(i, urls.output_file(page), html);
      }
    } catch (const mustache::RenderError& e) {
      std::lock_guard lock(error_mutex);
      if (!failed.exchange(true)) {
        first_error.where = e.where();
        first_error.message = e.what();
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(error_mutex);
      if (!failed.exchange(true)) {
        first_error.where.path = options.out_dir;
        first_error.message = "build stopped: " + std::string(e.what());
      }
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  {
    std::vector<std::jthread> threads;
    try {
      for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
    } catch (const std::system_error&) {
      // No more threads to be had: the ones that started share the pages.
    }
    worker();
  }
  if (failed) {
    diags.error(first_error.where, first_error.message);
    return std::nullopt;
  }
  try {
    if (out) out->finish(fingerprint, path_of);
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
  summary.seconds = elapsed();
  return summary;
}

}  // namespace versa
