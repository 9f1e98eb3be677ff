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

// True for uses that read a list without changing or keeping it.
bool reads_only(const semantic::Use& use) {
  switch (use.kind) {
    case semantic::UseKind::Read:
    case semantic::UseKind::Index:
    case semantic::UseKind::Slice:
    case semantic::UseKind::Membership:
    case semantic::UseKind::Iterate:
    case semantic::UseKind::BuiltinCall:
    case semantic::UseKind::Returned:
      return true;
    case semantic::UseKind::MethodCall:
      return use.member == "index" || use.member == "count" || use.member == "copy";
    default:
      return false;
  }
}

// `[:k]` (a slice from the start, any stop, no step): the k smallest of the sorted list.
bool leading_slice(const Node& index, std::string_view src) {
  if (!index.is(Kind::Slice)) return false;
  const std::string_view text = index.text(src);
  return !text.empty() && text.front() == ':' && text.find(':', 1) == std::string_view::npos;
}

class SortInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    Node list;
    Node statement;                  // the assignment keeping a sorted() result
    semantic::Model::Variable copy;  // `ordered` in `ordered = sorted(window)`
    std::string form;
    bool keyed = false;
    if (const auto call = lint::method_call(node, ctx); call && call->method == "sort") {
      list = syntax::unparenthesize(call->receiver);
      form = lint::quote(list, ctx) + ".sort()";
      for (const auto& k : call->arguments.keywords) keyed = keyed || k.name == "key";
    } else if (lint::is_builtin_call(node, "sorted", ctx)) {
      // The sorted result must be kept across the statement: `L = sorted(L)`, the top k
      // `best = sorted(best)[:k]`, or a sorted copy `ordered = sorted(window)` rebuilt every time.
      const auto args = lint::call_arguments(node, ctx);
      if (args.positional.size() != 1 || args.has_unpacking) return;
      list = syntax::unparenthesize(args.positional[0]);
      statement = ctx.parent();
      if (statement.is(Kind::Subscript) && statement.field(Field::Value) == node) {
        if (!leading_slice(statement.field(Field::SubscriptIndex), src)) return;
        statement = ctx.grandparent();
        if (!statement.is(Kind::Assignment) || !(statement.field(Field::Right) == ctx.parent())) return;
      } else if (!statement.is(Kind::Assignment) || !(statement.field(Field::Right) == node)) {
        return;
      }
      const Node target = statement.field(Field::Left);
      if (target.text(src) != list.text(src)) {
        if (!(target.is(Kind::Identifier) || target.is(Kind::Attribute))) return;
        copy = model.variable_of(target);
        if (!copy) return;
      }
      form = lint::quote(statement, ctx);
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
    if (model.rebound_within(variable, loop_node, copy ? Node{} : statement)) return;
    bool grows = false;
    for (const auto& site : model.uses(variable)) {
      if (!model.contains(loop_node, site.node)) continue;
      if (site.loop == ctx.loop() && adds(site.use)) grows = true;
      // Items rewritten in place (`L[i] = v`, `L[i] += d`) move within the order: a sorted
      // insertion cannot keep up with them, the re-sort is needed.
      if (site.use.kind == semantic::UseKind::IndexStore || site.use.kind == semantic::UseKind::SliceStore) return;
      // A sorted copy kept in step by insertion needs the original only ever to grow.
      if (copy && !adds(site.use) && !reads_only(site.use)) return;
    }
    if (!grows) return;
    // ... and the copy only to be read, so that updating it in place changes nothing else.
    if (copy) {
      for (const auto& site : model.uses(copy)) {
        if (model.contains(loop_node, site.node) && !reads_only(site.use)) return;
      }
    }
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
