#pragma once
// The registry: every rule listed once in rules/rules.def, sorted by code.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.hpp"

namespace pyperf::lint {

std::span<const Rule* const> all_rules();

// One line of rules/rules.def. The family (the folder of the rule's files under rules/ and
// fixtures/) is written there only, so that a rule's metadata cannot disagree with its files.
struct RuleEntry {
  std::string_view code;    // as written in rules.def; the meta-test holds it equal to the rule's meta().code
  std::string_view family;  // "lookup"
  const Rule* rule;
};

// The lines of rules.def, in file order.
std::span<const RuleEntry> registry_entries();
// The family rules.def gives a rule's code; empty for a rule it does not list.
std::string_view family_of(const RuleMeta& meta);

// By exact code (case-insensitive) or exact name; nullptr when unknown.
const Rule* find_rule(std::string_view code_or_name);

// Ruff-style selection. Each selector is "ALL", a rule name, a code, or a code prefix ("PPL1").
// A preview rule is enabled by --preview or by naming it exactly (code or name). PPL001 is always
// selected (is_always_selected).
struct Selection {
  std::vector<std::string> select;  // empty: every stable rule
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  bool preview = false;
};

struct SelectionResult {
  std::vector<const Rule*> rules;  // sorted by code
  std::string error;               // set when a selector is unknown
};

SelectionResult select_rules(const Selection& selection);

// Ruff's layering of configuration over configuration (the command line over a config file): a
// layer with `select` (even an empty one) starts over from it, a layer without starts from the
// previous layer's rules (the first from the defaults); then `extend_select` adds, `ignore` removes.
struct SelectionLayer {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};
SelectionResult select_rules(std::span<const SelectionLayer> layers, bool preview);

// The rules one selector names; empty when it names none.
std::vector<const Rule*> rules_matching(std::string_view selector);

// PPL001 (parse-error) says a region was not analysed; leaving it out would let a file the tool
// could not read pass as clean. Like ruff's syntax errors it is selected whatever `select` says,
// and only an ignore that names it exactly (its code or name; not a prefix, not ALL) removes it,
// in `ignore` as in `per-file-ignores`. The one place that knows: select_rules and this.
bool is_always_selected(const Rule& rule);
// The rules an ignore selector removes: rules_matching(), without PPL001 unless named exactly.
std::vector<const Rule*> rules_ignored_by(std::string_view selector);

}  // namespace pyperf::lint
