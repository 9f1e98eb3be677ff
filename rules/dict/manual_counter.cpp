// PPL603 manual-counter: counting by hand in a dict inside a loop —
//   if k in d: d[k] += 1  else: d[k] = 1      (or the `not in` mirror)
//   d[k] = d.get(k, 0) + 1
//   if k not in d: d[k] = 0      then   d[k] += 1
//   d.setdefault(k, 0)           then   d[k] += 1
// Only dicts that hold counts and nothing else: one that elsewhere gets other values or other
// increments (`d[k] += n`, `d[k] = []`) is not a Counter.
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

constexpr Kind kKinds[] = {Kind::IfStatement, Kind::Assignment, Kind::AugmentedAssignment};

constexpr lint::RuleMeta kMeta{
    .code = "PPL603",
    .name = "manual-counter",
    .summary = "Counting by hand in a dict inside a loop",
    .fix_title = "Use collections.Counter (or d.get(k, 0) + 1)",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "dict.manual-count",
    .cost_after = "counter.build",
};

// `d[k] += 1` as a statement (or the augmented assignment itself).
bool increments(const Node& statement, std::string_view dict, std::string_view key, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  if (!statement.is(Kind::ExpressionStatement) && !statement.is(Kind::AugmentedAssignment)) return false;
  const Node s = statement.is(Kind::AugmentedAssignment) ? statement : statement.named_child(0);
  if (s.is(Kind::AugmentedAssignment)) {
    const Node target = s.field(Field::Left);
    return s.field(Field::Operator).text(src) == "+=" && target.is(Kind::Subscript) &&
           target.field(Field::Value).text(src) == dict && target.field(Field::SubscriptIndex).text(src) == key &&
           syntax::is_int_literal(s.field(Field::Right), 1, src);
  }
  return false;
}

// `d[k] = <value>` (1, or 0 before an increment) as a statement.
bool initialises(const Node& statement, std::string_view dict, std::string_view key, const lint::Context& ctx,
                 long long value = 1) {
  const std::string_view src = ctx.source().text();
  if (!statement.is(Kind::ExpressionStatement)) return false;
  const Node s = statement.named_child(0);
  if (!s.is(Kind::Assignment)) return false;
  const Node target = s.field(Field::Left);
  return target.is(Kind::Subscript) && target.field(Field::Value).text(src) == dict &&
         target.field(Field::SubscriptIndex).text(src) == key &&
         syntax::is_int_literal(s.field(Field::Right), value, src);
}

// `d.get(k, 0) + 1`, with `d` and `k` spelled as given (empty: any).
bool get_plus_one(const Node& value, std::string_view dict, std::string_view key, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  const Node right = syntax::unparenthesize(value);
  if (!right.is(Kind::BinaryOperator) || right.field(Field::Operator).text(src) != "+" ||
      !syntax::is_int_literal(right.field(Field::Right), 1, src)) {
    return false;
  }
  const auto get = lint::method_call(syntax::unparenthesize(right.field(Field::Left)), ctx);
  if (!get || get->method != "get" || get->arguments.positional.size() != 2 || !get->arguments.keywords.empty() ||
      !syntax::is_int_literal(get->arguments.positional[1], 0, src)) {
    return false;
  }
  return (dict.empty() || get->receiver.text(src) == dict) &&
         (key.empty() || get->arguments.positional[0].text(src) == key);
}

// The statement before `statement` in its block, comments skipped; null when none.
Node previous_statement(const Node& statement) {
  Node prev = statement.prev_named_sibling();
  while (prev.is(Kind::Comment)) prev = prev.prev_named_sibling();
  return prev;
}

// True when every store into the dict is a count: `d[k] += 1`, `d[k] = 0 / 1`,
// `d[k] = d.get(k, 0) + 1`, `d.setdefault(k, 0)`, and nothing pours other values in (`update`).
// A dict that also holds sums, lists or decrements is not a Counter.
bool holds_only_counts(const semantic::Model::Variable& variable, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  const std::string_view src = ctx.source().text();
  for (const auto& site : model.uses(variable)) {
    if (site.use.kind == semantic::UseKind::IndexStore) {
      const Node store = site.use.site.parent();  // O(depth): once per store of a candidate dict
      if (store.is(Kind::AugmentedAssignment)) {
        if (store.field(Field::Operator).text(src) != "+=" ||
            !syntax::is_int_literal(store.field(Field::Right), 1, src)) {
          return false;
        }
      } else if (store.is(Kind::Assignment) && store.field(Field::Left) == site.use.site) {
        const Node value = store.field(Field::Right);
        if (!syntax::is_int_literal(value, 0, src) && !syntax::is_int_literal(value, 1, src) &&
            !get_plus_one(value, {}, {}, ctx)) {
          return false;
        }
      } else {
        return false;  // a for target, an unpacking …
      }
    } else if (site.use.kind == semantic::UseKind::SliceStore) {
      return false;
    } else if (site.use.kind == semantic::UseKind::MethodCall) {
      if (site.use.member == "update" || site.use.member == "fromkeys") return false;
      if (site.use.member == "setdefault") {
        const auto call = lint::method_call(site.use.site, ctx);
        if (!call || call->arguments.positional.size() != 2 ||
            !syntax::is_int_literal(call->arguments.positional[1], 0, src)) {
          return false;
        }
      }
    }
  }
  return true;
}

// Uses of the dict that cannot tell a Counter from a dict holding the same counts: the counting
// itself, `k in d`, iteration, the read-only views and `get`, and builtins that see only keys,
// values or the length. Not `d[k]` reads (a missing key reads 0 instead of raising KeyError), not
// `print(d)` or an f-string (the repr differs), not `d | other` (a Counter union keeps maxima), and
// nothing that lets the dict escape (returned, passed on, aliased: `type(d) is dict` is false).
bool counter_indistinguishable(const semantic::Model::UseSite& site, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  switch (site.use.kind) {
    case semantic::UseKind::IndexStore:  // only counts, checked by holds_only_counts
    case semantic::UseKind::Membership:
    case semantic::UseKind::Iterate:
      return true;
    case semantic::UseKind::MethodCall:
      if (site.use.member == "setdefault") {
        // `d.setdefault(k, 0)` as a statement of its own; its result would be a value read.
        return site.use.site.parent().is(Kind::ExpressionStatement);
      }
      if (site.use.member == "get") {
        const auto call = lint::method_call(site.use.site, ctx);
        return call && call->arguments.positional.size() == 2 && call->arguments.keywords.empty() &&
               syntax::is_int_literal(call->arguments.positional[1], 0, src);
      }
      return site.use.member == "keys" || site.use.member == "values" || site.use.member == "items";
    case semantic::UseKind::BuiltinCall:
      for (const char* name : {"len", "sorted", "list", "set", "tuple", "frozenset", "sum", "min", "max", "any", "all",
                               "iter", "enumerate", "reversed"}) {
        if (site.use.member == name) return true;
      }
      return false;
    default:
      return false;
  }
}

// `d = {}` -> `d = Counter()` and the counting statement(s) at this site -> `d[k] += 1`. Only for a
// local name bound once to an empty `{}` or `dict()`, counted with a plain name as key (an
// expression key would be evaluated once instead of two or three times).
std::optional<lint::Fix> counter_fix(const Node& anchor, const Node& dict, const Node& key,
                                     const semantic::KindInfo& kind, const Node& last, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  const std::string_view src = ctx.source().text();
  if (!dict.is(Kind::Identifier) || !key.is(Kind::Identifier)) return std::nullopt;
  const auto variable = model.variable_of(dict);
  if (!variable || variable.symbol == semantic::kNone) return std::nullopt;
  const semantic::Symbol& symbol = model.symbol(variable.symbol);
  if (symbol.bindings.size() != 1) return std::nullopt;
  const semantic::Binding& binding = model.binding(symbol.bindings.front());
  const Node init = binding.value;
  if (!init || !(init == kind.origin) || !binding.statement.is(Kind::Assignment) ||
      !binding.statement.field(Field::Left).is(Kind::Identifier) ||
      !binding.statement.parent().is(Kind::ExpressionStatement)) {  // `a = d = {}` makes an alias
    return std::nullopt;
  }
  const bool empty_display = init.is(Kind::Dictionary) && init.named_child_count() == 0;
  const bool empty_call = lint::is_builtin_call(init, "dict", ctx) && init.field(Field::Arguments) &&
                          init.field(Field::Arguments).named_child_count() == 0;
  if (!empty_display && !empty_call) return std::nullopt;
  // The counting statements go whole: no comment may sit among them.
  if (lint::any_in_subtree(anchor, [](const Node& n) { return n.is(Kind::Comment); })) return std::nullopt;
  // `Counter`, else `collections.Counter` when the bare name is taken (or merely mentioned).
  std::optional<lint::ImportedName> counter = lint::import_name("collections", "Counter", ctx);
  if (!counter) {
    counter = lint::import_module("collections", ctx);
    if (!counter) return std::nullopt;
    counter->name += ".Counter";
  }
  // A module-level or class-level dict can be read from elsewhere (`from m import counts`).
  bool safe =
      model.scope(symbol.scope).kind == semantic::ScopeKind::Function && !model.captured_by_nested_scope(variable);
  for (const auto& site : model.uses(variable)) safe = safe && counter_indistinguishable(site, ctx);
  lint::FixBuilder fix(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                       fmt::format("Count with `{}`", counter->name));
  if (counter->edit) fix.add(counter->edit);  // none: already imported
  fix.replace(init, fmt::format("{}()", counter->name));
  const std::string increment = fmt::format("{}[{}] += 1", dict.text(src), key.text(src));
  if (last) {
    // The guard (`if k not in d: d[k] = 0` / `d.setdefault(k, 0)`) goes, up to the increment.
    if (!(last.prev_named_sibling() == anchor)) return std::nullopt;
    fix.remove(anchor.start_byte(), last.start_byte());
  } else {
    fix.replace(anchor, increment);
  }
  return fix.build();
}

class ManualCounter final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const std::string_view src = ctx.source().text();
    Node dict;
    Node key;
    Node anchor = node;
    Node increment_statement;  // the guard forms: the `d[k] += 1` statement kept after the guard
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
    } else if (node.is(Kind::Assignment)) {
      // d[k] = d.get(k, 0) + 1
      const Node target = node.field(Field::Left);
      if (!target.is(Kind::Subscript)) return;
      dict = syntax::unparenthesize(target.field(Field::Value));
      key = target.field(Field::SubscriptIndex);
      if (!get_plus_one(node.field(Field::Right), dict.text(src), key.text(src), ctx)) return;
    } else {
      // `d[k] += 1` after a guard that creates the key with 0: the guard is where the count starts.
      const Node target = node.field(Field::Left);
      if (!target.is(Kind::Subscript) || !ctx.parent().is(Kind::ExpressionStatement)) return;
      dict = syntax::unparenthesize(target.field(Field::Value));
      key = target.field(Field::SubscriptIndex);
      const std::string_view d = dict.text(src);
      const std::string_view k = key.text(src);
      if (!increments(node, d, k, ctx)) return;
      const Node prev = previous_statement(ctx.parent());
      if (prev.is(Kind::IfStatement)) {
        // if k not in d: d[k] = 0
        const auto cmp = lint::binary_comparison(syntax::unparenthesize(prev.field(Field::Condition)));
        if (!cmp || cmp->op != Kind::KwNotIn || syntax::unparenthesize(cmp->right).text(src) != d ||
            syntax::unparenthesize(cmp->left).text(src) != k || prev.field(Field::Alternative) ||
            !initialises(lint::only_statement(prev.field(Field::Consequence)), d, k, ctx, 0)) {
          return;
        }
      } else if (prev.is(Kind::ExpressionStatement)) {
        // d.setdefault(k, 0)
        const auto call = lint::method_call(prev.named_child(0), ctx);
        if (!call || call->method != "setdefault" || call->receiver.text(src) != d ||
            call->arguments.positional.size() != 2 || !call->arguments.keywords.empty() ||
            call->arguments.positional[0].text(src) != k ||
            !syntax::is_int_literal(call->arguments.positional[1], 0, src)) {
          return;
        }
      } else {
        return;
      }
      anchor = prev;
      increment_statement = ctx.parent();
      if_else = true;  // two dict operations per item, like the if/else: the same measurements
    }
    if (!dict.is(Kind::Identifier) && !dict.is(Kind::Attribute)) return;
    const semantic::KindInfo kind = ctx.semantic().kind_of(dict);
    if (kind.kind != semantic::ValueKind::Dict && kind.kind != semantic::ValueKind::OrderedDict) return;
    const auto variable = ctx.semantic().variable_of(dict);
    if (!variable || !holds_only_counts(variable, ctx)) return;

    const std::string d = lint::quote(dict, ctx);
    const auto size = ctx.loop_size();
    // Each flagged form has its own measurement of the Counter advice.
    const cost::Verdict counter = ctx.advice_holds(if_else ? std::string_view{} : "counter-from-get", size);
    if (counter.holds) {
      lint::Diagnostic& diagnostic =
          ctx.report(anchor, fmt::format("counting by hand in `{}` ({}): `collections.Counter(...)` counts in C ({})",
                                         d, lint::evidence_note(kind, ctx), ctx.measured_gain(counter)));
      diagnostic.fix = counter_fix(anchor, dict, key, kind, increment_statement, ctx);
      return;
    }
    // Counter is slower for small inputs on some target version: give the advice that is not.
    if (const cost::Verdict get = ctx.advice_holds("get", size); if_else && get.holds) {
      ctx.report(anchor, fmt::format("counting by hand in `{0}` ({1}) tests and indexes the dict twice per item; "
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
