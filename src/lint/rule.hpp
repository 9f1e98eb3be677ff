#pragma once
// A rule is a const object with metadata and a check over one node kind (or a few). It holds no
// state: per-file state lives in the Context, which is what lets files lint in parallel.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cost/cost_table.hpp"
#include "syntax/language.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

enum class Severity : std::uint8_t { Info, Warning, Error };
enum class Tier : std::uint8_t { Tool, Asymptotic, Micro };
enum class Stability : std::uint8_t { Stable, Preview };
enum class FixAvailability : std::uint8_t { None, Sometimes, Always };

// A severity in our own words (`info`, `warning`, `error`) or in the words of a format that has
// its own scale; one table, so that the formats cannot drift apart.
enum class SeverityScale : std::uint8_t { Pyperf, Sarif, GithubCommand, GitlabCodeQuality };
std::string_view to_string(Severity severity, SeverityScale scale = SeverityScale::Pyperf);
std::string_view to_string(Tier tier);
std::string_view to_string(Stability stability);
std::string_view to_string(FixAvailability fix);

// An option a rule accepts in `[tool.pyperf-lint.<rule-name>]`. The config parser accepts that
// table only for rules that declare options, and checks each key's type against the declaration.
enum class OptionType : std::uint8_t { Bool, Int, String, StringList };

struct RuleOption {
  std::string_view name;  // kebab-case key
  OptionType type;
  std::string_view default_value;  // as TOML, for the documentation
  std::string_view description;
};

// The single source of truth about a rule: the CLI, docs, JSON and SARIF all read it. Its family
// (the folder of its files) is the one fact kept in rules/rules.def instead: lint::family_of().
struct RuleMeta {
  std::string_view code;       // "PPL102"
  std::string_view name;       // "literal-list-membership"
  std::string_view summary;    // the problem, one line, no trailing period
  std::string_view fix_title;  // imperative: "Use a set literal"
  Severity severity;           // default severity outside loops
  Tier tier;
  Stability stability;
  FixAvailability fix;
  // Node kinds the check is dispatched on. Empty only for a tool rule that the pipeline reports
  // itself (PPL002 unused-noqa, from the suppression filter): the checker never calls its check().
  std::span<const syntax::Kind> kinds;
  std::string_view cost_before;  // cost-table ids (src/cost/)
  std::string_view cost_after;
  std::span<const RuleOption> options = {};  // none: a `[tool.pyperf-lint.<rule-name>]` table is an error
};

// The complexity change the rule's advice makes, from the cost table; nullopt for tool rules.
std::optional<cost::Change> cost_change(const RuleMeta& meta);

class Context;

class Rule {
 public:
  Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;
  virtual ~Rule() = default;

  virtual const RuleMeta& meta() const = 0;
  // Called for every node of one of meta().kinds outside parse-error regions, in source order.
  virtual void check(const syntax::Node& node, Context& ctx) const = 0;
};

}  // namespace pyperf::lint
