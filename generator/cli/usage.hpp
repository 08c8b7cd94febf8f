// What `versa` and `versa-serve` say when the command line itself is wrong:
// which word was not understood, and the command or option nearest to it.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/nearest.hpp"

namespace versa {

/// Exit status for a command line versa does not understand (as BSD and
/// GNU tools use it).
inline constexpr int kUsageStatus = 2;

/// Every subcommand of `app`, given or not.
inline std::vector<const CLI::App*> all_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

/// Every spelling of `cmd`'s options: "--out", "-o", ...
inline std::vector<std::string> option_names(const CLI::App& cmd) {
  std::vector<std::string> names;
  for (const CLI::Option* o : cmd.get_options()) {
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

/// Reports `e`, thrown by `app.parse`, on `err` in one line, as
/// `PROGRAM[ COMMAND]: what was not understood; did you mean X?`, and
/// returns the exit status. --help and --version are no errors: CLI11 prints
/// them (on stdout) and the status is 0. `program` is the name users type
/// ("versa", "versa serve").
inline int report_usage_error(CLI::App& app, const CLI::ParseError& e, const std::string& program,
                              std::ostream& err) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  // The command the error belongs to: the one left with words it did not
  // take (a subcommand before the program), else the subcommand given.
  const std::vector<CLI::App*> given = app.get_subcommands();
  CLI::App* cmd = given.empty() ? &app : given.front();
  for (CLI::App* c : {given.empty() ? &app : given.front(), &app}) {
    if (c->remaining_size() > 0) {
      cmd = c;
      break;
    }
  }
  const std::string name = cmd == &app ? program : program + " " + cmd->get_name();
  const std::string help = name + " --help";
  const std::vector<std::string> left = cmd->remaining();
  const auto suggest = [&](const std::string& word, const std::vector<std::string>& candidates,
                           const std::string& quote) {
    const auto near = nearest(word, candidates);
    return near ? "did you mean " + quote + *near + quote + "?"
                : help + " lists " + (quote.empty() ? "the options" : "the commands");
  };
  if (!left.empty() && left.front().starts_with('-')) {
    const std::string& arg = left.front();
    const std::string flag = arg.substr(0, arg.find('='));
    // "-x" is one letter off every short option: only longer names are
    // compared, with the long forms ("-jobs" finds "--jobs").
    std::vector<std::string> long_names;
    for (const std::string& n : option_names(*cmd)) {
      if (n.starts_with("--")) long_names.push_back(n);
    }
    err << name << ": unknown option " << flag << "; "
        << (flag.size() > 2 ? suggest(flag, long_names, "") : help + " lists the options") << '\n';
  } else if (!left.empty() && cmd == &app && given.empty() && !all_subcommands(app).empty()) {
    std::vector<std::string> commands;
    for (const CLI::App* c : all_subcommands(app)) commands.push_back(c->get_name());
    err << name << ": unknown command '" << left.front() << "'; "
        << suggest(left.front(), commands, "'") << '\n';
  } else if (!left.empty()) {
    err << name << ": unexpected argument '" << left.front() << "'; " << help
        << " lists what it takes\n";
  } else if (cmd == &app && given.empty() && !all_subcommands(app).empty()) {
    std::string commands;
    for (const CLI::App* c : all_subcommands(app)) {
      commands += (commands.empty() ? "" : ", ") + c->get_name();
    }
    err << name << ": name a command (" << commands << "); " << help << " says more\n";
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    // CLI11's "--out: 1 required TEXT missing".
    const std::string what = e.what();
    err << name << ": " << what.substr(0, what.find(':')) << " needs a value; " << help
        << " says more\n";
  } else {
    err << name << ": " << e.what() << "; " << help << " says more\n";
  }
  return kUsageStatus;
}

}  // namespace versa
