#include "report/rule_pages.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/registry.hpp"
#include "lint/rule_docs.hpp"

namespace pyperf::report {
namespace {

struct CostText {
  std::string_view before;  // "O(n)"
  std::string_view after;
};

std::optional<CostText> cost_text(const lint::RuleMeta& meta) {
  const auto change = lint::cost_change(meta);
  if (!change) return std::nullopt;
  return CostText{cost::to_string(change->before.average), cost::to_string(change->after.average)};
}

nlohmann::json cost_json(const CostText& cost) {
  return {{"before", cost.before}, {"after", cost.after}};
}

}  // namespace

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string rule_markdown(const lint::RuleMeta& meta) {
  std::string out = fmt::format("# {} ({})\n\n", meta.name, meta.code);
  out += fmt::format("{}.\n\n", meta.summary);
  out += fmt::format("Family: {} · Tier: {} · Default severity: {} · Fix: {} · Stability: {}\n", lint::family_of(meta),
                     lint::to_string(meta.tier), lint::to_string(meta.severity), lint::to_string(meta.fix),
                     lint::to_string(meta.stability));
  if (const auto change = lint::cost_change(meta)) {
    out += fmt::format("Cost: `{}` {} → `{}` {}\n", change->before.operation, cost::to_string(change->before.average),
                       change->after.operation, cost::to_string(change->after.average));
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
      {"family", lint::family_of(meta)},
      {"summary", meta.summary},
      {"fix_title", meta.fix_title},
      {"severity", lint::to_string(meta.severity)},
      {"tier", lint::to_string(meta.tier)},
      {"stability", lint::to_string(meta.stability)},
      {"fix", lint::to_string(meta.fix)},
      {"url", lint::doc_url(meta)},
      {"explanation", lint::doc_for(meta)},
  };
  if (const auto cost = cost_text(meta)) j["cost"] = cost_json(*cost);
  return j;
}

std::string rules_table(std::span<const lint::Rule* const> rules) {
  std::string out =
      "| code | name | tier | severity | stability | fix | cost | problem |\n|---|---|---|---|---|---|---|---|\n";
  for (const lint::Rule* rule : rules) {
    const lint::RuleMeta& meta = rule->meta();
    const auto cost = cost_text(meta);
    const std::string cost_cell = cost ? fmt::format("{} → {}", cost->before, cost->after) : std::string();
    out += fmt::format("| [{}](rules/{}/{}.md) | {} | {} | {} | {} | {} | {} | {} |\n", meta.code,
                       lint::family_of(meta), lint::snake_case(meta.name), meta.name, lint::to_string(meta.tier),
                       lint::to_string(meta.severity), lint::to_string(meta.stability), lint::to_string(meta.fix),
                       markdown_cell(cost_cell), markdown_cell(meta.summary));
  }
  return out;
}

nlohmann::json sarif_rule(const lint::RuleMeta& meta) {
  const std::string_view doc = lint::doc_for(meta);
  const std::string what(lint::doc_section(doc, "What it does"));
  // GitHub code scanning reads these two (it falls back to `level` without problem.severity).
  // Precision: a parse error is a fact; the other rules rest on what the semantic model can prove
  // of a collection's type and use, which is reliable but not certain.
  const std::string_view precision = meta.tier == lint::Tier::Tool ? "very-high" : "high";
  const std::string_view problem_severity = meta.severity == lint::Severity::Error     ? "error"
                                            : meta.severity == lint::Severity::Warning ? "warning"
                                                                                       : "recommendation";
  nlohmann::json properties = {
      {"tags", nlohmann::json::array({"performance", lint::to_string(meta.tier)})},
      {"tier", lint::to_string(meta.tier)},
      {"stability", lint::to_string(meta.stability)},
      {"precision", precision},
      {"problem.severity", problem_severity},
  };
  if (const auto cost = cost_text(meta)) properties["cost"] = cost_json(*cost);
  return {
      {"id", meta.code},
      {"name", meta.name},
      {"shortDescription", {{"text", meta.summary}}},
      {"fullDescription", {{"text", what.empty() ? std::string(meta.summary) : what}}},
      {"help", {{"text", doc}, {"markdown", doc}}},
      {"helpUri", lint::doc_url(meta)},
      {"defaultConfiguration", {{"level", lint::to_string(meta.severity, lint::SeverityScale::Sarif)}}},
      {"properties", properties},
  };
}

}  // namespace pyperf::report
