// PPL203 list-del-front: `del L[0]`, `L[:1] = []` or `L = L[1:]` in a loop (for or while: a
// `while L:` drain is the usual shape) on a known list used only in ways a deque supports.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/deque_fix.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::DeleteStatement, Kind::Assignment};

constexpr lint::RuleMeta kMeta{
    .code = "PPL203",
    .name = "list-del-front",
    .summary = "Removing the first element of a list copies or shifts the rest",
    .fix_title = "Use collections.deque and popleft()",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.pop-front",
    .cost_after = "deque.popleft",
};

// `L[1:]`: a slice from the literal 1 with no stop or step.
bool is_tail_slice(const Node& subscript, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  const Node index = subscript.field(Field::SubscriptIndex);
  if (!index.is(Kind::Slice)) return false;
  return index.text(src) == "1:" || index.text(src) == "1 :";
}

// `L[:1] = []`: the first element deleted through a slice store.
bool is_head_clear(const Node& assignment, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  const Node left = assignment.field(Field::Left);
  const Node right = syntax::unparenthesize(assignment.field(Field::Right));
  if (!left.is(Kind::Subscript) || !right.is(Kind::List) || right.named_child_count() != 0) return false;
  const Node index = left.field(Field::SubscriptIndex);
  return index.is(Kind::Slice) && (index.text(src) == ":1" || index.text(src) == "0:1");
}

class ListDelFront final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    Node list;
    bool rebinding = false;
    if (node.is(Kind::DeleteStatement)) {
      if (node.named_child_count() != 1) return;
      const Node target = node.named_child(0);
      if (!target.is(Kind::Subscript) || target.named_child_count() != 2 ||
          !syntax::is_int_literal(target.field(Field::SubscriptIndex), 0, src)) {
        return;
      }
      list = syntax::unparenthesize(target.field(Field::Value));
    } else if (is_head_clear(node, ctx)) {
      list = syntax::unparenthesize(node.field(Field::Left).field(Field::Value));
    } else {
      const Node left = node.field(Field::Left);
      const Node right = syntax::unparenthesize(node.field(Field::Right));
      if (!right.is(Kind::Subscript) || node.field(Field::TypeAnnotation) || !is_tail_slice(right, ctx)) return;
      list = syntax::unparenthesize(right.field(Field::Value));
      if (left.text(src) != list.text(src)) return;
      rebinding = true;
    }
    if (!list.is(Kind::Identifier) && !list.is(Kind::Attribute)) return;
    const auto& model = ctx.semantic();
    const semantic::KindInfo kind = model.kind_of(list);
    if (kind.kind != semantic::ValueKind::List) return;
    const auto variable = model.variable_of(list);
    if (!variable || !model.deque_compatible(variable, node)) return;
    if (model.rebound_within(variable, model.loop(ctx.loop()).node, node)) return;
    const std::string l = lint::quote(list, ctx);
    const std::string why = lint::evidence_note(kind, ctx);
    lint::Diagnostic* diagnostic = nullptr;
    if (rebinding) {
      diagnostic = &ctx.report(
          node, fmt::format("`{0} = {0}[1:]` copies the rest of the list ({1}) on every iteration: O(n) each, "
                            "O(n²) to drain it; `collections.deque.popleft()` is O(1)",
                            l, why));
    } else {
      diagnostic = &ctx.report(node, fmt::format("`{}` shifts every remaining element of the list ({}): O(n) per "
                                                 "iteration; `collections.deque.popleft()` is O(1)",
                                                 lint::quote(node, ctx), why));
    }
    // `L[:1] = []` and `L = L[1:]` are no-ops on an empty list where popleft() raises: the slice
    // store and the second binding keep list_to_deque_fix from offering a fix for them.
    diagnostic->fix = lint::list_to_deque_fix(variable, ctx);
  }
};

}  // namespace

const lint::Rule& list_del_front() {
  static const ListDelFront rule;
  return rule;
}

}  // namespace pyperf::rules
