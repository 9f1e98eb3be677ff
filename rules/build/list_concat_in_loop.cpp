// PPL304 list-concat-in-loop: `L = L + [x]` / `L = L + other` inside a loop on a known list: every
// step builds a new list holding everything so far, O(n²). Not flagged when the loop hands each
// version of the list to other code (`paths.append(path)`): there the copies are the point.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Assignment};

constexpr lint::RuleMeta kMeta{
    .code = "PPL304",
    .name = "list-concat-in-loop",
    .summary = "A list is rebuilt with L = L + ... on every iteration",
    .fix_title = "Grow it in place with append() or extend()",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.concat-rebind",
    .cost_after = "list.append",
};

class ListConcatInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (!node.is(Kind::Assignment)) return;  // `L += x` already extends in place
    const auto found = lint::growing_accumulator(node, semantic::ValueKind::List, ctx);
    if (!found) return;
    const auto& [target, kind] = *found;
    const auto& model = ctx.semantic();
    const auto variable = model.variable_of(target);
    if (!variable) return;
    // Each new list may be kept by someone (a snapshot per iteration): then in-place growth
    // would change what they see.
    const Node& loop_node = model.loop(ctx.loop()).node;
    for (const auto& site : model.uses(variable)) {
      if (!model.contains(loop_node, site.node) || model.contains(node, site.node)) continue;
      switch (site.use.kind) {
        case semantic::UseKind::Argument:
        case semantic::UseKind::Aliased:
        case semantic::UseKind::Returned:
        case semantic::UseKind::Other:
          return;
        default:
          break;
      }
    }
    const Node added = syntax::unparenthesize(syntax::unparenthesize(node.field(Field::Right)).field(Field::Right));
    const bool single = added.is(Kind::List) && added.named_child_count() == 1;
    const std::string t = lint::quote(target, ctx);
    ctx.report(node, fmt::format("`{0} = {0} + ...` copies the whole list ({1}) on every iteration: O(n²) in all; "
                                 "`{0}.{2}(...)` grows it in place, amortized O(1) per element",
                                 t, lint::evidence_note(kind, ctx), single ? "append" : "extend"));
  }
};

}  // namespace

const lint::Rule& list_concat_in_loop() {
  static const ListConcatInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
