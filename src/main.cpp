// CLI wiring only: CLI11 -> Settings -> app commands. No logic lives here.

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/settings.hpp"
#include "syntax/language.hpp"
#include "syntax/tree.hpp"

namespace {

using pyperf::app::ColorMode;
using pyperf::app::OutputFormat;

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::size_t end = comma == std::string::npos ? value.size() : comma;
      std::string item = value.substr(start, end - start);
      const auto first = item.find_first_not_of(" \t");
      const auto last = item.find_last_not_of(" \t");
      if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

int check_command(int argc, char** argv) {
  CLI::App app{"pyperf-lint: data-structure performance linter for Python, backed by a CPython cost model",
               "pyperf-lint"};
  app.set_version_flag("--version", std::string("pyperf-lint ") + PYPERF_VERSION);
  app.footer("Other commands:\n  pyperf-lint rule CODE|NAME   show a rule's documentation (--all: every rule)");
  pyperf::app::Settings settings;
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::string format = "full";
  std::string color = "auto";
  double max_mb = static_cast<double>(settings.max_file_size) / 1e6;
  app.add_option("paths", settings.paths, "Files or directories to lint (default: .)");
  app.add_option("--select", select, "Rules to enable: codes, prefixes (PPL1), names or ALL, comma-separated")
      ->delimiter(',');
  app.add_option("--extend-select", extend_select, "Rules to enable on top of --select")->delimiter(',');
  app.add_option("--ignore", ignore, "Rules to disable: codes, prefixes or names, comma-separated")->delimiter(',');
  app.add_flag("--preview", settings.selection.preview, "Enable preview rules");
  app.add_option("--output-format", format, "Output format")
      ->check(CLI::IsMember({"full", "concise", "json"}))
      ->default_str("full");
  app.add_option("--color", color, "Colour the text output")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--exit-zero", settings.exit_zero, "Exit with 0 even when there are findings");
  app.add_option("--threads", settings.threads, "Worker threads (default: one per core)")->check(CLI::Range(1U, 1024U));
  app.add_flag("-q,--quiet", settings.quiet, "Print findings only, no summary");
  app.add_option("--max-file-size", max_mb, "Skip (with an error) files larger than this many MB")
      ->check(CLI::PositiveNumber)
      ->default_str("10");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : pyperf::app::kExitError;
  }
  if (settings.paths.empty()) settings.paths.push_back(".");
  settings.selection.select = split_commas(select);
  settings.selection.extend_select = split_commas(extend_select);
  settings.selection.ignore = split_commas(ignore);
  settings.output_format = format == "json"      ? OutputFormat::Json
                           : format == "concise" ? OutputFormat::Concise
                                                 : OutputFormat::Full;
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
  app.add_option("--output-format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : pyperf::app::kExitError;
  }
  if (selector.empty() && !all) {
    std::cerr << "pyperf-lint: error: give a rule code or name, or --all\n";
    return pyperf::app::kExitError;
  }
  return pyperf::app::run_rule(selector, all, format == "json");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    pyperf::syntax::install_fast_allocator();
    (void)pyperf::syntax::Language::python();  // resolve grammar tables once; fails loudly
    // `check` is optional; `rule` and `debug-tree` are subcommands. The first word decides.
    const std::string first = argc > 1 ? argv[1] : "";
    if (first == "rule") return rule_command(argc - 1, argv + 1);
    if (first == "debug-tree") {
      if (argc != 3) {
        std::cerr << "usage: pyperf-lint debug-tree FILE\n";
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
