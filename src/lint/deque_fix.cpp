// The list -> collections.deque fix shared by PPL201, PPL202 and PPL203 (see deque_fix.hpp).

#include "lint/deque_fix.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "syntax/expressions.hpp"

namespace pyperf::lint {
namespace {

using semantic::Model;
using semantic::UseKind;
using syntax::Field;
using syntax::Kind;
using syntax::Node;

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Methods a deque has with the list's meaning. Not `copy` (it would hand out a deque) nor `sort`.
bool deque_method(std::string_view m) {
  return one_of(m, {"append", "appendleft", "pop", "popleft", "extend", "extendleft", "insert", "remove", "clear",
                    "count", "index", "reverse", "rotate"});
}

bool is_mutation(const Model::UseSite& site) {
  switch (site.use.kind) {
    case UseKind::MethodCall:
      return !one_of(site.use.member, {"count", "index"});
    case UseKind::IndexStore:
    case UseKind::IndexDelete:
    case UseKind::AugAssign:
    case UseKind::Delete:
      return true;
    default:
      return false;
  }
}

// A generator expression consumed at once by a builtin that drains it (`sum(x for x in q)`): the
// deque cannot change while it is iterated.
bool consumed_at_once(const Node& genexp, const Context& ctx) {
  Node call = genexp.parent();
  if (call.is(Kind::ArgumentList)) call = call.parent();
  if (!call.is(Kind::Call)) return false;
  const Node function = call.field(Field::Function);
  if (function.is(Kind::Attribute)) return ctx.text(function.field(Field::Attribute)) == "join";
  for (const std::string_view name :
       {"sum", "any", "all", "min", "max", "sorted", "list", "tuple", "set", "frozenset"}) {
    if (ctx.semantic().is_builtin(function, name)) return true;
  }
  return false;
}

// The code that runs while a `for` statement or comprehension clause iterates the list: a list
// mutated there goes on (or skips), a deque raises RuntimeError. Null when unknown.
Node iteration_region(const Node& loop, const Context& ctx) {
  if (loop.is(Kind::ForStatement)) return loop.field(Field::Body);
  if (loop.is(Kind::ForInClause)) {
    const Node comprehension = loop.parent();
    if (comprehension.is(Kind::GeneratorExpression) && !consumed_at_once(comprehension, ctx)) return {};
    return comprehension;
  }
  return {};
}

// The text that builds the deque from the binding's value, or nullopt when the value is not a
// fresh list we know how to wrap.
std::optional<std::string> deque_constructor(const Node& value, std::string_view deque, const Context& ctx) {
  if (value.is(Kind::List)) {
    if (value.named_child_count() == 0) return fmt::format("{}()", deque);
    return fmt::format("{}({})", deque, ctx.text(value));
  }
  if (value.is(Kind::ListComprehension)) return fmt::format("{}({})", deque, ctx.text(value));
  if (value.is(Kind::Call)) {
    const Node function = value.field(Field::Function);
    const CallArguments args = call_arguments(value, ctx);
    if (ctx.semantic().is_builtin(function, "list")) {
      if (!args.keywords.empty() || args.has_unpacking || args.positional.size() > 1) return std::nullopt;
      return fmt::format("{}{}", deque, ctx.text(value.field(Field::Arguments)));
    }
    if (ctx.semantic().is_builtin(function, "sorted")) return fmt::format("{}({})", deque, ctx.text(value));
    // `text.split(...)`, `text.splitlines()` on a known str or bytes: always a new list (a user
    // class's `split` might return one kept elsewhere, which the deque's copy would stop mutating).
    if (function.is(Kind::Attribute) &&
        one_of(ctx.text(function.field(Field::Attribute)), {"split", "rsplit", "splitlines"}) &&
        ctx.semantic().kind_of(value).kind == semantic::ValueKind::List) {
      const semantic::ValueKind receiver = ctx.semantic().kind_of(function.field(Field::Object)).kind;
      if (receiver != semantic::ValueKind::Str && receiver != semantic::ValueKind::Bytes) return std::nullopt;
      return fmt::format("{}({})", deque, ctx.text(value));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Fix> list_to_deque_fix(const Model::Variable& variable, const Context& ctx) {
  const Model& model = ctx.semantic();
  const std::string_view src = ctx.source().text();
  if (variable.symbol == semantic::kNone) return std::nullopt;  // `self.attr`: uses across the class
  const semantic::Symbol& symbol = model.symbol(variable.symbol);
  if (symbol.bindings.size() != 1 || model.captured_by_nested_scope(variable)) return std::nullopt;
  if (model.usage(variable).exported) return std::nullopt;
  const semantic::Binding& binding = model.binding(symbol.bindings.front());
  if (binding.kind != semantic::BindingKind::Assignment || binding.unpacked || binding.annotation) return std::nullopt;
  const Node statement = binding.statement;
  if (!statement.is(Kind::Assignment) || !(statement.field(Field::Left) == binding.target) ||
      statement.field(Field::TypeAnnotation)) {
    return std::nullopt;  // `a = b = []` aliases the list; an annotation would need rewriting too
  }
  const Node value = syntax::unparenthesize(statement.field(Field::Right));
  if (!value || !(binding.value && syntax::unparenthesize(binding.value) == value)) return std::nullopt;
  const semantic::ScopeKind scope = model.scope(binding.scope).kind;
  if (scope != semantic::ScopeKind::Function && scope != semantic::ScopeKind::Module) return std::nullopt;

  // `deque`, else `collections.deque` (the bare name is kept out of when the word appears anywhere
  // in the file, a comment included, or is bound to something else).
  auto imported = import_name("collections", "deque", ctx);
  if (!imported) {
    imported = import_module("collections", ctx);
    if (!imported) return std::nullopt;
    imported->name += ".deque";
  }
  const auto constructor = deque_constructor(value, imported->name, ctx);
  if (!constructor) return std::nullopt;

  const std::string name(symbol.name);
  // Module-level: another module may import the name and expect a list.
  FixBuilder fix(scope == semantic::ScopeKind::Function ? Applicability::Safe : Applicability::Unsafe,
                 fmt::format("Make `{}` a `collections.deque` and use its O(1) front operations", name));
  fix.replace(value, *constructor);
  if (imported->edit) fix.add(imported->edit);  // none: already imported

  const auto uses = model.uses(variable);
  std::vector<Node> mutations;
  for (const auto& site : uses) {
    if (is_mutation(site)) mutations.push_back(site.node);
  }
  const auto mutated_within = [&](const Node& region) {
    return !region ||
           std::any_of(mutations.begin(), mutations.end(), [&](const Node& m) { return model.contains(region, m); });
  };

  for (const auto& site : uses) {
    const semantic::Use& use = site.use;
    switch (use.kind) {
      case UseKind::MethodCall: {
        if (!deque_method(use.member)) return std::nullopt;
        if (use.member != "pop" && use.member != "insert") break;
        const auto call = method_call(use.site, ctx);
        if (!call) return std::nullopt;
        const CallArguments& args = call->arguments;
        if (!args.keywords.empty() || args.has_unpacking || args.generator_argument) return std::nullopt;
        const Node method = use.site.field(Field::Function).field(Field::Attribute);
        if (use.member == "pop") {
          if (args.positional.empty()) break;  // pop() from the end: the same on a deque
          if (args.positional.size() != 1 || !syntax::is_int_literal(args.positional[0], 0, src)) {
            return std::nullopt;  // deque.pop() takes no index
          }
          fix.replace(method, "popleft");
          fix.replace(use.site.field(Field::Arguments), "()");
          break;
        }
        if (args.positional.size() != 2) return std::nullopt;
        if (!syntax::is_int_literal(args.positional[0], 0, src)) break;  // deque.insert(i, x) exists
        fix.replace(method, "appendleft");
        fix.remove(args.positional[0].start_byte(), args.positional[1].start_byte());
        break;
      }
      case UseKind::Index:
      case UseKind::IndexStore: {
        const Node index = use.site.field(Field::SubscriptIndex);
        if (!syntax::is_int_literal(index, 0, src) && !syntax::is_int_literal(index, -1, src)) return std::nullopt;
        break;
      }
      case UseKind::IndexDelete: {
        const Node index = use.site.field(Field::SubscriptIndex);
        if (syntax::is_int_literal(index, -1, src)) break;  // `del d[-1]` works on a deque
        const Node del = use.site.parent();
        if (!syntax::is_int_literal(index, 0, src) || !del.is(Kind::DeleteStatement) || del.named_child_count() != 1 ||
            !(del.named_child(0) == use.site)) {
          return std::nullopt;
        }
        fix.replace(del, fmt::format("{}.popleft()", name));
        break;
      }
      case UseKind::Membership:
        break;
      case UseKind::Read:
        // A truth test, a bare statement, `*q`: the same on a deque. Not `+`, `==`, formatting.
        if (!one_of(use.member, {"truth", "statement", "unpack", "index"})) return std::nullopt;
        break;
      case UseKind::Iterate:
        if (mutated_within(iteration_region(use.site, ctx))) return std::nullopt;
        break;
      case UseKind::BuiltinCall: {
        if (one_of(use.member, {"sorted", "len", "list", "tuple", "set", "any", "all", "sum", "min", "max", "bool",
                                "join", "extend", "update"})) {
          break;  // consumes the deque at once
        }
        if (!one_of(use.member, {"iter", "enumerate", "zip", "reversed"})) return std::nullopt;
        // An iterator over the deque: only when a loop consumes it and leaves the deque alone.
        const Node parent = use.site.parent();
        if (!(parent.is(Kind::ForStatement) || parent.is(Kind::ForInClause)) ||
            !(parent.field(Field::Right) == use.site) || mutated_within(iteration_region(parent, ctx))) {
          return std::nullopt;
        }
        break;
      }
      case UseKind::Delete:
        break;
      default:
        return std::nullopt;  // escapes, slices, `+=`, attribute reads: a deque would not do
    }
  }
  return fix.build();
}

}  // namespace pyperf::lint
