// PPL106 dedup-with-list: `if x not in seen: seen.append(x)` in a loop, on a known list. Every test
// scans everything kept so far: O(n²) over the loop.

#include <fmt/core.h>

#include <vector>

#include "lint/context.hpp"
#include "lint/hashability.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::IfStatement};

constexpr lint::RuleMeta kMeta{
    .code = "PPL106",
    .name = "dedup-with-list",
    .summary = "De-duplicating with a list scans everything kept so far on every item",
    .fix_title = "Track seen items in a set (or use dict.fromkeys when order matters)",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.contains",
    .cost_after = "set.contains",
};

// True when `block` appends `<item>` to `<list>` (same text for both): as one of its statements, or
// inside an `if` / `with` / `try` nested in it. Whether every tested value is appended does not
// matter: the list then only ever holds values that were not in it, and a set holding the same
// values answers every `not in` test the same way.
bool appends(const Node& block, std::string_view list, std::string_view item, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  std::vector<Node> pending{block};
  while (!pending.empty()) {
    const Node n = pending.back();
    pending.pop_back();
    for (const Node statement : n.named_children()) {
      switch (statement.kind()) {
        case Kind::IfStatement:
        case Kind::ElifClause:
        case Kind::ElseClause:
        case Kind::WithStatement:
        case Kind::TryStatement:
        case Kind::ExceptClause:
        case Kind::FinallyClause:
        case Kind::Block:
          pending.push_back(statement);
          continue;
        case Kind::ExpressionStatement:
          break;
        default:
          continue;  // nested loops and definitions run the append some other number of times
      }
      const auto call = lint::method_call(syntax::unparenthesize(statement.named_child(0)), ctx);
      if (!call || call->method != "append" || call->arguments.positional.size() != 1) continue;
      if (call->receiver.text(src) == list && call->arguments.positional[0].text(src) == item) return true;
    }
  }
  return false;
}

// The `x not in L` tests of a condition: the whole condition, or conjuncts of an `and` chain
// (`x is not None and x not in seen`): the body runs only when every conjunct holds.
struct NotIn {
  Node comparison;
  lint::Comparison parts;
};
std::vector<NotIn> not_in_tests(const Node& condition, const lint::Context& ctx) {
  std::vector<NotIn> out;
  std::vector<Node> pending{syntax::unparenthesize(condition)};
  while (!pending.empty()) {
    const Node n = pending.back();
    pending.pop_back();
    if (n.is(Kind::BooleanOperator)) {
      if (ctx.text(n.field(Field::Operator)) != "and") continue;
      pending.push_back(syntax::unparenthesize(n.field(Field::Right)));
      pending.push_back(syntax::unparenthesize(n.field(Field::Left)));
      continue;
    }
    if (auto cmp = lint::binary_comparison(n); cmp && cmp->op == Kind::KwNotIn) out.push_back({n, *cmp});
  }
  return out;
}

// True when nothing inside `loop` rebinds the list or removes items from it.
bool only_grows(const semantic::Model::Variable& list, const Node& loop, const semantic::Model& model) {
  if (model.rebound_within(list, loop)) return false;
  for (const auto& site : model.uses(list)) {
    if (!model.contains(loop, site.node)) continue;
    const semantic::Use& use = site.use;
    if (use.kind == semantic::UseKind::IndexDelete || use.kind == semantic::UseKind::Delete ||
        use.kind == semantic::UseKind::SliceStore || use.kind == semantic::UseKind::IndexStore) {
      return false;
    }
    if (use.kind == semantic::UseKind::MethodCall &&
        (use.member == "remove" || use.member == "pop" || use.member == "clear")) {
      return false;
    }
  }
  return true;
}

class DedupWithList final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    const Node consequence = node.field(Field::Consequence);
    for (const auto& [comparison, cmp] : not_in_tests(node.field(Field::Condition), ctx)) {
      const Node list = syntax::unparenthesize(cmp.right);
      if (!list.is(Kind::Identifier) && !list.is(Kind::Attribute)) continue;
      if (!appends(consequence, list.text(src), cmp.left.text(src), ctx)) continue;
      const semantic::KindInfo kind = model.kind_of(list);
      if (kind.kind != semantic::ValueKind::List) continue;
      // The kept list must only grow during the loop: one that is rebuilt or shrunk there (often
      // in step with parallel lists, by index) cannot simply become a set.
      if (const auto kept = model.variable_of(list); !kept || !only_grows(kept, model.loop(ctx.loop()).node, model)) {
        continue;
      }
      // The appended value must be the tested one: not rebound between the test and the append.
      if (const auto item = model.variable_of(syntax::unparenthesize(cmp.left));
          item && model.rebound_within(item, consequence)) {
        continue;
      }
      // A set needs hashable items: unhashable ones (a list, an instance of a class with `__eq__`
      // and no `__hash__`) are the reason some code keeps a list here.
      if (!lint::unhashable_value_reason(cmp.left, model).empty()) continue;
      if (!lint::unhashable_elements_reason(list, model).empty()) continue;
      if (lint::in_type_error_handler(node, ctx)) return;  // the fallback for unhashable items
      const std::string l = lint::quote(list, ctx);
      ctx.report(comparison,
                 fmt::format("`not in {}` scans the list ({}) that this loop appends to: O(n) per item, O(n²) in "
                             "all; track seen items in a set (O(1) per test), or use `dict.fromkeys(...)` when the "
                             "order of first appearance matters",
                             l, lint::evidence_note(kind, ctx)));
      return;
    }
  }
};

}  // namespace

const lint::Rule& dedup_with_list() {
  static const DedupWithList rule;
  return rule;
}

}  // namespace pyperf::rules
