// PPL202 list-insert-front: `L.insert(0, x)` in a loop on a known list used only in ways a deque
// supports.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/deque_fix.hpp"
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
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.insert-front",
    .cost_after = "deque.appendleft",
};

class ListInsertFront final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto found = lint::front_shift_in_loop(node, "insert", 2, ctx);
    if (!found) return;
    const auto& [call, kind, variable] = *found;
    const std::string q = lint::quote(call.receiver, ctx);
    lint::Diagnostic& diagnostic = ctx.report(
        node, fmt::format("`{}.insert(0, ...)` shifts every element of the list ({}): O(n) per call inside a "
                          "loop; `collections.deque.appendleft()` is O(1)",
                          q, lint::evidence_note(kind, ctx)));
    diagnostic.fix = lint::list_to_deque_fix(variable, ctx);
  }
};

}  // namespace

const lint::Rule& list_insert_front() {
  static const ListInsertFront rule;
  return rule;
}

}  // namespace pyperf::rules
