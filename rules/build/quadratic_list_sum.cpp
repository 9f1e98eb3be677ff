// PPL305 quadratic-list-sum: `sum(lists, [])`. sum() adds with `+`, so every step builds a new
// list holding everything summed so far.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL305",
    .name = "quadratic-list-sum",
    .summary = "sum() of lists or tuples copies the accumulator on every step",
    .fix_title = "Flatten with itertools.chain.from_iterable or a nested comprehension",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.sum-concat",
    .cost_after = "itertools.chain",
};

// The `start` value: the second positional argument or `start=`.
Node start_argument(const lint::CallArguments& args) {
  if (args.positional.size() == 2) return args.positional[1];
  for (const lint::Keyword& k : args.keywords) {
    if (k.name == "start") return k.value;
  }
  return {};
}

class QuadraticListSum final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (!lint::is_builtin_call(node, "sum", ctx)) return;
    const auto args = lint::call_arguments(node, ctx);
    if (args.has_unpacking || args.positional.empty()) return;
    const Node start = syntax::unparenthesize(start_argument(args));
    const bool list = start.is(Kind::List) || lint::is_builtin_call(start, "list", ctx);
    const bool tuple = start.is(Kind::Tuple) || lint::is_builtin_call(start, "tuple", ctx);
    if (!list && !tuple) return;
    const char* what = list ? "lists" : "tuples";
    ctx.report(node, fmt::format("`sum()` of {} copies the accumulator on every step: O(n²) for n {}; "
                                 "`itertools.chain.from_iterable` or a nested comprehension is O(n)",
                                 what, what));
  }
};

}  // namespace

const lint::Rule& quadratic_list_sum() {
  static const QuadraticListSum rule;
  return rule;
}

}  // namespace pyperf::rules
