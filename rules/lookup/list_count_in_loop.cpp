// PPL105 list-count-in-loop: `L.count(v)` on a known list, repeated by a loop that leaves L alone.
// collections.Counter(L) counts every value in one pass.

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
    .code = "PPL105",
    .name = "list-count-in-loop",
    .summary = "list.count() scans the whole list on every iteration of a loop",
    .fix_title = "Count once with collections.Counter before the loop",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.count",
    .cost_after = "dict.getitem",
};

class ListCountInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto found = lint::repeated_list_scan(node, "count", ctx);
    if (!found) return;
    const auto& [call, kind, variable] = *found;
    const std::string l = lint::quote(call.receiver, ctx);
    ctx.report(node, fmt::format("`{}.count(...)` scans the whole list ({}) on every iteration: O(n) per call, "
                                 "O(n·m) in all; `collections.Counter({})` built once before the loop counts every "
                                 "value in one O(n) pass",
                                 l, lint::evidence_note(kind, ctx), l));
  }
};

}  // namespace

const lint::Rule& list_count_in_loop() {
  static const ListCountInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
