// versa's command line: build, check, new-locale, render, view; serve runs versa-serve.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/internal_error.hpp"
#include "cli/new_locale_command.hpp"
#include "cli/options.hpp"
#include "cli/render_command.hpp"
#include "cli/usage.hpp"
#include "site/build.hpp"
#include "site/view.hpp"
#include "write/fault_points.hpp"

namespace {

// `versa serve` is the program versa-serve beside this one: the HTTP server's
// libraries (cpp-httplib, OpenSSL, brotli) cost every start of versa 6 ms and
// 1,300 page faults, so only versa-serve loads them. It gets every argument
// but the word "serve" (an option before it, such as --color, is its too).
int exec_serve(int argc, char** argv, int serve_at) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string helper =
      (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "versa-serve";
  std::vector<char*> args{const_cast<char*>(helper.c_str())};
  for (int i = 1; i < argc; ++i) {
    if (i != serve_at) args.push_back(argv[i]);
  }
  args.push_back(nullptr);
  ::execv(helper.c_str(), args.data());
  std::cerr << "versa: serve runs " << helper << ", which cannot start (" << std::strerror(errno)
            << "); build it with cmake --build, next to versa\n";
  return 1;
}

// One row per locale: how much is translated and what is wrong.
void print_coverage(std::ostream& out, const std::vector<versa::LocaleCoverage>& rows) {
  out << std::left << std::setw(10) << "locale" << std::right << std::setw(12) << "messages"
      << std::setw(14) << "catalogue" << std::setw(9) << "missing" << std::setw(7) << "extra"
      << std::setw(11) << "arguments" << std::setw(8) << "syntax" << '\n';
  for (const auto& r : rows) {
    const std::size_t missing =
        r.messages_total - r.messages_translated + r.texts_total - r.texts_translated;
    out << std::left << std::setw(10) << r.tag << std::right << std::setw(12)
        << (std::to_string(r.messages_translated) + "/" + std::to_string(r.messages_total))
        << std::setw(14)
        << (std::to_string(r.texts_translated) + "/" + std::to_string(r.texts_total))
        << std::setw(9) << missing << std::setw(7) << r.extra << std::setw(11)
        << r.argument_mismatches << std::setw(8) << r.syntax_errors << '\n';
  }
}

// At most this many render threads: more only queue for the same cores, and
// a huge --jobs would fail to start its threads.
unsigned max_jobs() {
  return std::clamp(4 * std::thread::hardware_concurrency(), 1u, 256u);
}

// "; 3 warnings" for a line that ends a run that succeeded, "" without any.
std::string warnings_suffix(const versa::Diagnostics& diags) {
  const int n = diags.warning_count();
  return n == 0 ? "" : "; " + std::to_string(n) + (n == 1 ? " warning" : " warnings");
}

int run(int argc, char** argv) {
  using namespace versa;
  if (argc > 1 && std::string_view(argv[1]) == "serve") return exec_serve(argc, argv, 1);
  CLI::App app{"versa: a localized static site generator for protocol reply codes", "versa"};
  const std::string version = std::string("versa ") + VERSA_VERSION;
  app.set_version_flag("-v,--version", version);
  app.require_subcommand(1);
  // Accepted before the command too: `versa --color=never build`.
  std::string colour = "auto";
  add_colour_option(&app, colour);

  BuildOptions build;
  const auto add_inputs = add_input_options;
  CLI::App* build_cmd = app.add_subcommand("build", "build the site into the output folder");
  add_inputs(build_cmd, build.inputs);
  build_cmd->add_option("--out,-o", build.out_dir, "output folder")->capture_default_str();
  build_cmd->add_flag("--dry-run", build.dry_run, "render every page, write nothing");
  build_cmd->add_flag("--strict", build.strict, "treat missing translations as errors");
  build_cmd->add_option("--jobs,-j", build.jobs, "render threads (default: all cores)");
  add_colour_option(build_cmd, colour);

  InputPaths check_paths;
  bool check_strict = false;
  CLI::App* check_cmd = app.add_subcommand("check", "validate every input, write nothing");
  add_inputs(check_cmd, check_paths);
  check_cmd->add_flag("--strict", check_strict, "treat missing translations as errors");
  add_colour_option(check_cmd, colour);

  // Listed for --help; `versa serve ...` is handed to versa-serve before
  // parsing, and `versa --color=never serve ...` after it.
  ServeOptions serve_options;
  CLI::App* serve_cmd =
      app.add_subcommand("serve", "build, serve on 127.0.0.1, rebuild and reload on change");
  add_serve_options(serve_cmd, serve_options, colour);

  std::string new_tag;
  InputPaths new_paths;
  CLI::App* new_cmd = app.add_subcommand(
      "new-locale", "write locales/<tag>.json with every string marked untranslated");
  new_cmd->add_option("tag", new_tag, "BCP 47 language tag, e.g. pt-BR")->required();
  add_inputs(new_cmd, new_paths);
  add_colour_option(new_cmd, colour);

  std::string tmpl, data, partials;
  CLI::App* render_cmd = app.add_subcommand("render", "render one template with one JSON file");
  render_cmd->add_option("template", tmpl, "template file")->required();
  render_cmd->add_option("--data", data, "JSON data file")->required();
  render_cmd->add_option("--partials", partials, "folder of partials (<name>.html)");
  add_colour_option(render_cmd, colour);

  // `versa view PAGE`: the data a published page is rendered with, for `versa render`.
  std::string view_page_path;
  InputPaths view_paths;
  CLI::App* view_cmd =
      app.add_subcommand("view", "print the data one page is rendered with, as JSON");
  view_cmd
      ->add_option("page", view_page_path,
                   "the page's path in the site, e.g. vi/compare/smtp/211-x-vs-500-y/ or 404.html")
      ->required();
  add_inputs(view_cmd, view_paths);
  add_colour_option(view_cmd, colour);

  CLI::App* version_cmd = app.add_subcommand("version", "print the version (also -v, --version)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_usage_error(app, e, "versa", std::cerr);
  }
  if (*serve_cmd) {
    for (int i = 1; i < argc; ++i) {
      if (std::string_view(argv[i]) == "serve") return exec_serve(argc, argv, i);
    }
  }

  fault_point("command");  // tests reach the internal-error path from here
  Diagnostics diags;
  const bool colour_err = use_colour(colour, STDERR_FILENO);
  // Every command prints what it found the same way; a failure ends with
  // the count of both kinds.
  const auto print = [&] { diags.print(std::cerr, colour_err); };
  const auto failed = [&](const char* what) {
    std::cerr << "versa: " << what << " failed: " << diags.counts(colour_err) << '\n';
    return 1;
  };
  int status = 0;
  if (*build_cmd) {
    if (report_no_project(build.inputs, std::cerr)) return 1;
    if (build.jobs > max_jobs()) {
      diags.warning({"versa"}, "--jobs " + std::to_string(build.jobs) +
                                   " is more than versa uses; using " + std::to_string(max_jobs()));
      build.jobs = max_jobs();
    }
    std::size_t published = 0;
    const auto summary = build_site(build, diags, &published);
    print();
    if (!summary) {
      std::cerr << "versa: build failed: " << diags.counts(colour_err) << "; ";
      if (published == 0) {
        std::cerr << "nothing was written\n";
      } else {
        std::cerr << published << " file(s) were written before it stopped, so " << build.out_dir
                  << " mixes old and new files until the next successful build\n";
      }
      return 1;
    }
    std::cout << "versa: " << summary->rendered << " pages rendered, " << summary->written
              << " written, " << summary->unchanged << " unchanged, " << summary->removed
              << " removed in " << std::fixed << std::setprecision(2) << summary->seconds << " s"
              << (build.dry_run ? " (dry run)" : "") << warnings_suffix(diags) << '\n';
  } else if (*check_cmd) {
    if (report_no_project(check_paths, std::cerr)) return 1;
    std::vector<LocaleCoverage> coverage;
    const bool ok = check_inputs(check_paths, check_strict, diags, coverage);
    print();
    print_coverage(std::cout, coverage);
    std::cout << "versa: "
              << (ok ? "all inputs are valid" + warnings_suffix(diags)
                     : "inputs have errors: " + diags.counts())
              << '\n';
    status = ok ? 0 : 1;
  } else if (*new_cmd) {
    if (report_no_project(new_paths, std::cerr)) return 1;
    const auto path = write_new_locale(new_tag, new_paths, diags);
    print();
    if (!path) return failed("new-locale");
    std::cout << "versa: wrote " << *path
              << "; translate each value and remove its \"[untranslated] \" mark\n";
  } else if (*render_cmd) {
    const auto out = render_template_file(tmpl, data, partials, diags);
    print();
    if (!out) return failed("render");
    std::cout << *out << std::flush;
  } else if (*view_cmd) {
    if (report_no_project(view_paths, std::cerr)) return 1;
    const auto view = view_page(view_paths, view_page_path, diags);
    print();
    if (!view) return failed("view");
    std::cout << view->dump(2) << '\n' << std::flush;
  } else if (*version_cmd) {
    std::cout << version << '\n';
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  return versa::run_reporting_internal_errors([&] { return run(argc, argv); });
}
