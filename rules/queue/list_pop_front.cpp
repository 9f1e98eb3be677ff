// PPL201 list-pop-front: `L.pop(0)` in a loop on a known list used only in ways a deque supports.

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
    .code = "PPL201",
    .name = "list-pop-front",
    .summary = "list.pop(0) shifts every remaining element",
    .fix_title = "Use collections.deque and popleft()",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.pop-front",
    .cost_after = "deque.popleft",
};

class ListPopFront final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;  // one pop(0) is one O(n) shift: not worth a new type
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    const auto found = lint::list_method_call(node, "pop", 1, ctx);
    if (!found || !syntax::is_int_literal(found->call.arguments.positional[0], 0, src)) return;
    const auto& [call, kind, variable] = *found;
    if (!model.deque_compatible(variable)) return;
    // A list created afresh on every iteration gets one shift per list: not the quadratic drain.
    if (model.rebound_within(variable, model.loop(ctx.loop()).node)) return;
    const std::string q = lint::quote(call.receiver, ctx);
    ctx.report(node, fmt::format("`{}.pop(0)` shifts every remaining element of the list ({}): O(n) per call inside "
                                 "a loop; `collections.deque.popleft()` is O(1)",
                                 q, lint::evidence_note(kind, ctx)));
  }
};

}  // namespace

const lint::Rule& list_pop_front() {
  static const ListPopFront rule;
  return rule;
}

}  // namespace pyperf::rules
