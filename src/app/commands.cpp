#include "app/commands.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/config.hpp"
#include "app/discovery.hpp"
#include "app/files.hpp"
#include "app/runner.hpp"
#include "lint/registry.hpp"
#include "report/diff.hpp"
#include "report/reporter.hpp"
#include "report/rule_pages.hpp"
#include "report/view.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"
#include "syntax/walk.hpp"

namespace pyperf::app {

bool use_color(ColorMode mode) {
  if (mode == ColorMode::Always) return true;
  if (mode == ColorMode::Never) return false;
  const auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
  };
  if (set("NO_COLOR")) return false;
  if (set("FORCE_COLOR")) return true;  // CI logs render colour though they are no terminal
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const auto bare = [](std::string_view s) { return s.substr(std::min(s.find_first_not_of('-'), s.size())); };
  const std::string_view typed = bare(word.substr(0, word.find('=')));  // `--colour=never`
  if (typed.empty()) return std::nullopt;
  std::optional<std::string> best;
  // More edits than this: another word, not a typo (`--foo` is not `--fix`).
  std::size_t best_distance = typed.size() <= 3 ? 2 : 3;
  for (const std::string& candidate : candidates) {
    const std::string_view name = bare(candidate);
    const bool part = typed.size() >= 4 && name.find(typed) != std::string_view::npos;  // `--format`
    const std::size_t distance = part ? 1 : edit_distance(typed, name);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

namespace {

// Standard input, refused over `max_size` bytes.
std::string read_stdin(std::uint64_t max_size, std::string& out) {
  const std::optional<ReadError> error = read_to_end(STDIN_FILENO, max_size, out);
  if (!error) return {};
  if (!error->too_large) return fmt::format("cannot read standard input: {}", error->reason);
  return fmt::format("skipped: standard input is over the {:.1f} MB size limit (raise it with --max-file-size)",
                     static_cast<double>(max_size) / 1e6);
}

}  // namespace

namespace {

// What a check run lints, and with which checkers. Not moved once filled: jobs point at its
// checkers, files at the settings its resolver owns.
struct Plan {
  std::optional<ConfigResolver> configs;
  std::deque<lint::Checker> checkers;
  std::vector<LintJob> jobs;
  std::vector<std::string> errors;    // paths that could not be walked
  std::vector<std::string> warnings;  // paths deliberately skipped (notebooks)
  report::OutputFormat format = report::OutputFormat::Full;
  lint::Applicability fix_threshold = lint::Applicability::Safe;  // of the working directory's settings
  bool from_stdin = false;
};

// Finds the files (or reads standard input) and gives each the checker of its rules; files whose
// configuration selects the same rules for the same target version share one. Returns an exit
// code when the run ends here (a usage or configuration error, or --show-settings).
std::optional<int> plan_jobs(const Settings& cli, Plan& plan) {
  // Unknown selectors on the command line are usage errors whatever the configuration says.
  if (const lint::SelectionResult checked = lint::select_rules(cli.selection); !checked.error.empty()) {
    std::cerr << "pyperf-lint: error: " << checked.error << '\n';
    return kExitError;
  }
  std::vector<std::string> paths = cli.paths;
  const bool from_stdin = (paths.size() == 1 && paths[0] == "-") || (paths.empty() && cli.stdin_filename);
  if (!from_stdin && std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    std::cerr << "pyperf-lint: error: `-` (standard input) cannot be combined with other paths\n";
    return kExitError;
  }
  if (paths.empty()) paths.emplace_back(".");

  std::vector<SourceFile> files;
  std::optional<std::string> stdin_bytes;
  try {
    ConfigResolver& configs = plan.configs.emplace(cli);
    const ProjectSettings& here = configs.for_directory(normalized_absolute("."));
    plan.format = cli.output_format.value_or(here.output_format.value_or(report::OutputFormat::Full));
    plan.fix_threshold = here.fix_policy.threshold;
    if (from_stdin && cli.stdin_filename && force_excluded(normalized_absolute(*cli.stdin_filename), configs)) {
      // Editors pipe every buffer through the linter: an excluded one is linted as nothing.
    } else if (from_stdin && is_notebook(cli.stdin_filename.value_or("-"))) {
      plan.warnings.push_back(fmt::format("{}: {}", *cli.stdin_filename, kNotebookSkipped));
    } else if (from_stdin) {
      const std::string name = cli.stdin_filename.value_or("-");
      files.push_back({name, true, name == "-" ? &here : &configs.for_file(normalized_absolute(name))});
      stdin_bytes.emplace();
      if (std::string error = read_stdin(cli.max_file_size, *stdin_bytes); !error.empty()) {
        std::cerr << "pyperf-lint: error: " << name << ": " << error << '\n';
        return kExitError;
      }
    } else {
      Discovery discovery = discover(paths, configs);
      files = std::move(discovery.files);
      plan.errors = std::move(discovery.errors);
      plan.warnings = std::move(discovery.warnings);
    }
    if (cli.show_settings) {
      const std::string path = files.empty() ? paths[0] : files[0].path;
      const ProjectSettings& settings =
          files.empty() ? configs.for_directory(normalized_absolute(path)) : *files[0].settings;
      std::cout << describe_settings(settings, path, plan.format);
      return kExitClean;
    }
    if (cli.show_files) {
      for (const std::string& warning : plan.warnings) std::cerr << "pyperf-lint: warning: " << warning << '\n';
      for (const std::string& error : plan.errors) std::cerr << "pyperf-lint: error: " << error << '\n';
      for (const SourceFile& file : files) std::cout << file.path << '\n';
      return plan.errors.empty() ? kExitClean : kExitError;
    }
  } catch (const ConfigError& e) {
    std::cerr << "pyperf-lint: error: " << e.what() << '\n';
    return kExitError;
  }

  plan.from_stdin = from_stdin;
  std::map<std::pair<std::vector<const lint::Rule*>, cost::PythonVersion>, const lint::Checker*> by_rules;
  for (const SourceFile& file : files) {
    const std::vector<const lint::Rule*> rules = file.settings->rules_for(normalized_absolute(file.path));
    const cost::PythonVersion target = file.settings->target_version;
    const lint::Checker*& checker = by_rules[{rules, target}];
    if (checker == nullptr) checker = &plan.checkers.emplace_back(rules, lint::Options{.target_version = target});
    const ProjectSettings& settings = *file.settings;
    plan.jobs.push_back({file.path, checker, stdin_bytes, &settings.fix_policy, settings.fix,
                         settings.fix && !cli.diff && !from_stdin, cli.diff});
  }
  return std::nullopt;
}

// Why `output` must not receive the report: it is one of the files being linted (`-o mod.py
// mod.py` would replace the source with its report). The same file under another name (a link,
// `./mod.py`) is caught by device and inode when it exists, a name standing for standard input
// (--stdin-filename) by its normalised path. Empty when it is safe to write.
std::string clobbered_input(const std::string& output, const std::vector<LintJob>& jobs) {
  struct stat out_stat {};
  const bool exists = ::stat(output.c_str(), &out_stat) == 0;
  const std::string out_path = normalized_absolute(output);
  for (const LintJob& job : jobs) {
    if (job.path == "-") continue;
    struct stat in_stat {};
    const bool same_file = exists && ::stat(job.path.c_str(), &in_stat) == 0 && in_stat.st_dev == out_stat.st_dev &&
                           in_stat.st_ino == out_stat.st_ino;
    if (same_file || normalized_absolute(job.path) == out_path) return job.path;
  }
  return {};
}

// What the fixes did and could do, for the summary.
struct FixCounts {
  bool fixing = false;      // fixes were applied (or, with --diff, computed)
  std::size_t fixed = 0;    // fixes applied
  std::size_t fixable = 0;  // remaining findings whose fix the settings would apply
  std::size_t hidden = 0;   // remaining findings whose fix needs --unsafe-fixes
};

FixCounts count_fixes(const lint::RunResult& result, const report::View& view, const Plan& plan) {
  FixCounts c;
  c.fixing = std::any_of(plan.jobs.begin(), plan.jobs.end(), [](const LintJob& job) { return job.fix; });
  for (const lint::FileResult& file : result.files) c.fixed += file.fixed_count();
  for (const report::Finding& f : view.findings()) {
    const lint::Diagnostic& d = *f.diagnostic;
    if (report::fix_applies(d, plan.fix_threshold)) {
      ++c.fixable;
    } else if (d.fix && d.fix->applicability == lint::Applicability::Unsafe) {
      ++c.hidden;
    }
  }
  return c;
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The summary line for people. "All checks passed!" only when nothing failed either: a run where a
// path could not be read has not checked everything it was asked to. With fixes: "N fixed, M
// remaining", and what more `--fix` or `--unsafe-fixes` would do.
std::string summary(std::size_t findings, std::size_t checked, std::size_t failed, const FixCounts& fixes) {
  std::string out;
  if (findings == 0 && failed == 0 && fixes.fixed == 0) {
    out = fmt::format("All checks passed! ({} checked)\n", plural(checked, "file"));
  } else {
    out = fmt::format("Found {} in {} checked", plural(findings + fixes.fixed, "finding"), plural(checked, "file"));
    if (fixes.fixing) out += fmt::format(" ({} fixed, {} remaining)", fixes.fixed, findings);
    if (failed > 0) out += fmt::format("; {} could not be checked", plural(failed, "path"));
    out += ".\n";
  }
  const std::string hidden = fixes.hidden == 0 ? std::string()
                                               : fmt::format("{} hidden unsafe fix{}: --unsafe-fixes", fixes.hidden,
                                                             fixes.hidden == 1 ? "" : "es");
  if (fixes.fixable > 0 && !fixes.fixing) {
    out += fmt::format("[*] {} fixable with --fix{}.\n", fixes.fixable, hidden.empty() ? "" : " (" + hidden + ")");
  } else if (!hidden.empty()) {
    out += fmt::format("({})\n", hidden);
  }
  return out;
}

// `--show-fixes`: what was fixed, per file and rule.
std::string applied_fixes(const lint::RunResult& result) {
  std::string out;
  std::size_t total = 0;
  for (const lint::FileResult& file : result.files) {
    if (file.fixed.empty()) continue;
    out += fmt::format("- {}:\n", report::printable(file.path));
    for (const auto& [code, count] : file.fixed) {
      const lint::Rule* rule = lint::find_rule(code);
      out += fmt::format("    {} × {} ({})\n", count, code, rule != nullptr ? rule->meta().name : "");
      total += count;
    }
  }
  if (total == 0) return "No fixes applied.\n";
  return fmt::format("Fixed {}:\n{}", plural(total, "finding"), out);
}

// Writes the report of `view` where --output-file says, with the summary line for people
// (`failed`: the paths that could not be checked). Returns false (after saying why) when it
// cannot be written.
bool write_report(const Settings& cli, const report::View& view, report::OutputFormat format, std::size_t failed,
                  const FixCounts& fixes, lint::Applicability threshold, bool to_stderr = false) {
  std::ofstream file_out;
  if (!cli.output_file.empty()) {
    file_out.open(cli.output_file, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      std::cerr << "pyperf-lint: error: " << cli.output_file << ": cannot write: " << std::strerror(errno) << '\n';
      return false;
    }
  }
  std::ostream& out = !cli.output_file.empty() ? static_cast<std::ostream&>(file_out)
                      : to_stderr              ? std::cerr
                                               : std::cout;
  const report::Format& writer = report::format_of(format);
  const bool color = writer.for_people &&
                     (cli.output_file.empty() && !to_stderr ? use_color(cli.color) : cli.color == ColorMode::Always);
  if (cli.statistics) {
    report::write_statistics({view, color, threshold}, out, format == report::OutputFormat::Json);
  } else {
    writer.write({view, color, threshold}, out);
  }
  if (writer.for_people && !cli.quiet && !cli.statistics) {
    out << summary(view.findings().size(), view.checked_count(), failed, fixes);
  }
  if (cli.show_fixes && fixes.fixing) (writer.for_people ? out : std::cerr) << applied_fixes(view.run());
  out.flush();
  if (!out) {
    std::cerr << "pyperf-lint: error: cannot write the report\n";
    return false;
  }
  return true;
}

}  // namespace

int run_check(const Settings& cli) {
  Plan plan;
  if (const std::optional<int> done = plan_jobs(cli, plan)) return *done;
  if (!cli.output_file.empty()) {
    if (const std::string input = clobbered_input(cli.output_file, plan.jobs); !input.empty()) {
      std::cerr << "pyperf-lint: error: --output-file " << cli.output_file << ": refusing to overwrite " << input
                << ", one of the files to lint, with the report\n";
      return kExitError;
    }
  }
  for (const std::string& warning : plan.warnings) std::cerr << "pyperf-lint: warning: " << warning << '\n';
  for (const std::string& error : plan.errors) std::cerr << "pyperf-lint: error: " << error << '\n';

  const lint::RunResult result = run(cli, plan.jobs);
  for (const lint::FileResult& file : result.files) {
    for (const std::string& warning : file.warnings) {
      std::cerr << "pyperf-lint: warning: " << file.path << ':' << warning << '\n';
    }
    if (!file.error.empty()) std::cerr << "pyperf-lint: error: " << file.path << ": " << file.error << '\n';
  }
  const report::View view(result, cli.sort_by_impact ? report::Order::Impact : report::Order::Path, cli.min_impact);
  const std::size_t failed = result.error_count() + plan.errors.size();
  const FixCounts fixes = count_fixes(result, view, plan);

  if (cli.diff) {
    // The diff is the output: findings are not reported, the count goes to standard error.
    bool changed = false;
    for (const lint::FileResult& file : result.files) {
      if (!file.fixed_source) continue;
      const std::string& before = file.original_source ? *file.original_source : *plan.jobs.front().contents;
      std::cout << report::unified_diff(before, *file.fixed_source, file.path);
      changed = true;
    }
    std::cout.flush();
    if (!cli.quiet) {
      std::cerr << (fixes.fixed == 0 ? std::string("No fixes to apply.\n")
                                     : fmt::format("Would fix {} ({} remaining).\n", plural(fixes.fixed, "finding"),
                                                   view.findings().size()));
    }
    if (failed > 0) return kExitError;
    return changed ? kExitFindings : kExitClean;
  }
  if (fixes.fixing && plan.from_stdin) {
    // Editors pipe a buffer through `--fix -` and read the fixed source back: the code alone goes
    // to standard output.
    for (const lint::FileResult& file : result.files) {
      std::cout << (file.fixed_source ? *file.fixed_source : *plan.jobs.front().contents);
    }
    std::cout.flush();
  }
  if (cli.fix_only) {
    // Fix, say how many (in the formats for people: machine formats stay empty), report nothing else.
    const bool for_people = report::format_of(plan.format).for_people;
    std::ostream& out = plan.from_stdin || !for_people ? std::cerr : std::cout;
    if (cli.show_fixes) {
      out << applied_fixes(result);
    } else if (!cli.quiet) {
      out << (fixes.fixed == 0 ? std::string("No fixes applied.\n")
                               : fmt::format("Fixed {}.\n", plural(fixes.fixed, "finding")));
    }
    return failed > 0 ? kExitError : kExitClean;
  }
  // With the fixed code on standard output, the report goes to standard error (or --output-file).
  if (!write_report(cli, view, plan.format, failed, fixes, plan.fix_threshold, fixes.fixing && plan.from_stdin)) {
    return kExitError;
  }

  if (failed > 0) return kExitError;
  if (!view.findings().empty() && !cli.exit_zero) return kExitFindings;
  return kExitClean;
}

int run_rule(const std::string& selector, bool all, std::string_view format) {
  std::vector<const lint::Rule*> rules;
  if (all) {
    rules.assign(lint::all_rules().begin(), lint::all_rules().end());
  } else {
    const lint::Rule* rule = lint::find_rule(selector);
    if (rule == nullptr) {
      std::cerr << "pyperf-lint: error: unknown rule '" << selector << "' (expected a code like PPL101 or a name)\n";
      return kExitError;
    }
    rules.push_back(rule);
  }
  if (format == "json") {
    nlohmann::json array = nlohmann::json::array();
    for (const lint::Rule* rule : rules) array.push_back(report::rule_json(rule->meta()));
    std::cout << (all ? array : array[0]).dump(2) << '\n';
    return kExitClean;
  }
  if (format == "table") {
    std::cout << report::rules_table(rules);
    return kExitClean;
  }
  bool first = true;
  for (const lint::Rule* rule : rules) {
    if (!first) std::cout << "\n---\n\n";
    first = false;
    std::cout << report::rule_markdown(rule->meta());
  }
  return kExitClean;
}

int run_config(const std::string& key) {
  const std::vector<ConfigKeyDoc> keys = config_keys();
  if (!key.empty()) {
    const auto it = std::find_if(keys.begin(), keys.end(), [&](const ConfigKeyDoc& k) { return k.name == key; });
    if (it == keys.end()) {
      std::cerr << "pyperf-lint: error: unknown configuration key '" << key << "' (`pyperf-lint config` lists them)\n";
      return kExitError;
    }
    std::cout << fmt::format("{}\n\nType: {}\nDefault: {}\n\n{}\n", it->name, it->type, it->default_value,
                             it->description);
    return kExitClean;
  }
  std::string out = "| key | type | default | meaning |\n|---|---|---|---|\n";
  for (const ConfigKeyDoc& k : keys) {
    out += fmt::format("| `{}` | {} | {} | {} |\n", k.name, report::markdown_cell(k.type),
                       report::markdown_cell(k.default_value), report::markdown_cell(k.description));
  }
  std::vector<std::string> with_options;
  for (const lint::Rule* rule : lint::all_rules()) {
    if (!rule->meta().options.empty()) with_options.push_back(fmt::format("`{}`", rule->meta().name));
  }
  out += fmt::format(
      "| `<rule-name>` | table | none | A rule's options, for rules that declare them ({}); any other table is an "
      "error. |\n",
      with_options.empty() ? "no rule does yet" : fmt::format("{}", fmt::join(with_options, ", ")));
  std::vector<std::string> excludes;
  for (const std::string_view name : default_excludes()) excludes.push_back(fmt::format("`{}`", name));
  out += fmt::format("\nThe default `exclude`: {}.\n", fmt::join(excludes, ", "));
  out += fmt::format("\nThe `output-format` names: {}.\n", output_format_list());
  std::cout << out;
  return kExitClean;
}

namespace {

class TreePrinter {
 public:
  explicit TreePrinter(std::string_view source) : source_(source) {}
  bool enter(const syntax::Node& node, syntax::Field field) {
    std::string line(depth_ * 2, ' ');
    if (field != syntax::Field::Count_) line += fmt::format("{}: ", syntax::field_name(field));
    line += node.named() ? std::string(node.grammar_type()) : fmt::format("\"{}\"", node.grammar_type());
    if (node.child_count() == 0) line += fmt::format("  `{}`", node.text(source_));
    if (node.is_missing()) line += "  (MISSING)";
    std::cout << line << '\n';
    ++depth_;
    return true;
  }
  void leave(const syntax::Node&) { --depth_; }

 private:
  std::string_view source_;
  std::size_t depth_ = 0;
};

}  // namespace

int run_debug_tree(const std::string& path) {
  std::string bytes;
  if (std::string error = read_file(path, UINT64_MAX, bytes); !error.empty()) {
    std::cerr << "pyperf-lint: error: " << path << ": " << error << '\n';
    return kExitError;
  }
  auto loaded = syntax::SourceText::load(std::move(bytes));
  if (!loaded.source) {
    std::cerr << "pyperf-lint: error: " << path << ": " << loaded.error << '\n';
    return kExitError;
  }
  syntax::Parser parser(syntax::Language::python());
  const syntax::Tree tree = parser.parse(loaded.source->text());
  TreePrinter printer(loaded.source->text());
  syntax::walk(tree.root(), printer);
  return kExitClean;
}

}  // namespace pyperf::app
