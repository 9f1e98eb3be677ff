// CLI wiring only: CLI11 -> Settings -> app commands. No logic lives here.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/settings.hpp"
#include "report/reporter.hpp"
#include "syntax/language.hpp"
#include "syntax/tree.hpp"

namespace {

using pyperf::app::ColorMode;

// Comma-separated rule selectors. An empty one (`--select ''`, `PPL1,,`) is a mistake, as in ruff:
// taken as "nothing", `--select ''` would silently turn every rule off.
std::vector<std::string> split_commas(const std::vector<std::string>& values, const std::string& flag) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::size_t end = comma == std::string::npos ? value.size() : comma;
      std::string item = value.substr(start, end - start);
      const auto first = item.find_first_not_of(" \t");
      const auto last = item.find_last_not_of(" \t");
      if (first == std::string::npos) {
        throw CLI::ValidationError(flag, "empty rule selector in '" + value +
                                             "' (expected codes like PPL101, prefixes like PPL1, rule names or ALL)");
      }
      out.push_back(item.substr(first, last - first + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

// --max-file-size in megabytes: a finite number above 0, at most 1 TB (a larger one would wrap
// around in bytes; NaN would compare false with every size and lift the limit).
std::string check_megabytes(const std::string& text) {
  constexpr double kMaxMegabytes = 1e6;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value <= 0 ||
      value > kMaxMegabytes) {
    return "'" + text + "' is not a size in megabytes above 0 and at most 1000000 (1 TB)";
  }
  return {};
}

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const pyperf::report::Format& format : pyperf::report::formats()) names.emplace_back(format.name);
  return names;
}

// A failed parse in the words of every other error, `pyperf-lint: error: …`, with ruff's hint for
// a mistyped option. --help and --version end the parse this way too, successfully.
int parse_failure(const CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == 0) return app.exit(e);
  std::string message = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && !app.remaining().empty()) {
    const std::string unexpected = app.remaining().front();
    message = "unexpected argument '" + unexpected + "'";
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {  // long names: a one-letter one is no hint
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    }
    if (unexpected.starts_with('-')) {
      if (const auto similar = pyperf::app::closest_match(unexpected, names)) {
        message += " (did you mean '" + *similar + "'?)";
      }
    }
  }
  std::cerr << "pyperf-lint: error: " << message << "\nFor more information, try '" << app.get_name() << " --help'.\n";
  return pyperf::app::kExitError;
}

int check_command(int argc, char** argv) {
  CLI::App app{"pyperf-lint: data-structure performance linter for Python, backed by a CPython cost model",
               "pyperf-lint"};
  app.set_version_flag("-V,--version", std::string("pyperf-lint ") + PYPERF_VERSION);
  app.footer(
      "Other commands:\n"
      "  pyperf-lint rule CODE|NAME   show a rule's documentation (--all: every rule)\n"
      "  pyperf-lint config [KEY]     the configuration keys ([tool.pyperf-lint] in pyproject.toml)\n"
      "  pyperf-lint help [COMMAND]   this help, or a command's (rule, config, check)\n"
      "  pyperf-lint version          the version (also -V, --version)");
  pyperf::app::Settings settings;
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::string format;
  std::string color = "auto";
  std::string target;
  std::string stdin_filename;
  double max_mb = static_cast<double>(settings.max_file_size) / 1e6;
  app.add_option("paths", settings.paths, "Files or directories to lint (default: .); `-` reads standard input");
  app.add_option("--select", select, "Rules to enable: codes, prefixes (PPL1), names or ALL, comma-separated")
      ->allow_extra_args(false);
  app.add_option("--extend-select", extend_select, "Rules to enable on top of --select")->allow_extra_args(false);
  app.add_option("--ignore", ignore, "Rules to disable: codes, prefixes or names, comma-separated")
      ->allow_extra_args(false);
  app.add_flag("--preview", settings.selection.preview, "Enable preview rules");
  app.add_option("--output-format", format, "Output format (default: full)")
      ->check(CLI::IsMember(format_names()))
      ->envname("PYPERF_LINT_OUTPUT_FORMAT");
  app.add_option("-o,--output-file", settings.output_file, "Write the report to this file instead of stdout")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return value.empty() ? std::string("the file name is empty") : std::string();
          },
          "PATH"));
  app.add_flag("--statistics", settings.statistics, "Print the number of findings per rule instead of the findings");
  std::string sort = "path";
  app.add_option("--sort", sort, "Order of the findings: path (file, line, column) or impact (largest first)")
      ->check(CLI::IsMember({"path", "impact"}));
  app.add_option("--min-impact", settings.min_impact,
                 "Report only findings whose impact estimate is at least N (1-100)")
      ->check(CLI::Range(0, 100));
  app.add_option("--config", settings.config_file, "Use this configuration file for every path");
  app.add_flag("--isolated", settings.isolated, "Ignore every configuration file");
  app.add_flag("--force-exclude", settings.force_exclude,
               "Apply exclude and extend-exclude to paths named on the command line too (for pre-commit)");
  app.add_flag("--show-settings", settings.show_settings, "Print the settings resolved for the first file, and exit");
  app.add_flag("--show-files", settings.show_files, "Print the files that would be linted, one per line, and exit");
  app.add_option("--stdin-filename", stdin_filename,
                 "The name standard input is linted as (its configuration and per-file-ignores apply)");
  app.add_option("--target-version", target, "The oldest Python version to support")
      ->check(CLI::IsMember(pyperf::cost::python_version_names()));
  app.add_option("--color", color,
                 "Colour the text output (auto: on a terminal or with FORCE_COLOR set, never with NO_COLOR set)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--exit-zero", settings.exit_zero, "Exit with 0 even when there are findings");
  app.add_option("--threads", settings.threads, "Worker threads (default: one per core)")->check(CLI::Range(1U, 1024U));
  app.add_flag("-q,--quiet", settings.quiet, "Print findings only, no summary");
  app.add_option("--max-file-size", max_mb, "Skip (with an error) files larger than this many MB")
      ->check(CLI::Validator(check_megabytes, "MB"))
      ->default_str("10");
  bool fix = false;
  bool unsafe_fixes = false;
  app.add_flag("--fix,!--no-fix", fix,
               "Apply the safe fixes and write the changed files (standard input: print the fixed source); "
               "--no-fix: do not, whatever the configuration's `fix` says");
  app.add_flag("--unsafe-fixes,!--no-unsafe-fixes", unsafe_fixes,
               "Apply unsafe fixes too (with --fix), and mark them fixable; --no-unsafe-fixes: do not");
  app.add_flag("--diff", settings.diff,
               "Print the fixes as a unified diff instead of writing them (exit 1 when there is a diff)");
  app.add_flag("--fix-only", settings.fix_only, "Apply the fixes without reporting the remaining findings");
  app.add_flag("--show-fixes", settings.show_fixes, "List the fixes applied, per file and rule");
  app.get_option("--diff")->excludes("--fix-only");
  app.get_option("--config")->excludes("--isolated");
  try {
    app.parse(argc, argv);
    settings.selection.select = split_commas(select, "--select");
    settings.selection.extend_select = split_commas(extend_select, "--extend-select");
    settings.selection.ignore = split_commas(ignore, "--ignore");
    // It names standard input: with real paths it would be silently unused.
    const auto& paths = settings.paths;
    if (app.count("--stdin-filename") > 0 && !paths.empty() &&
        std::find(paths.begin(), paths.end(), "-") == paths.end()) {
      throw CLI::ValidationError("--stdin-filename",
                                 "it names standard input, so give `-` or no path (got '" + paths[0] + "')");
    }
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e);
  }
  settings.sort_by_impact = sort == "impact";
  if (app.count("--fix") > 0) settings.fix = fix;  // counts --no-fix too: the last one given wins
  if (app.count("--unsafe-fixes") > 0) settings.unsafe_fixes = unsafe_fixes;
  if (!format.empty()) settings.output_format = pyperf::report::find_format(format)->format;
  if (!target.empty()) settings.target_version = pyperf::cost::parse_python_version(target);
  if (app.count("--stdin-filename") > 0) settings.stdin_filename = stdin_filename;
  settings.color = color == "always" ? ColorMode::Always : color == "never" ? ColorMode::Never : ColorMode::Auto;
  settings.max_file_size = static_cast<std::uint64_t>(max_mb * 1e6);
  return pyperf::app::run_check(settings);
}

int rule_command(int argc, char** argv) {
  CLI::App app{"Show a rule's documentation", "pyperf-lint rule"};
  std::string selector;
  bool all = false;
  std::string format = "text";
  app.add_option("rule", selector, "Rule code (PPL101) or name (membership-test-on-list)");
  app.add_flag("--all", all, "Show every rule");
  app.add_option("--output-format", format, "text (markdown), json, or table (the README's rule table)")
      ->check(CLI::IsMember({"text", "json", "table"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e);
  }
  if (selector.empty() && !all) {
    std::cerr << "pyperf-lint: error: give a rule code or name, or --all\n";
    return pyperf::app::kExitError;
  }
  return pyperf::app::run_rule(selector, all, format);
}

int config_command(int argc, char** argv) {
  CLI::App app{"Show the configuration keys ([tool.pyperf-lint] in pyproject.toml, or pyperf-lint.toml)",
               "pyperf-lint config"};
  std::string key;
  app.add_option("key", key, "One key to describe");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e);
  }
  return pyperf::app::run_config(key);
}

// `pyperf-lint help [COMMAND]`: an alias of `COMMAND --help`, as in ruff.
int help_command(int argc, char** argv) {
  std::string topic = argc > 1 ? argv[1] : "check";
  std::string flag = "--help";
  char* args[] = {topic.data(), flag.data()};
  if (argc <= 2) {
    if (topic == "check") return check_command(2, args);
    if (topic == "rule") return rule_command(2, args);
    if (topic == "config") return config_command(2, args);
  }
  std::cerr << "pyperf-lint: error: usage: pyperf-lint help [check|rule|config]\n";
  return pyperf::app::kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    pyperf::syntax::install_fast_allocator();
    (void)pyperf::syntax::Language::python();  // resolve grammar tables once; fails loudly
    // `check` is optional; `rule`, `config`, `help`, `version` and `debug-tree` are subcommands.
    // The first word decides (`pyperf-lint check help` lints a directory named help).
    const std::string first = argc > 1 ? argv[1] : "";
    if (first == "rule") return rule_command(argc - 1, argv + 1);
    if (first == "config") return config_command(argc - 1, argv + 1);
    if (first == "help") return help_command(argc - 1, argv + 1);
    if (first == "version") {
      if (argc != 2) {
        std::cerr << "pyperf-lint: error: usage: pyperf-lint version\n";
        return pyperf::app::kExitError;
      }
      std::cout << "pyperf-lint " << PYPERF_VERSION << '\n';  // as --version
      return pyperf::app::kExitClean;
    }
    if (first == "debug-tree") {
      if (argc != 3) {
        std::cerr << "pyperf-lint: error: usage: pyperf-lint debug-tree FILE\n";
        return pyperf::app::kExitError;
      }
      return pyperf::app::run_debug_tree(argv[2]);
    }
    if (first == "check") return check_command(argc - 1, argv + 1);
    return check_command(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "pyperf-lint: internal error: " << e.what() << '\n';
    return pyperf::app::kExitError;
  }
}
