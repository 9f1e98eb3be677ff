// PPL204 sort-in-loop: `L.sort()` or `L = sorted(L)` on every iteration of a loop that also adds
// to L. Keeping the list sorted as it grows (bisect.insort) or using a heap avoids re-sorting.

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
    .code = "PPL204",
    .name = "sort-in-loop",
    .summary = "A list is re-sorted on every iteration of a loop that adds to it",
    .fix_title = "Keep it sorted with bisect.insort, or use heapq",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.sort-each",
    .cost_after = "bisect.insort",
};

bool adds(const semantic::Use& use) {
  if (use.kind == semantic::UseKind::MethodCall) {
    return use.member == "append" || use.member == "insert" || use.member == "extend";
  }
  return use.kind == semantic::UseKind::AugAssign;
}

class SortInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    Node list;
    std::string form;
    bool keyed = false;
    if (const auto call = lint::method_call(node, ctx); call && call->method == "sort") {
      list = syntax::unparenthesize(call->receiver);
      form = lint::quote(list, ctx) + ".sort()";
      for (const auto& k : call->arguments.keywords) keyed = keyed || k.name == "key";
    } else if (lint::is_builtin_call(node, "sorted", ctx)) {
      // `L = sorted(L)`: the call is the whole right-hand side of an assignment back to L.
      const Node& parent = ctx.parent();
      if (!parent.is(Kind::Assignment) || !(parent.field(Field::Right) == node)) return;
      const auto args = lint::call_arguments(node, ctx);
      if (args.positional.size() != 1) return;
      list = syntax::unparenthesize(args.positional[0]);
      if (parent.field(Field::Left).text(src) != list.text(src)) return;
      form = lint::quote(list, ctx) + " = sorted(" + lint::quote(list, ctx) + ")";
      for (const auto& k : args.keywords) keyed = keyed || k.name == "key";
    } else {
      return;
    }
    if (!list.is(Kind::Identifier) && !list.is(Kind::Attribute)) return;
    const semantic::KindInfo kind = model.kind_of(list);
    if (kind.kind != semantic::ValueKind::List) return;
    const auto variable = model.variable_of(list);
    if (!variable) return;
    // The same loop, not an inner one, must grow the list on every iteration, and the list must
    // live across iterations: a batch of appends then one sort is timsort's best case.
    const Node& loop_node = model.loop(ctx.loop()).node;
    const Node statement = ctx.parent().is(Kind::Assignment) ? ctx.parent() : Node{};
    if (model.rebound_within(variable, loop_node, statement)) return;
    bool grows = false;
    for (const auto& site : model.uses(variable)) {
      if (site.loop == ctx.loop() && adds(site.use)) grows = true;
    }
    if (!grows) return;
    ctx.report(node, fmt::format("`{}` re-sorts the whole list ({}) on every iteration of a loop that adds to it: "
                                 "O(n log n) per iteration; insert in order with `bisect.insort` (O(n) memmove, "
                                 "O(log n) search{}) or use `heapq` when only the smallest item is needed",
                                 form, lint::evidence_note(kind, ctx), keyed ? "; `key=` needs Python 3.10+" : ""));
  }
};

}  // namespace

const lint::Rule& sort_in_loop() {
  static const SortInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
