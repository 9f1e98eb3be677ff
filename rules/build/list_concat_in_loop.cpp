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
    .fix = lint::FixAvailability::Always,
    .kinds = kKinds,
    .cost_before = "list.concat-rebind",
    .cost_after = "list.append",
};

// Whether growing the list in place cannot be seen: a function's own local (no parameter, so no
// caller holds it), bound only by assignments, that no other name, call or container holds before
// the loop ends (a snapshot taken then would now change with it), and an addition known to be a
// list (`L + x` raises TypeError for a tuple, `extend` accepts it).
bool in_place_is_safe(const Node& statement, const Node& target, const Node& added, const Node& loop_node,
                      const semantic::Model::Variable& variable, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  if (!target.is(Kind::Identifier) || variable.symbol == semantic::kNone) return false;
  if (!added.is(Kind::List) && model.kind_of(added).kind != semantic::ValueKind::List) return false;
  const semantic::Symbol& symbol = model.symbol(variable.symbol);
  if (model.scope(symbol.scope).kind != semantic::ScopeKind::Function) return false;
  for (const semantic::BindingId id : symbol.bindings) {
    if (model.binding(id).kind != semantic::BindingKind::Assignment) return false;
  }
  for (const auto& site : model.uses(variable)) {
    if (site.node.start_byte() >= loop_node.end_byte() || model.contains(statement, site.node)) continue;
    switch (site.use.kind) {
      case semantic::UseKind::Argument:
      case semantic::UseKind::Aliased:
      case semantic::UseKind::Returned:
      case semantic::UseKind::Other:
        return false;
      default:
        break;
    }
  }
  return true;
}

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
    lint::Diagnostic& d =
        ctx.report(node, fmt::format("`{0} = {0} + ...` copies the whole list ({1}) on every iteration: O(n²) in all; "
                                     "`{0}.{2}(...)` grows it in place, amortized O(1) per element",
                                     t, lint::evidence_note(kind, ctx), single ? "append" : "extend"));
    const Node element = single ? added.named_child(0) : Node{};
    const bool append = single && !element.is(Kind::ListSplat);
    const std::string replacement = append ? fmt::format("{}.append({})", ctx.text(target), ctx.text(element))
                                           : fmt::format("{}.extend({})", ctx.text(target), ctx.text(added));
    const bool safe = in_place_is_safe(node, target, added, loop_node, variable, ctx);
    d.fix = lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                             fmt::format("Replace with `{}`", append ? "append()" : "extend()"))
                .replace(node, replacement)
                .build();
  }
};

}  // namespace

const lint::Rule& list_concat_in_loop() {
  static const ListConcatInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
