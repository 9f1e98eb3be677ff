#include "app/commands.hpp"

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
#include "app/runner.hpp"
#include "cost/cost_table.hpp"
#include "lint/registry.hpp"
#include "lint/rule_docs.hpp"
#include "report/reporter.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"
#include "syntax/walk.hpp"

namespace pyperf::app {

bool use_color(ColorMode mode) {
  if (mode == ColorMode::Always) return true;
  if (mode == ColorMode::Never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

namespace {

// Standard input, refused over `max_size` bytes.
std::string read_stdin(std::uint64_t max_size, std::string& out) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fmt::format("cannot read standard input: {}", std::strerror(errno));
    if (n == 0) return {};
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > max_size) {
      return fmt::format("skipped: standard input is over the {:.1f} MB size limit (raise it with --max-file-size)",
                         static_cast<double>(max_size) / 1e6);
    }
  }
}

}  // namespace

// Applies --min-impact and --sort impact. Sorting by impact lists each finding as its own entry,
// largest impact first (ties in path, line, column order), so every report format follows it.
RunResult arrange(RunResult result, const Settings& cli) {
  if (cli.min_impact > 0) {
    for (FileResult& file : result.files) {
      std::erase_if(file.diagnostics, [&](const lint::Diagnostic& d) {
        return d.rule->tier != lint::Tier::Tool && d.impact < cli.min_impact;  // tool findings always show
      });
    }
  }
  if (!cli.sort_by_impact) return result;
  struct Entry {
    const FileResult* file;
    const lint::Diagnostic* diagnostic;
  };
  std::vector<Entry> entries;
  for (const FileResult& file : result.files) {
    for (const lint::Diagnostic& d : file.diagnostics) entries.push_back({&file, &d});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.diagnostic->impact > b.diagnostic->impact; });
  RunResult sorted;
  for (const Entry& e : entries) {
    FileResult one;
    one.path = e.file->path;
    one.diagnostics.push_back(*e.diagnostic);
    sorted.files.push_back(std::move(one));
  }
  for (const FileResult& file : result.files) {
    if (file.diagnostics.empty()) {
      FileResult rest;
      rest.path = file.path;
      rest.error = file.error;
      sorted.files.push_back(std::move(rest));
    }
  }
  return sorted;
}

int run_check(const Settings& cli) {
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
  std::vector<std::string> errors;
  std::optional<std::string> stdin_bytes;
  OutputFormat format = OutputFormat::Full;
  std::deque<lint::Checker> checkers;
  std::vector<LintJob> jobs;
  std::optional<ConfigResolver> resolver;  // owns the settings the files point to
  try {
    ConfigResolver& configs = resolver.emplace(cli);
    const ProjectSettings& here = configs.for_directory(normalized_absolute("."));
    format = cli.output_format.value_or(here.output_format.value_or(OutputFormat::Full));
    if (from_stdin) {
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
      errors = std::move(discovery.errors);
    }
    if (cli.show_settings) {
      const std::string path = files.empty() ? paths[0] : files[0].path;
      const ProjectSettings& settings =
          files.empty() ? configs.for_directory(normalized_absolute(path)) : *files[0].settings;
      std::cout << describe_settings(settings, path, format);
      return kExitClean;
    }
  } catch (const ConfigError& e) {
    std::cerr << "pyperf-lint: error: " << e.what() << '\n';
    return kExitError;
  }
  for (const std::string& error : errors) std::cerr << "pyperf-lint: error: " << error << '\n';

  // Files whose configuration and per-file-ignores select the same rules for the same target
  // version share one checker.
  std::map<std::pair<std::vector<const lint::Rule*>, TargetVersion>, const lint::Checker*> by_rules;
  for (const SourceFile& file : files) {
    const std::vector<const lint::Rule*> rules = file.settings->rules_for(normalized_absolute(file.path));
    const TargetVersion target = file.settings->target_version;
    const lint::Checker*& checker = by_rules[{rules, target}];
    if (checker == nullptr) {
      checker = &checkers.emplace_back(rules, lint::Options{.target_version = to_py_version(target)});
    }
    jobs.push_back({file.path, checker, stdin_bytes});
  }

  RunResult ran = run(cli, jobs);
  const std::size_t checked = ran.files.size() - ran.error_count();
  const RunResult result = arrange(std::move(ran), cli);
  for (const FileResult& file : result.files) {
    if (!file.error.empty()) std::cerr << "pyperf-lint: error: " << file.path << ": " << file.error << '\n';
  }

  std::ofstream file_out;
  if (!cli.output_file.empty()) {
    file_out.open(cli.output_file, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      std::cerr << "pyperf-lint: error: " << cli.output_file << ": cannot write: " << std::strerror(errno) << '\n';
      return kExitError;
    }
  }
  std::ostream& out = cli.output_file.empty() ? std::cout : file_out;
  const report::Format& writer = report::format_of(format);
  const bool color =
      writer.for_people && (cli.output_file.empty() ? use_color(cli.color) : cli.color == ColorMode::Always);
  if (cli.statistics) {
    report::write_statistics({result, color}, out, format == OutputFormat::Json);
  } else {
    writer.write({result, color}, out);
  }

  const std::size_t findings = result.diagnostic_count();
  const std::size_t failures = result.error_count() + errors.size();
  if (writer.for_people && !cli.quiet && !cli.statistics) {
    if (findings == 0) {
      out << fmt::format("All checks passed! ({} file{} checked)\n", checked, checked == 1 ? "" : "s");
    } else {
      out << fmt::format("Found {} finding{} in {} file{} checked.\n", findings, findings == 1 ? "" : "s", checked,
                         checked == 1 ? "" : "s");
    }
  }
  out.flush();
  if (!out) {
    std::cerr << "pyperf-lint: error: cannot write the report\n";
    return kExitError;
  }
  if (failures > 0) return kExitError;
  if (findings > 0 && !cli.exit_zero) return kExitFindings;
  return kExitClean;
}

namespace {

std::string render_rule_markdown(const lint::RuleMeta& meta) {
  std::string out = fmt::format("# {} ({})\n\n", meta.name, meta.code);
  out += fmt::format("{}.\n\n", meta.summary);
  out += fmt::format("Family: {} · Tier: {} · Default severity: {} · Fix: {} · Stability: {}\n", meta.family,
                     lint::to_string(meta.tier), lint::to_string(meta.severity), lint::to_string(meta.fix),
                     lint::to_string(meta.stability));
  const cost::Entry* before = cost::find(meta.cost_before);
  const cost::Entry* after = cost::find(meta.cost_after);
  if (before != nullptr && after != nullptr) {
    out += fmt::format("Cost: `{}` {} → `{}` {}\n", before->operation, cost::to_string(before->average),
                       after->operation, cost::to_string(after->average));
  }
  out += '\n';
  out += lint::doc_for(meta);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

nlohmann::json rule_json(const lint::RuleMeta& meta) {
  nlohmann::json j = {
      {"code", meta.code},
      {"name", meta.name},
      {"family", meta.family},
      {"summary", meta.summary},
      {"fix_title", meta.fix_title},
      {"severity", lint::to_string(meta.severity)},
      {"tier", lint::to_string(meta.tier)},
      {"stability", lint::to_string(meta.stability)},
      {"fix", lint::to_string(meta.fix)},
      {"url", lint::doc_url(meta)},
      {"explanation", lint::doc_for(meta)},
  };
  const cost::Entry* before = cost::find(meta.cost_before);
  const cost::Entry* after = cost::find(meta.cost_after);
  if (before != nullptr && after != nullptr) {
    j["cost"] = {{"before", cost::to_string(before->average)}, {"after", cost::to_string(after->average)}};
  }
  return j;
}

}  // namespace

namespace {

// Markdown table cells: a `|` would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string rules_table(const std::vector<const lint::Rule*>& rules) {
  std::string out = "| code | name | tier | severity | stability | cost | problem |\n|---|---|---|---|---|---|---|\n";
  for (const lint::Rule* rule : rules) {
    const lint::RuleMeta& meta = rule->meta();
    std::string cost;
    const cost::Entry* before = cost::find(meta.cost_before);
    const cost::Entry* after = cost::find(meta.cost_after);
    if (before != nullptr && after != nullptr) {
      cost = fmt::format("{} → {}", cost::to_string(before->average), cost::to_string(after->average));
    }
    out += fmt::format("| [{}](rules/{}/{}.md) | {} | {} | {} | {} | {} | {} |\n", meta.code, meta.family,
                       lint::snake_case(meta.name), meta.name, lint::to_string(meta.tier),
                       lint::to_string(meta.severity), lint::to_string(meta.stability), cell(cost), cell(meta.summary));
  }
  return out;
}

}  // namespace

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
    for (const lint::Rule* rule : rules) array.push_back(rule_json(rule->meta()));
    std::cout << (all ? array : array[0]).dump(2) << '\n';
    return kExitClean;
  }
  if (format == "table") {
    std::cout << rules_table(rules);
    return kExitClean;
  }
  bool first = true;
  for (const lint::Rule* rule : rules) {
    if (!first) std::cout << "\n---\n\n";
    first = false;
    std::cout << render_rule_markdown(rule->meta());
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
    out += fmt::format("| `{}` | {} | {} | {} |\n", k.name, cell(k.type), cell(k.default_value), cell(k.description));
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
