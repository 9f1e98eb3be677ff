// PPL104 list-index-in-loop: `L.index(v)` on a known list, repeated by a loop that leaves L alone.
// A dict of positions built once answers each lookup in O(1).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/hashability.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL104",
    .name = "list-index-in-loop",
    .summary = "list.index() scans the list on every iteration of a loop",
    .fix_title = "Build a dict of positions once, before the loop",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.index",
    .cost_after = "dict.getitem",
};

// The `for` statement whose target is `value` and whose iterable is the list itself (the name
// bound once, by that loop), or null.
Node own_element_loop(const Node& value, const semantic::Model::Variable& list, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  const Node v = syntax::unparenthesize(value);
  if (!v.is(Kind::Identifier)) return {};
  const semantic::Reference* ref = model.reference_at(v);
  if (ref == nullptr || ref->symbol == semantic::kNone) return {};
  const auto& bindings = model.symbol(ref->symbol).bindings;
  if (bindings.size() != 1) return {};
  const semantic::Binding& b = model.binding(bindings.front());
  if (b.kind != semantic::BindingKind::ForTarget || b.unpacked || !b.statement.is(Kind::ForStatement)) return {};
  const auto iterated = model.variable_of(b.statement.field(syntax::Field::Right));
  if (!iterated || iterated.symbol != list.symbol || iterated.attribute_class != list.attribute_class ||
      iterated.attr != list.attr) {
    return {};
  }
  return model.contains(b.statement, value) ? b.statement : Node{};
}

class ListIndexInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto found = lint::repeated_list_scan(node, "index", ctx);
    if (!found) return;
    const auto& [call, kind, variable] = *found;
    // `for gen in gens: … gens.index(gen)` asks for the position of the loop's own element: the
    // loop already knows it, whatever the elements are (a list of lists has no dict of positions).
    if (const Node own = own_element_loop(call.arguments.positional[0], variable, ctx); own) {
      const std::string l = lint::quote(call.receiver, ctx);
      const std::string v = lint::quote(call.arguments.positional[0], ctx);
      ctx.report(node, fmt::format("`{}.index({})` scans the list ({}) for the element the loop is at: O(n) per "
                                   "call; `for i, {} in enumerate({})` gives its position in O(1) (the same "
                                   "position when the elements are distinct)",
                                   l, v, lint::evidence_note(kind, ctx), v, l));
      return;
    }
    // A dict of positions needs hashable elements (and a hashable key to look up): a list of
    // lists cannot be indexed that way.
    if (!lint::unhashable_elements_reason(call.receiver, ctx.semantic()).empty()) return;
    if (!lint::unhashable_value_reason(call.arguments.positional[0], ctx.semantic()).empty()) return;
    const std::string l = lint::quote(call.receiver, ctx);
    ctx.report(node, fmt::format("`{}.index(...)` scans the list ({}) on every iteration: O(n) per call; index the "
                                 "first positions once before the loop (`pos = {{}}` then `for i, v in "
                                 "enumerate({}): pos.setdefault(v, i)`) for O(1) lookups",
                                 l, lint::evidence_note(kind, ctx), l));
  }
};

}  // namespace

const lint::Rule& list_index_in_loop() {
  static const ListIndexInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
