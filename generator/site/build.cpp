#include "site/build.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "load/input_fingerprint.hpp"
#include "plan/pages.hpp"
#include "plan/path_limits.hpp"
#include "render/emitter.hpp"
#include "render/page_renderer.hpp"
#include "render/site_files.hpp"
#include "render/text_budgets.hpp"
#include "render/view_model.hpp"
#include "render/view_shapes.hpp"
#include "validate/project.hpp"
#include "write/output_dir.hpp"

namespace versa {

namespace fs = std::filesystem;

namespace {

// A page that cannot be published, found while rendering.
struct PageError {
  Location where;
  std::string message;
};

std::unique_ptr<Project> load_and_validate(const InputPaths& paths, bool strict, Diagnostics& diags,
                                           std::vector<LocaleCoverage>* coverage = nullptr) {
  return validate(load_inputs(paths, diags), diags, ValidateOptions{strict}, coverage);
}

// Every page of `pages` rendered on `jobs` threads; `each(i, html)` sees
// page i's HTML, and `budgets` measures its title and description. `extras`
// runs once, on the first thread, before its pages. The first error stops
// every thread and is reported; returns false then.
bool for_each_page(const Plan& pages, const ViewModelBuilder& views, unsigned jobs,
                   const std::string& out_dir, const std::function<void()>& extras,
                   const std::function<void(std::size_t, const std::string&)>& each,
                   TextBudgets& budgets, Diagnostics& diags) {
  std::atomic<bool> extras_taken{!extras};
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  Diagnostic first_error;
  const auto fail = [&](Location where, std::string message) {
    std::lock_guard lock(error_mutex);
    if (!failed.exchange(true)) {
      first_error.where = std::move(where);
      first_error.message = std::move(message);
    }
  };
  const auto worker = [&] {
    try {
      PageRenderer renderer(views);
      TextBudgets measured = budgets.fresh();  // this thread's pages
      std::string html;
      if (!extras_taken.exchange(true)) extras();
      for (std::size_t i = next++; i < pages.size() && !failed; i = next++) {
        const Page page = pages[i];
        renderer.render(page, html);
        // A redirect's title is its comparison's, measured there.
        if (page.kind != PageKind::redirect) measured.measure(page, renderer.last_view(page.kind));
        each(i, html);
      }
      std::lock_guard lock(error_mutex);
      budgets.merge(measured);
    } catch (const mustache::RenderError& e) {
      fail(e.where(), e.what());
    } catch (const PageError& e) {
      fail(e.where, e.message);
    } catch (const std::exception& e) {
      fail({out_dir}, "build stopped: " + std::string(e.what()));
    }
  };
  {
    std::vector<std::jthread> threads;
    try {
      for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
    } catch (const std::system_error&) {
      // No more threads to be had: the ones that started share the pages.
    }
    worker();
  }
  if (failed) diags.error(first_error.where, first_error.message);
  return !failed;
}

// The output folder may not be, hold or lie inside an input folder, nor
// hold site.json: a build would overwrite or read back its own inputs.
bool check_output_folder(const std::string& out, const InputPaths& in, Diagnostics& diags) {
  std::error_code ec;
  const fs::path o = fs::weakly_canonical(fs::absolute(out), ec);
  // True when `inner` is `outer` or lies below it.
  const auto inside = [](const fs::path& outer, const fs::path& inner) {
    auto i = inner.begin();
    for (auto p = outer.begin(); p != outer.end(); ++p, ++i) {
      if (p->empty()) continue;  // a trailing separator
      if (i == inner.end() || *p != *i) return false;
    }
    return true;
  };
  bool ok = true;
  for (const auto& [flag, folder] :
       {std::pair<const char*, std::string>{"--catalogue", in.catalogue},
        {"--locales", in.locales},
        {"--templates", in.templates}}) {
    const fs::path f = fs::weakly_canonical(fs::absolute(folder), ec);
    if (inside(o, f) || inside(f, o)) {
      diags.error({out}, "the output folder overlaps the input folder " + folder + " (" + flag +
                             "); a build would overwrite its own inputs: choose another --out");
      ok = false;
    }
  }
  const fs::path site = fs::weakly_canonical(fs::absolute(in.site_config), ec);
  if (ok && inside(o, site)) {
    diags.error({out}, "the output folder holds " + in.site_config +
                           "; choose an --out of its own, such as site/ beside it");
    ok = false;
  }
  return ok;
}

// Everything but the writes: validation, the plan, file-name limits.
struct Prepared {
  std::unique_ptr<Project> project;
  std::optional<Plan> pages;
  std::optional<Urls> urls;
  std::optional<SiteModel> model;
  std::optional<ViewModelBuilder> views;
  std::optional<TextBudgets> budgets;
};

// The inputs, checked, and the list of pages with its file-name limits:
// everything that can fail before a build touches its output folder.
bool prepare_plan(const InputPaths& inputs, bool strict, Diagnostics& diags, Prepared& p,
                  std::vector<LocaleCoverage>* coverage = nullptr) {
  p.project = load_and_validate(inputs, strict, diags, coverage);
  if (!p.project) return false;
  // Every name a page template uses is one its pages have (templates/README.md).
  std::vector<std::string> code_fields;  // of every catalogue: templates serve them all
  for (const Protocol& protocol : p.project->inputs.protocols) {
    for (const std::string& f : protocol.extra_code_fields) {
      if (std::find(code_fields.begin(), code_fields.end(), f) == code_fields.end())
        code_fields.push_back(f);
    }
  }
  if (!view::check_template_names(p.project->inputs.templates, code_fields, diags)) return false;
  p.pages.emplace(*p.project);
  p.urls.emplace(*p.project);
  return check_output_paths(*p.project, *p.urls, diags);
}

// What rendering needs besides the plan.
void prepare_views(Prepared& p) {
  p.model.emplace(*p.project);
  p.views.emplace(*p.model, *p.urls);
  p.budgets.emplace(*p.project, *p.urls);
}

bool prepare(const InputPaths& inputs, bool strict, Diagnostics& diags, Prepared& p,
             std::vector<LocaleCoverage>* coverage = nullptr) {
  if (!prepare_plan(inputs, strict, diags, p, coverage)) return false;
  prepare_views(p);
  return true;
}

unsigned job_count(unsigned jobs) {
  return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

// A page over the size limit, located at its template.
void check_page_size(const Prepared& p, const InputPaths& inputs, std::size_t index,
                     std::size_t bytes) {
  const std::uint64_t limit = p.project->inputs.site.max_page_bytes;
  if (bytes <= limit) return;
  const Page page = (*p.pages)[index];
  throw PageError{
      {inputs.templates + "/" + ViewModelBuilder::template_name(page.kind) + ".html"},
      "page " + p.urls->output_file(page) + " renders to " + std::to_string(bytes) +
          " bytes, more than the limit of " + std::to_string(limit) +
          "; check the template for a runaway section or raise max_page_bytes in site.json"};
}

// Renders every page in memory: what would stop a build half-way stops here.
bool render_everything(Prepared& p, const InputPaths& inputs, unsigned jobs,
                       const std::string& out_dir, Diagnostics& diags) {
  const std::uint64_t limit = p.project->inputs.site.max_site_bytes;
  std::atomic<std::uint64_t> total{0};
  const bool ok = for_each_page(
      *p.pages, *p.views, jobs, out_dir, {},
      [&](std::size_t i, const std::string& html) {
        check_page_size(p, inputs, i, html.size());
        total += html.size();
      },
      *p.budgets, diags);
  if (ok && total > limit) {
    diags.error({out_dir}, "the pages add up to " + std::to_string(total.load()) +
                               " bytes, more than the limit of " + std::to_string(limit) +
                               "; raise max_site_bytes in site.json");
    return false;
  }
  return ok;
}

}  // namespace

bool check_inputs(const InputPaths& inputs, bool strict, Diagnostics& diags,
                  std::vector<LocaleCoverage>& coverage) {
  Prepared p;
  if (!prepare(inputs, strict, diags, p, &coverage)) return false;
  if (!render_everything(p, inputs, job_count(0), "site", diags)) return false;
  p.budgets->report(strict, diags);
  return !diags.has_errors();
}

std::optional<BuildSummary> build_site(const BuildOptions& options, Diagnostics& diags,
                                       std::size_t* published) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  if (published) *published = 0;
  std::string fingerprint;
  if (!options.dry_run) {
    if (!check_output_folder(options.out_dir, options.inputs, diags)) return std::nullopt;
    // Taken before the inputs are read: one saved meanwhile makes the next
    // build a rebuild, never a no-op over pages of older inputs.
    fingerprint = input_fingerprint(options.inputs, options.strict ? "strict" : "");
  }
  // The inputs and the plan come first: a build that fails on them creates
  // nothing, not even the output folder; and a no-op reports their warnings
  // (fallbacks, ...) like any build, since they are still there.
  Prepared p;
  if (!prepare_plan(options.inputs, options.strict, diags, p)) return std::nullopt;
  std::optional<OutputDir> out;
  std::size_t constructor_warnings = 0;
  if (!options.dry_run) {
    try {
      out.emplace(options.out_dir);
    } catch (const std::exception& e) {
      diags.error({options.out_dir}, std::string("cannot use the output folder: ") + e.what());
      return std::nullopt;
    }
    for (const std::string& w : out->warnings()) diags.warning({options.out_dir}, w);
    constructor_warnings = out->warnings().size();
    // Nothing changed since the last build, and its files are as it left them.
    if (out->previous_fingerprint() == fingerprint && out->intact()) {
      BuildSummary summary;
      summary.unchanged = out->previous_count();
      summary.seconds = elapsed();
      return summary;
    }
  }
  prepare_views(p);
  const Plan& pages = *p.pages;
  const Urls& urls = *p.urls;
  const unsigned jobs = job_count(options.jobs);
  // A rebuild replaces files in place: every page is rendered once before
  // the first write, so that none can fail half-way. A build into an empty
  // folder is staged, and a failure there publishes nothing anyway.
  if (out && !out->staged() &&
      !render_everything(p, options.inputs, jobs, options.out_dir, diags)) {
    return std::nullopt;
  }

  // Files derived from the pages: each emitter's, numbered after the assets.
  std::vector<std::unique_ptr<Emitter>> emitters;
  emitters.push_back(make_sitemap_emitter(*p.project, urls, pages));
  emitters.push_back(make_redirect_rules_emitter(*p.project, urls, pages));
  const auto& assets = p.project->inputs.assets;
  std::vector<std::string> derived;
  std::vector<std::size_t> first_of;  // per emitter: the number of its first file
  for (const auto& e : emitters) {
    first_of.push_back(pages.size() + assets.size() + derived.size());
    for (std::string& name : e->file_names()) derived.push_back(std::move(name));
  }
  // Outputs are numbered: pages, then assets, then derived files.
  const auto path_of = [&](std::size_t i) -> std::string {
    if (i < pages.size()) return urls.output_file(pages[i]);
    i -= pages.size();
    if (i < assets.size()) return assets[i].out_path;
    return derived[i - assets.size()];
  };
  if (out) out->begin(pages.size() + assets.size() + derived.size());
  const auto finish_emitter = [&](std::size_t k) {
    std::size_t index = first_of[k];
    emitters[k]->finish([&](std::string_view path, std::string_view bytes) {
      if (out) out->write(index, path, bytes);
      ++index;
    });
  };
  std::atomic<std::uint64_t> total{0};
  // Assets and the emitters that need no page: one task that the first
  // worker takes on before its pages, so it runs beside them. A dry run
  // renders the derived files too.
  const auto write_extras = [&] {
    std::size_t index = pages.size();
    for (const Asset& asset : assets) {
      if (out) out->write(index, asset.out_path, read_asset(asset));
      ++index;
    }
    for (std::size_t k = 0; k < emitters.size(); ++k) {
      if (!emitters[k]->needs_pages()) finish_emitter(k);
    }
  };
  bool ok = for_each_page(
      pages, *p.views, jobs, options.out_dir, write_extras,
      [&](std::size_t i, const std::string& html) {
        check_page_size(p, options.inputs, i, html.size());
        if (const std::uint64_t limit = p.project->inputs.site.max_site_bytes;
            (total += html.size()) > limit) {
          throw PageError{{options.out_dir},
                          "the pages add up to more than the limit of " + std::to_string(limit) +
                              " bytes; raise max_site_bytes in site.json"};
        }
        for (const auto& e : emitters) e->page(i, pages[i], html);
        if (out) out->write(i, urls.output_file(pages[i]), html);
      },
      *p.budgets, diags);
  // Over-long texts are warnings here: pages are written already, and
  // `versa check --strict` is where they stop a publication.
  if (ok) p.budgets->report(false, diags);
  // The emitters that needed every page write after the pool.
  for (std::size_t k = 0; ok && k < emitters.size(); ++k) {
    if (!emitters[k]->needs_pages()) continue;
    try {
      finish_emitter(k);
    } catch (const std::exception& e) {
      diags.error({options.out_dir}, std::string("build stopped: ") + e.what());
      ok = false;
    }
  }
  if (ok) {
    try {
      if (out) out->finish(fingerprint, path_of);
    } catch (const std::exception& e) {
      diags.error({options.out_dir}, std::string("build stopped: ") + e.what());
    }
  }
  if (out) {
    // What finish() left alone, after what the constructor reported.
    for (std::size_t w = constructor_warnings; w < out->warnings().size(); ++w) {
      diags.warning({options.out_dir}, out->warnings()[w]);
    }
    if (published) *published = out->published();
  }
  if (diags.has_errors()) return std::nullopt;
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
