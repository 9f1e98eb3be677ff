// PPL107 linear-search-lookup: a `for` over a known list whose body compares the element (or one
// of its fields) with a key and returns or breaks on the match, repeated (inside another loop, or
// on every call of a function searching a module-level list or `self` attribute). A dict keyed by
// that field, built once, finds it in O(1). The same search written as
// `next((x for x in L if x.key == k), default)` is flagged too (anchored on its `for` clause).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::ForStatement, Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL107",
    .name = "linear-search-lookup",
    .summary = "A loop searches a list for the element matching a key on every lookup",
    .fix_title = "Index the elements by that key in a dict built once",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.contains",
    .cost_after = "dict.getitem",
};

// True when `expr` mentions an identifier spelled `name` (a small subtree, walked with a cursor).
bool mentions(const Node& expr, std::string_view name, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  return lint::any_in_subtree(expr, [&](const Node& n) { return n.is(Kind::Identifier) && n.text(src) == name; });
}

// The element side of `==`: the loop variable itself, `var.attr`, or `var[const]`.
bool is_element_key(const Node& raw, std::string_view var, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  const Node e = syntax::unparenthesize(raw);
  if (e.is(Kind::Identifier)) return e.text(src) == var;
  if (e.is(Kind::Attribute)) return syntax::unparenthesize(e.field(Field::Object)).text(src) == var;
  if (e.is(Kind::Subscript)) {
    const Node index = e.field(Field::SubscriptIndex);
    return syntax::unparenthesize(e.field(Field::Value)).text(src) == var &&
           (index.is(Kind::Integer) || index.is(Kind::String));
  }
  return false;
}

bool ends_search(const Node& block) {
  Node last;
  for (const Node statement : block.named_children()) {
    if (!statement.is(Kind::Comment)) last = statement;
  }
  return last.is(Kind::ReturnStatement) || last.is(Kind::BreakStatement);
}

class LinearSearchLookup final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (node.is(Kind::Call)) {
      check_next(node, ctx);
      return;
    }
    const std::string_view src = ctx.source().text();
    const Node target = node.field(Field::Left);
    if (!target.is(Kind::Identifier)) return;
    const std::string_view var = target.text(src);
    const Node iterable = syntax::unparenthesize(node.field(Field::Right));
    if (!iterable.is(Kind::Identifier) && !iterable.is(Kind::Attribute)) return;

    // The body is one `if <element key> == <key>: ...; return/break`.
    const Node only = lint::only_statement(node.field(Field::Body));
    if (!only.is(Kind::IfStatement) || only.field(Field::Alternative)) return;
    const auto cmp = lint::binary_comparison(syntax::unparenthesize(only.field(Field::Condition)));
    if (!cmp || cmp->op != Kind::OpEq) return;
    Node key = cmp->right;
    Node element = cmp->left;
    if (!is_element_key(element, var, ctx)) std::swap(key, element);
    if (!is_element_key(element, var, ctx) || mentions(key, var, ctx)) return;
    if (!ends_search(only.field(Field::Consequence))) return;

    report_if_repeated(node.start_byte(), iterable, element, key, ctx);
  }

 private:
  // `next(<expr> for var in L if <element key> == <key>)` or `next((...), default)`.
  static void check_next(const Node& call, lint::Context& ctx) {
    const std::string_view src = ctx.source().text();
    if (!lint::is_builtin_call(call, "next", ctx)) return;
    const auto args = lint::call_arguments(call, ctx);
    if (args.positional.empty() || args.positional.size() > 2 || !args.keywords.empty() || args.has_unpacking) return;
    const Node genexp = syntax::unparenthesize(args.positional[0]);
    if (!genexp.is(Kind::GeneratorExpression)) return;
    Node clause;
    Node condition;
    for (const Node child : genexp.named_children()) {
      if (child.is(Kind::ForInClause)) {
        if (clause) return;  // nested clauses: not one search
        clause = child;
      } else if (child.is(Kind::IfClause)) {
        if (condition) return;
        condition = child.named_child(0);
      }
    }
    if (!clause || !condition) return;
    const Node target = clause.field(Field::Left);
    if (!target.is(Kind::Identifier)) return;
    const std::string_view var = target.text(src);
    const Node iterable = syntax::unparenthesize(clause.field(Field::Right));
    if (!iterable.is(Kind::Identifier) && !iterable.is(Kind::Attribute)) return;
    const auto cmp = lint::binary_comparison(syntax::unparenthesize(condition));
    if (!cmp || cmp->op != Kind::OpEq) return;
    Node key = cmp->right;
    Node element = cmp->left;
    if (!is_element_key(element, var, ctx)) std::swap(key, element);
    if (!is_element_key(element, var, ctx) || mentions(key, var, ctx)) return;
    report_if_repeated(clause.start_byte(), iterable, element, key, ctx);
  }

  static void report_if_repeated(std::uint32_t start, const Node& iterable, const Node& element, const Node& key,
                                 lint::Context& ctx) {
    const auto& model = ctx.semantic();
    const semantic::KindInfo kind = model.kind_of(iterable);
    if (kind.kind != semantic::ValueKind::List) return;
    const auto variable = model.variable_of(iterable);
    if (!variable) return;
    // Worth it only when the search repeats while the list stays the same.
    bool repeated = false;
    if (ctx.loop_depth() > 0) {
      // A nested function closing over the list may change it between searches.
      repeated = model.invariant_in(variable, ctx.loop()) && !model.captured_by_nested_scope(variable);
    } else {
      semantic::ScopeId scope = ctx.scope();
      const bool in_function = model.scope(scope).kind == semantic::ScopeKind::Function;
      const bool persistent = variable.attribute_class != semantic::kNone ||
                              (variable.symbol != semantic::kNone && model.symbol(variable.symbol).scope == 0);
      repeated = in_function && persistent && !model.usage(variable).mutated;
    }
    if (!repeated) return;

    const Node element_expr = syntax::unparenthesize(element);
    const std::string field = element_expr.is(Kind::Identifier) ? "the element" : lint::quote(element_expr, ctx);
    const std::string l = lint::quote(iterable, ctx);
    // Anchor the `for ... in ...` header, not the whole loop.
    ctx.report(start, iterable.end_byte(),
               fmt::format("linear search through `{}` ({}) for the element whose `{}` equals `{}`: O(n) per lookup; "
                           "index `{}` by that key in a dict built once (O(1) per lookup)",
                           l, lint::evidence_note(kind, ctx), field, lint::quote(key, ctx), l));
  }
};

}  // namespace

const lint::Rule& linear_search_lookup() {
  static const LinearSearchLookup rule;
  return rule;
}

}  // namespace pyperf::rules
