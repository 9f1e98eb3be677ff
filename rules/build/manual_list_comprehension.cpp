// PPL301 manual-list-comprehension: `L = []` followed by a `for` loop whose only effect is
// appending one value (optionally under one `if`) to L. Loops with other effects are not
// comprehensions: reading the list being built, walrus, await/yield, try, break/else, async for,
// a target that outlives the loop (used afterwards, global or nonlocal), class bodies (a
// comprehension there cannot see class attributes).
// Constant-factor advice: given only where the measured win holds on the target versions.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::ForStatement};

constexpr lint::RuleMeta kMeta{
    .code = "PPL301",
    .name = "manual-list-comprehension",
    .summary = "A loop only appends to a new list",
    .fix_title = "Build the list with a comprehension",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.append-loop",
    .cost_after = "list.comprehension",
};

// `receiver.append(value)` as a whole statement.
std::optional<lint::MethodCall> append_statement(const Node& statement, const lint::Context& ctx) {
  if (!statement.is(Kind::ExpressionStatement) || statement.named_child_count() != 1) return std::nullopt;
  auto call = lint::method_call(syntax::unparenthesize(statement.named_child(0)), ctx);
  if (!call || call->method != "append" || call->arguments.positional.size() != 1 ||
      !call->arguments.keywords.empty() || call->arguments.has_unpacking) {
    return std::nullopt;
  }
  return call;
}

// Walrus, await or yield anywhere in `node`: effects a comprehension would change.
bool has_side_channel(const Node& node) {
  return lint::any_in_subtree(
      node, [](const Node& n) { return n.is(Kind::NamedExpression) || n.is(Kind::Await) || n.is(Kind::Yield); });
}

class ManualListComprehension final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    if (node.child(0).is(Kind::KwAsync) || node.field(Field::Alternative)) return;
    if (model.scope(ctx.scope()).kind == semantic::ScopeKind::Class) return;

    Node statement = lint::only_statement(node.field(Field::Body));
    Node condition;
    if (statement.is(Kind::IfStatement)) {
      if (statement.field(Field::Alternative)) return;
      condition = statement.field(Field::Condition);
      statement = lint::only_statement(statement.field(Field::Consequence));
    }
    const auto append = append_statement(statement, ctx);
    if (!append) return;
    const Node list = syntax::unparenthesize(append->receiver);
    if (!list.is(Kind::Identifier)) return;

    // The loop must come right after `L = []`: then the comprehension replaces both statements.
    Node previous = node.prev_named_sibling();
    while (previous.is(Kind::Comment)) previous = previous.prev_named_sibling();
    if (!previous.is(Kind::ExpressionStatement)) return;
    const Node init = previous.named_child(0);
    if (!init.is(Kind::Assignment) || init.field(Field::Left).text(src) != list.text(src)) return;
    const Node empty = syntax::unparenthesize(init.field(Field::Right));
    const bool fresh =
        (empty.is(Kind::List) && empty.named_child_count() == 0) ||
        (lint::is_builtin_call(empty, "list", ctx) && empty.field(Field::Arguments).named_child_count() == 0);
    if (!fresh) return;

    // Nothing in the loop may read the list being built or have effects of its own.
    const auto variable = model.variable_of(list);
    if (!variable) return;
    for (const auto& site : model.uses(variable)) {
      if (model.contains(node, site.node) && !(site.node == list)) return;
    }
    const Node value = append->arguments.positional[0];
    if (has_side_channel(value) || (condition && has_side_channel(condition)) ||
        has_side_channel(node.field(Field::Left)) || has_side_channel(node.field(Field::Right))) {
      return;
    }
    // The loop variables must not be needed after the loop (comprehension variables do not leak).
    std::vector<Node> targets{node.field(Field::Left)};
    while (!targets.empty()) {
      const Node t = targets.back();
      targets.pop_back();
      if (t.is(Kind::Identifier)) {
        const semantic::Binding* b = model.binding_at(t);
        if (b == nullptr || b->symbol == semantic::kNone) return;
        const semantic::Symbol& symbol = model.symbol(b->symbol);
        if (b->scope != symbol.scope) return;  // global / nonlocal target
        for (const semantic::ReferenceId id : symbol.references) {
          if (!model.contains(node, model.reference(id).node)) return;
        }
        continue;
      }
      if (!(t.is(Kind::PatternList) || t.is(Kind::TuplePattern) || t.is(Kind::Tuple) ||
            t.is(Kind::ParenthesizedExpression))) {
        return;  // attribute or subscript targets: the loop stores somewhere
      }
      for (const Node child : t.named_children()) targets.push_back(child);
    }

    const auto size = lint::visible_size(node.field(Field::Right), model);
    const cost::Verdict verdict = ctx.advice_holds({}, size);
    if (!verdict.holds) return;  // e.g. 3.11 with under ~100 items
    const std::string l = lint::quote(list, ctx);
    ctx.report(node.start_byte(), node.field(Field::Right).end_byte(),
               fmt::format("this loop only appends to the new list `{}`: a list comprehension builds it without the "
                           "per-item attribute lookup and call ({})",
                           l, ctx.measured_gain(verdict)));
  }
};

}  // namespace

const lint::Rule& manual_list_comprehension() {
  static const ManualListComprehension rule;
  return rule;
}

}  // namespace pyperf::rules
