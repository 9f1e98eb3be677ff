// PPL603 manual-counter: counting by hand in a dict inside a loop —
//   if k in d: d[k] += 1  else: d[k] = 1      (or the `not in` mirror)
//   d[k] = d.get(k, 0) + 1
// collections.Counter(keys) counts in C. It is measured slower than the loop for small inputs
// (about 2x below ~100 keys), so that advice is given only where the measurements say it holds on
// the target versions; the if/else form has a robust alternative, `d[k] = d.get(k, 0) + 1`.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::IfStatement, Kind::Assignment};

constexpr lint::RuleMeta kMeta{
    .code = "PPL603",
    .name = "manual-counter",
    .summary = "Counting by hand in a dict inside a loop",
    .fix_title = "Use collections.Counter (or d.get(k, 0) + 1)",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "dict.manual-count",
    .cost_after = "counter.build",
};

// `d[k] += 1` as a statement.
bool increments(const Node& statement, std::string_view dict, std::string_view key, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  if (!statement.is(Kind::ExpressionStatement)) return false;
  const Node s = statement.named_child(0);
  if (s.is(Kind::AugmentedAssignment)) {
    const Node target = s.field(Field::Left);
    return s.field(Field::Operator).text(src) == "+=" && target.is(Kind::Subscript) &&
           target.field(Field::Value).text(src) == dict && target.field(Field::SubscriptIndex).text(src) == key &&
           syntax::is_int_literal(s.field(Field::Right), 1, src);
  }
  return false;
}

// `d[k] = 1` as a statement.
bool initialises(const Node& statement, std::string_view dict, std::string_view key, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  if (!statement.is(Kind::ExpressionStatement)) return false;
  const Node s = statement.named_child(0);
  if (!s.is(Kind::Assignment)) return false;
  const Node target = s.field(Field::Left);
  return target.is(Kind::Subscript) && target.field(Field::Value).text(src) == dict &&
         target.field(Field::SubscriptIndex).text(src) == key && syntax::is_int_literal(s.field(Field::Right), 1, src);
}

class ManualCounter final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    Node dict;
    Node key;
    bool if_else = false;
    if (node.is(Kind::IfStatement)) {
      const auto cmp = lint::binary_comparison(syntax::unparenthesize(node.field(Field::Condition)));
      if (!cmp || (cmp->op != Kind::KwIn && cmp->op != Kind::KwNotIn)) return;
      dict = syntax::unparenthesize(cmp->right);
      key = syntax::unparenthesize(cmp->left);
      const Node alternative = node.field(Field::Alternative);
      if (!alternative.is(Kind::ElseClause)) return;
      const Node then_stmt = lint::only_statement(node.field(Field::Consequence));
      const Node else_stmt = lint::only_statement(alternative.field(Field::Body));
      const std::string_view d = dict.text(src);
      const std::string_view k = key.text(src);
      const bool in_form =
          cmp->op == Kind::KwIn && increments(then_stmt, d, k, ctx) && initialises(else_stmt, d, k, ctx);
      const bool not_in_form =
          cmp->op == Kind::KwNotIn && initialises(then_stmt, d, k, ctx) && increments(else_stmt, d, k, ctx);
      if (!in_form && !not_in_form) return;
      if_else = true;
    } else {
      // d[k] = d.get(k, 0) + 1
      const Node target = node.field(Field::Left);
      const Node right = syntax::unparenthesize(node.field(Field::Right));
      if (!target.is(Kind::Subscript) || !right.is(Kind::BinaryOperator) ||
          right.field(Field::Operator).text(src) != "+" || !syntax::is_int_literal(right.field(Field::Right), 1, src)) {
        return;
      }
      const auto get = lint::method_call(syntax::unparenthesize(right.field(Field::Left)), ctx);
      if (!get || get->method != "get" || get->arguments.positional.size() != 2 ||
          !syntax::is_int_literal(get->arguments.positional[1], 0, src)) {
        return;
      }
      dict = syntax::unparenthesize(target.field(Field::Value));
      key = target.field(Field::SubscriptIndex);
      if (get->receiver.text(src) != dict.text(src) || get->arguments.positional[0].text(src) != key.text(src)) return;
    }
    if (!dict.is(Kind::Identifier) && !dict.is(Kind::Attribute)) return;
    const semantic::KindInfo kind = ctx.semantic().kind_of(dict);
    if (kind.kind != semantic::ValueKind::Dict && kind.kind != semantic::ValueKind::OrderedDict) return;

    const std::string d = lint::quote(dict, ctx);
    const auto size = ctx.loop_size();
    // Each flagged form has its own measurement of the Counter advice.
    const cost::Verdict counter = ctx.advice_holds(if_else ? std::string_view{} : "counter-from-get", size);
    if (counter.holds) {
      ctx.report(node, fmt::format("counting by hand in `{}` ({}): `collections.Counter(...)` counts in C ({})", d,
                                   lint::evidence_note(kind, ctx), ctx.measured_gain(counter)));
      return;
    }
    // Counter is slower for small inputs on some target version: give the advice that is not.
    if (const cost::Verdict get = ctx.advice_holds("get", size); if_else && get.holds) {
      ctx.report(node, fmt::format("counting by hand in `{0}` ({1}) tests and indexes the dict twice per item; "
                                   "`{0}[k] = {0}.get(k, 0) + 1` does one lookup ({2}); `collections.Counter` wins "
                                   "only from ~100 items",
                                   d, lint::evidence_note(kind, ctx), ctx.measured_gain(get)));
    }
  }
};

}  // namespace

const lint::Rule& manual_counter() {
  static const ManualCounter rule;
  return rule;
}

}  // namespace pyperf::rules
