// PPL205 list-remove-in-loop: `L.remove(v)` inside a loop on a known list: each call scans for the
// value and shifts the tail.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL205",
    .name = "list-remove-in-loop",
    .summary = "list.remove() scans and shifts the list on every iteration of a loop",
    .fix_title = "Keep the items in a set (discard), or rebuild the list once with a comprehension",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.remove",
    .cost_after = "set.discard",
};

class ListRemoveInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    const auto call = lint::method_call(node, ctx);
    if (!call || call->method != "remove" || call->arguments.positional.size() != 1 ||
        !call->arguments.keywords.empty()) {
      return;
    }
    const Node list = syntax::unparenthesize(call->receiver);
    const auto& model = ctx.semantic();
    const semantic::KindInfo kind = model.kind_of(list);
    if (kind.kind != semantic::ValueKind::List) return;
    const auto variable = model.variable_of(list);
    if (!variable || model.rebound_within(variable, model.loop(ctx.loop()).node)) return;
    // Removing from the list being iterated is a bug of another kind (skipped elements).
    const semantic::Loop& loop = model.loop(ctx.loop());
    if (loop.kind != semantic::LoopKind::While && loop.kind != semantic::LoopKind::Comprehension) {
      const Node iterable = syntax::unparenthesize(loop.node.field(Field::Right));
      if (iterable.text(src) == list.text(src)) return;
    }
    const std::string l = lint::quote(list, ctx);
    ctx.report(node, fmt::format("`{}.remove(...)` scans the list ({}) for the value and shifts the tail: O(n) per "
                                 "call inside a loop; if the items are unique and hashable keep them in a set "
                                 "(`discard` is O(1)), or rebuild the list once with a comprehension",
                                 l, lint::evidence_note(kind, ctx)));
  }
};

}  // namespace

const lint::Rule& list_remove_in_loop() {
  static const ListRemoveInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
