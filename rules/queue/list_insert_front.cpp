// PPL202 list-insert-front: `L.insert(0, x)` in a loop on a known list used only in ways a deque
// supports.

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
    .code = "PPL202",
    .name = "list-insert-front",
    .summary = "list.insert(0, x) shifts every element",
    .fix_title = "Use collections.deque and appendleft(x)",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.insert-front",
    .cost_after = "deque.appendleft",
};

class ListInsertFront final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    const auto found = lint::list_method_call(node, "insert", 2, ctx);
    if (!found || !syntax::is_int_literal(found->call.arguments.positional[0], 0, src)) return;
    const auto& [call, kind, variable] = *found;
    if (!model.deque_compatible(variable)) return;
    // A list created afresh on every iteration gets one insert per list: no quadratic growth.
    if (model.rebound_within(variable, model.loop(ctx.loop()).node)) return;
    const std::string q = lint::quote(call.receiver, ctx);
    ctx.report(node, fmt::format("`{}.insert(0, ...)` shifts every element of the list ({}): O(n) per call inside a "
                                 "loop; `collections.deque.appendleft()` is O(1)",
                                 q, lint::evidence_note(kind, ctx)));
  }
};

}  // namespace

const lint::Rule& list_insert_front() {
  static const ListInsertFront rule;
  return rule;
}

}  // namespace pyperf::rules
