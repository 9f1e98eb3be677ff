#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <optional>

#include "cost/cost_table.hpp"
#include "lint/fix.hpp"
#include "lint/rule.hpp"
#include "syntax/source.hpp"

namespace pyperf::lint {

struct Diagnostic {
  const RuleMeta* rule = nullptr;
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;
  syntax::Position start;  // 1-based line, 1-based column in characters
  syntax::Position end;
  std::string message;
  Severity severity = Severity::Warning;
  std::uint32_t loop_depth = 0;
  std::string_view cost_before;  // complexity, e.g. "O(n)"
  std::string_view cost_after;
  int impact = 0;           // 1-100: how much the rewrite is expected to matter (impact_score)
  std::string source_line;  // the text of the start line, for reporters that show code
  std::optional<Fix> fix;   // the rewrite, when the rule has a mechanical one here
};

// Severity grows with loop depth: an asymptotic pattern inside nested loops multiplies.
Severity escalate(Severity base, Tier tier, std::uint32_t loop_depth);

// Where a finding sits, as far as how often it runs is concerned.
struct SiteFrequency {
  std::uint32_t repeats = 0;                // enclosing loops that repeat it (not those it leaves after one pass)
  bool rare_branch = false;                 // inside an `except` handler of the loop
  bool import_time = false;                 // module-level code: runs once, at import
  std::optional<std::uint64_t> n;           // the visible size of the collection the operation works on
  std::optional<std::uint64_t> iterations;  // how many times the innermost loop visibly runs
};

// The impact estimate of a finding, 1-100, from the cost model: the complexity change of the
// operation, how many loops repeat it, what is known of the sizes, how likely the code runs, and
// for constant-factor advice the measured ratio. See README "Impact".
// The impact of constant-factor advice with a measured `ratio` (before/after) at `loop_depth`.
int micro_impact(double ratio, std::uint32_t loop_depth);

int impact_score(const RuleMeta& meta, std::optional<cost::Change> change, const SiteFrequency& site,
                 std::optional<double> measured_ratio);

}  // namespace pyperf::lint
