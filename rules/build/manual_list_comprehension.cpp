// PPL301 manual-list-comprehension: `L = []` followed by a `for` loop whose only effect is
// appending one value to L, optionally under one `if` per loop and through nested loops (a
// nested comprehension), `async for` included inside `async def` (an async comprehension). Loops
// with other effects are not comprehensions: reading the list being built, walrus, await/yield,
// try, break/else, async for outside `async def`, a target that outlives the loop (used
// afterwards, global or nonlocal), class bodies (a comprehension there cannot see class attributes).
// Constant-factor advice: given only where the measured win holds on the target versions.

#include <fmt/core.h>

#include <vector>

#include "lint/context.hpp"
#include "lint/join_fix.hpp"
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
    .fix = lint::FixAvailability::Sometimes,
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

// Text of an iterable or condition in a comprehension clause, which takes no bare conditional
// expression, lambda or tuple: parenthesized when needed.
std::string clause_text(const Node& expression, const lint::Context& ctx) {
  const std::string_view text = ctx.text(expression);
  if (expression.is(Kind::ConditionalExpression) || expression.is(Kind::Lambda) ||
      expression.is(Kind::ExpressionList)) {
    return fmt::format("({})", text);
  }
  return std::string(text);
}

// A call the comprehension's own frame (up to 3.11) would answer differently: `super()` without
// arguments fails there, `locals()` and friends see the comprehension's names.
bool frame_sensitive(const Node& node, const lint::Context& ctx) {
  return lint::any_in_subtree(node, [&](const Node& n) {
    if (!n.is(Kind::Call)) return false;
    const Node function = n.field(Field::Function);
    for (const std::string_view name : {"super", "locals", "vars", "dir", "eval", "exec", "globals"}) {
      if (function.is(Kind::Identifier) && ctx.text(function) == name) return true;
    }
    return false;
  });
}

// `L = []` + the loop -> `L = [value for ... if ...]`, replacing both statements, the comments
// among them moved above. Unsafe when they cannot be (`x = 1; L = []`), or when a try/with around could read L after an
// exception half-way through the loop. None when a call in the loop depends on the frame it runs in.
std::optional<lint::Fix> comprehension_fix(const Node& init, const Node& loop, const Node& value,
                                           const std::vector<Node>& clauses, const lint::Context& ctx) {
  if (frame_sensitive(loop, ctx)) return std::nullopt;
  const Node assignment = init.named_child(0);
  std::string text = fmt::format("{} = [{}", ctx.text(assignment.field(Field::Left)), ctx.text(value));
  for (const Node& clause : clauses) {
    if (clause.is(Kind::ForStatement)) {
      text += fmt::format(" {}for {} in {}", clause.child(0).is(Kind::KwAsync) ? "async " : "",
                          ctx.text(clause.field(Field::Left)), clause_text(clause.field(Field::Right), ctx));
    } else {
      text += fmt::format(" if {}", clause_text(clause, ctx));
    }
  }
  text += "]";
  // The comments of the replaced range (a `#` that is not inside a string) move to lines of their
  // own above the comprehension; when the first statement does not start its line they would be
  // lost.
  std::string moved;
  bool lost = false;
  const std::string_view src = ctx.source().text();
  const auto indent = lint::line_indent(init, ctx);
  for (auto at = src.find('#', init.start_byte()); at != std::string_view::npos && at < loop.end_byte();
       at = src.find('#', at + 1)) {
    const auto pos = static_cast<std::uint32_t>(at);
    const Node comment = init.parent().descendant_for_bytes(pos, pos + 1);
    if (!comment.is(Kind::Comment)) continue;
    if (!indent) lost = true;
    moved += fmt::format("{}\n{}", ctx.text(comment), indent.value_or(""));
    at = comment.end_byte() - 1;
  }
  const bool safe = !lost && !lint::enclosed_by_try_or_with(loop);
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                          "Build the list with a comprehension")
      .replace(init.start_byte(), loop.end_byte(), lost ? std::move(text) : moved + text)
      .build();
}

class ManualListComprehension final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    if (node.field(Field::Alternative)) return;
    const semantic::Scope& scope = model.scope(ctx.scope());
    if (scope.kind == semantic::ScopeKind::Class) return;
    // `async for` becomes an async comprehension, which only an `async def` may hold.
    const bool async_allowed = scope.kind == semantic::ScopeKind::Function && scope.node.child(0).is(Kind::KwAsync);

    // The loop, any loops nested in it as its only statement (one `for` clause each, in order), and
    // at most one filtering `if` per loop (no elif/else): `for a in x: if c: for b in a: L.append(b)`
    // is `[b for a in x if c for b in a]`.
    std::vector<Node> loops{node};
    std::vector<Node> conditions;
    std::vector<Node> clauses{node};  // the loops and conditions in comprehension order
    Node statement = lint::only_statement(node.field(Field::Body));
    bool filtered = false;  // the innermost loop already has its `if`
    bool async = false;
    for (;;) {
      if (statement.is(Kind::IfStatement) && !filtered) {
        if (statement.field(Field::Alternative)) return;
        conditions.push_back(statement.field(Field::Condition));
        clauses.push_back(statement.field(Field::Condition));
        filtered = true;
        statement = lint::only_statement(statement.field(Field::Consequence));
      } else if (statement.is(Kind::ForStatement)) {
        if (statement.field(Field::Alternative)) return;
        loops.push_back(statement);
        clauses.push_back(statement);
        filtered = false;
        statement = lint::only_statement(statement.field(Field::Body));
      } else {
        break;
      }
    }
    for (const Node& loop : loops) {
      if (!loop.child(0).is(Kind::KwAsync)) continue;
      if (!async_allowed) return;
      async = true;
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
    if (has_side_channel(value)) return;
    for (const Node& condition : conditions) {
      if (has_side_channel(condition)) return;
    }
    // The loop variables must not be needed after the loop (comprehension variables do not leak).
    std::vector<Node> targets;
    for (const Node& loop : loops) {
      if (has_side_channel(loop.field(Field::Left)) || has_side_channel(loop.field(Field::Right))) return;
      targets.push_back(loop.field(Field::Left));
    }
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
    std::string shape;
    if (loops.size() > 1) shape = " (a nested comprehension: one `for` clause per loop, outermost first)";
    if (async) shape += " (an async comprehension: `[... async for ...]`)";
    lint::Diagnostic& d =
        ctx.report(node.start_byte(), node.field(Field::Right).end_byte(),
                   fmt::format("this loop only appends to the new list `{}`: a list comprehension{} builds it without "
                               "the per-item attribute lookup and call ({})",
                               l, shape, ctx.measured_gain(verdict)));
    d.fix = comprehension_fix(previous, node, append->arguments.positional[0], clauses, ctx);
  }
};

}  // namespace

const lint::Rule& manual_list_comprehension() {
  static const ManualListComprehension rule;
  return rule;
}

}  // namespace pyperf::rules
