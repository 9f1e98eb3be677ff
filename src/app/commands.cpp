#include "app/commands.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

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

int run_check(const Settings& settings) {
  const lint::SelectionResult selection = lint::select_rules(settings.selection);
  if (!selection.error.empty()) {
    std::cerr << "pyperf-lint: error: " << selection.error << '\n';
    return kExitError;
  }
  const Discovery discovery = discover(settings.paths);
  for (const std::string& error : discovery.errors) std::cerr << "pyperf-lint: error: " << error << '\n';

  const RunResult result = run(settings, selection.rules, discovery.files);
  for (const FileResult& file : result.files) {
    if (!file.error.empty()) std::cerr << "pyperf-lint: error: " << file.path << ": " << file.error << '\n';
  }

  const bool color = settings.output_format != OutputFormat::Json && use_color(settings.color);
  report::reporter_for(settings.output_format)({result, color}, std::cout);

  const std::size_t findings = result.diagnostic_count();
  const std::size_t errors = result.error_count() + discovery.errors.size();
  if (settings.output_format != OutputFormat::Json && !settings.quiet) {
    const std::size_t checked = result.files.size() - result.error_count();
    if (findings == 0) {
      std::cout << fmt::format("All checks passed! ({} file{} checked)\n", checked, checked == 1 ? "" : "s");
    } else {
      std::cout << fmt::format("Found {} finding{} in {} file{} checked.\n", findings, findings == 1 ? "" : "s",
                               checked, checked == 1 ? "" : "s");
    }
  }
  std::cout.flush();
  if (errors > 0) return kExitError;
  if (findings > 0 && !settings.exit_zero) return kExitFindings;
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

int run_rule(const std::string& selector, bool all, bool json) {
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
  if (json) {
    nlohmann::json array = nlohmann::json::array();
    for (const lint::Rule* rule : rules) array.push_back(rule_json(rule->meta()));
    std::cout << (all ? array : array[0]).dump(2) << '\n';
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
