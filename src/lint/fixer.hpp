#pragma once
// Applying fixes: choose the findings whose fix the policy allows, apply their edits when they do
// not overlap, re-parse, and repeat until nothing more is fixable (at most kMaxFixRounds). A round
// whose result does not parse cleanly is refused whole and the file stays as it was read.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lint/checker.hpp"
#include "lint/diagnostic.hpp"
#include "lint/fix.hpp"
#include "lint/result.hpp"

namespace pyperf::lint {

inline constexpr int kMaxFixRounds = 10;

// Which fixes apply, as ruff's settings say it: `fixable`/`unfixable` by rule, and
// `extend-safe-fixes`/`extend-unsafe-fixes` moving a rule's fixes between the two levels.
struct FixPolicy {
  Applicability threshold = Applicability::Safe;              // Unsafe with --unsafe-fixes
  std::optional<std::set<std::string, std::less<>>> fixable;  // nullopt: every rule
  std::set<std::string, std::less<>> unfixable;
  std::set<std::string, std::less<>> extend_safe;    // unsafe fixes of these rules count as safe
  std::set<std::string, std::less<>> extend_unsafe;  // safe fixes of these rules count as unsafe
  friend bool operator==(const FixPolicy&, const FixPolicy&) = default;
};

// The applicability a finding's fix has under the policy (Display for a rule made unfixable);
// nullopt when it has no fix.
std::optional<Applicability> effective_applicability(const Diagnostic& diagnostic, const FixPolicy& policy);
// Whether the policy applies the finding's fix.
bool applies(const Diagnostic& diagnostic, const FixPolicy& policy);

struct FixOutcome {
  FileResult result;                           // the findings left after the fixes (or the error)
  std::optional<std::string> fixed;            // the file's new bytes, when some fix was applied
  std::map<std::string, std::size_t> by_rule;  // fixes applied, per rule code
  std::size_t count() const;
};

// Lints `bytes` and applies the policy's fixes until none is left; `bytes` are the file as read
// (encoding, BOM and line endings are kept in `fixed`).
FixOutcome fix_source(const std::string& path, const std::string& bytes, const Checker& checker, syntax::Parser& parser,
                      const FixPolicy& policy);

}  // namespace pyperf::lint
