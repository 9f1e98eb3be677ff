#include "lint/registry.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace pyperf::rules {
#define PYPERF_RULE(code, family, function) const lint::Rule& function();
#include "rules/rules.def"
#undef PYPERF_RULE
}  // namespace pyperf::rules

namespace pyperf::lint {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::string_view kAlwaysSelected = "PPL001";

bool is_code_prefix(std::string_view s) {
  if (s.size() < 3 || s.size() > 6 || upper(s.substr(0, 3)) != "PPL") return false;
  return std::all_of(s.begin() + 3, s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::span<const RuleEntry> registry_entries() {
  static const std::vector<RuleEntry> kEntries = {
#define PYPERF_RULE(code, family, function) {#code, #family, &rules::function()},
#include "rules/rules.def"
#undef PYPERF_RULE
  };
  return kEntries;
}

std::string_view family_of(const RuleMeta& meta) {
  for (const RuleEntry& entry : registry_entries()) {
    if (entry.code == meta.code) return entry.family;
  }
  return {};
}

std::span<const Rule* const> all_rules() {
  static const std::vector<const Rule*> kRules = [] {
    std::vector<const Rule*> rules;
    for (const RuleEntry& entry : registry_entries()) rules.push_back(entry.rule);
    std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
    return rules;
  }();
  return kRules;
}

const Rule* find_rule(std::string_view code_or_name) {
  const std::string code = upper(code_or_name);
  for (const Rule* rule : all_rules()) {
    if (rule->meta().code == code || rule->meta().name == code_or_name) return rule;
  }
  return nullptr;
}

std::vector<const Rule*> rules_matching(std::string_view selector) {
  std::vector<const Rule*> out;
  if (upper(selector) == "ALL") return {all_rules().begin(), all_rules().end()};
  if (const Rule* rule = find_rule(selector)) return {rule};
  if (!is_code_prefix(selector)) return out;
  const std::string prefix = upper(selector);
  for (const Rule* rule : all_rules()) {
    if (rule->meta().code.starts_with(prefix)) out.push_back(rule);
  }
  return out;
}

bool is_always_selected(const Rule& rule) {
  return rule.meta().code == kAlwaysSelected;
}

std::vector<const Rule*> rules_ignored_by(std::string_view selector) {
  std::vector<const Rule*> out = rules_matching(selector);
  const Rule* exact = find_rule(selector);
  std::erase_if(out, [&](const Rule* rule) { return is_always_selected(*rule) && rule != exact; });
  return out;
}

SelectionResult select_rules(const Selection& selection) {
  SelectionLayer layer;
  if (!selection.select.empty()) layer.select = selection.select;
  layer.extend_select = selection.extend_select;
  layer.ignore = selection.ignore;
  return select_rules(std::span<const SelectionLayer>(&layer, 1), selection.preview);
}

SelectionResult select_rules(std::span<const SelectionLayer> layers, bool preview) {
  SelectionResult result;
  std::vector<const Rule*> chosen;
  for (const Rule* rule : all_rules()) {
    if (rule->meta().stability == Stability::Stable || preview) chosen.push_back(rule);
  }
  auto add = [&](const std::vector<std::string>& selectors) -> bool {
    for (const std::string& selector : selectors) {
      const auto matched = rules_matching(selector);
      if (matched.empty()) {
        result.error = "unknown rule selector '" + selector +
                       "' (expected a code like PPL101, a prefix like "
                       "PPL1, a rule name, or ALL)";
        return false;
      }
      const bool exact = find_rule(selector) != nullptr;
      for (const Rule* rule : matched) {
        if (rule->meta().stability == Stability::Preview && !preview && !exact) continue;
        chosen.push_back(rule);
      }
    }
    return true;
  };
  for (const SelectionLayer& layer : layers) {
    if (layer.select) {
      // Starting over starts from PPL001, as the defaults do: only an ignore naming it drops it.
      chosen.clear();
      std::copy_if(all_rules().begin(), all_rules().end(), std::back_inserter(chosen),
                   [](const Rule* rule) { return is_always_selected(*rule); });
      if (!add(*layer.select)) return result;
    }
    if (!add(layer.extend_select)) return result;
    std::vector<const Rule*> ignored;
    for (const std::string& selector : layer.ignore) {
      if (rules_matching(selector).empty()) {
        result.error = "unknown rule selector '" + selector + "' in ignore";
        return result;
      }
      const auto matched = rules_ignored_by(selector);
      ignored.insert(ignored.end(), matched.begin(), matched.end());
    }
    std::erase_if(chosen,
                  [&](const Rule* rule) { return std::find(ignored.begin(), ignored.end(), rule) != ignored.end(); });
  }
  std::sort(chosen.begin(), chosen.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  result.rules = std::move(chosen);
  return result;
}

}  // namespace pyperf::lint
