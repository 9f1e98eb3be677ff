// PPL302 str-concat-in-loop: `s += piece` / `s = s + piece` on a known str inside a loop. CPython
// appends in place only for a plain local (STORE_FAST) that nothing else references; attributes,
// globals and closure cells copy the whole string every time: O(n²), always flagged. For a plain
// local the append is linear and collecting the pieces for ''.join() wins only a constant factor
// that the measurements show is not there on 3.9/3.10 (0.42-0.92x): that case follows the cost
// model and the target version, like a micro rule.

#include <fmt/core.h>

#include "cost/cost_table.hpp"
#include "lint/context.hpp"
#include "lint/join_fix.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::AugmentedAssignment, Kind::Assignment};

constexpr lint::RuleMeta kMeta{
    .code = "PPL302",
    .name = "str-concat-in-loop",
    .summary = "A string is built with += inside a loop",
    .fix_title = "Collect the pieces in a list and ''.join() them once",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "str.concat-nonlocal",
    .cost_after = "list.append",
};

class StrConcatInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto found = lint::growing_accumulator(node, semantic::ValueKind::Str, ctx);
    if (!found) return;
    const auto& [target, kind] = *found;
    const auto& model = ctx.semantic();
    const std::string t = lint::quote(target, ctx);
    if (model.is_fast_local(target)) {
      const cost::Verdict verdict = ctx.advice_holds("join-local", std::nullopt);
      if (!verdict.holds) return;
      lint::Diagnostic& d = ctx.report(
          node, fmt::format("`{} += ...` builds a str ({}) piece by piece in a loop: CPython extends a local str in "
                            "place (linear) only while nothing else references it; collecting the pieces in a list "
                            "and calling ''.join() once stays linear regardless ({})",
                            t, lint::evidence_note(kind, ctx), ctx.measured_gain(verdict)));
      d.severity = lint::Severity::Info;
      d.cost_before = cost::to_string(cost::Complexity::Constant);  // amortized, per step
      d.impact = lint::micro_impact(verdict.median_ratio, d.loop_depth);
      d.fix = lint::concat_to_join_fix(node, semantic::ValueKind::Str, ctx);
      return;
    }
    // Attributes always copy; module globals and closure cells were still appended in place
    // by 3.9 and 3.10 and copy from 3.11 on (bench/cost-model, pairs/PPL302.py).
    const char* when = target.is(Kind::Attribute) ? "" : " on CPython 3.11+";
    const std::string form = node.is(Kind::AugmentedAssignment) ? " += ..." : fmt::format(" = {} + ...", t);
    lint::Diagnostic& d = ctx.report(
        node, fmt::format("`{}{}` copies the whole str ({}) on every iteration: O(n²) in all{}, because CPython's "
                          "in-place append only works for plain local variables; collect the pieces in a list and "
                          "''.join() them once",
                          t, form, lint::evidence_note(kind, ctx), when));
    d.severity = lint::Severity::Error;
    d.fix = lint::concat_to_join_fix(node, semantic::ValueKind::Str, ctx);  // none: not a plain local
  }
};

}  // namespace

const lint::Rule& str_concat_in_loop() {
  static const StrConcatInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
