// PPL403 unnecessary-list-cast: `for v in list(X)` (or a comprehension over `list(X)`) where nothing
// the loop runs can modify X. The copy protects against mutation during iteration; when no such
// mutation is possible it only costs an O(n) copy. X is a name or attribute holding a known
// collection, or `d.items()` / `d.keys()` / `d.values()` of a known dict; "cannot modify" is the
// model's loop invariance (not rebound, not mutated, and no opaque call when other code can reach X).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using semantic::ValueKind;
using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL403",
    .name = "unnecessary-list-cast",
    .summary = "A list() copy is made before iterating, though nothing in the loop can modify the original",
    .fix_title = "Iterate the original directly",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Always,
    .kinds = kKinds,
    .cost_before = "list.cast-iterate",
    .cost_after = "iterable.iterate",
};

bool immutable(ValueKind kind) {
  return kind == ValueKind::Tuple || kind == ValueKind::Str || kind == ValueKind::Bytes ||
         kind == ValueKind::FrozenSet || kind == ValueKind::Range;
}

class UnnecessaryListCast final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto& model = ctx.semantic();
    if (!lint::is_builtin_call(node, "list", ctx)) return;
    // The call must be the iterable of a for statement or of a comprehension clause.
    const Node& parent = ctx.parent();
    if (!(parent.is(Kind::ForStatement) || parent.is(Kind::ForInClause)) || !(parent.field(Field::Right) == node)) {
      return;
    }
    const auto args = lint::call_arguments(node, ctx);
    if (args.positional.size() != 1 || !args.keywords.empty() || args.has_unpacking) return;
    const Node original = syntax::unparenthesize(args.positional[0]);
    // The code the copy guards: the loop statement, or the whole comprehension. A generator runs
    // wherever it is consumed (`s.update(f(x) for x in list(s))` mutates s while iterating), so
    // generator expressions are left alone.
    const Node loop = parent.is(Kind::ForStatement) ? parent : ctx.grandparent();
    if (loop.is(Kind::GeneratorExpression)) return;
    // `list(d.items())` copies the items of the dict `d`: what must stay unchanged is `d`.
    Node collection = original;
    std::string_view view;
    if (const auto call = lint::method_call(original, ctx); call) {
      if (!(call->method == "items" || call->method == "keys" || call->method == "values") ||
          !call->arguments.positional.empty() || !call->arguments.keywords.empty() || call->arguments.has_unpacking) {
        return;
      }
      collection = syntax::unparenthesize(call->receiver);
      view = call->method;
    }
    const semantic::KindInfo kind = model.kind_of(collection);
    if (!view.empty() && !semantic::is_dict_like(kind.kind)) return;

    const bool immutable_input = view.empty() && immutable(kind.kind);
    bool safe = immutable_input;
    if (!safe && (collection.is(Kind::Identifier) || collection.is(Kind::Attribute))) {
      // Only re-iterable collections: list(iterator) and iterating the iterator are the same,
      // but we leave one-shot values alone rather than guess.
      if (!(kind.kind == ValueKind::List || kind.kind == ValueKind::Set || semantic::is_dict_like(kind.kind) ||
            kind.kind == ValueKind::Deque)) {
        return;
      }
      const auto variable = model.variable_of(collection);
      const semantic::LoopId id = lint::loop_of_iterable(node, ctx);
      if (!variable || id == semantic::kNone ||
          !model.invariant_in(variable, id, semantic::Model::Callers::Untrusted)) {
        return;  // the copy protects against a caller's alias changed by a callback: keep it
      }
      // A closure over the collection may change it when the loop calls it (or something that
      // calls it back): networkx `expandBlossom(b)` deletes from `blossomdual` while the loop
      // walks `list(blossomdual.keys())`.
      if (model.captured_by_nested_scope(variable)) return;
      // A yield or await in the loop hands control to other code between iterations: it may
      // change the collection (a generator's consumer often does).
      if (lint::suspends_within(loop, ctx)) return;
      // An attribute of a class that creates a lock lives in objects shared between threads: the
      // copy may guard against another thread (`list(deque)` is one C call under the GIL;
      // iterating the deque raises if another thread appends meanwhile).
      if (lint::class_creates_lock(variable.attribute_class, ctx)) return;
      safe = true;
    }
    if (!safe || !ctx.advice_holds({}, std::nullopt).holds) return;
    const std::string o = lint::quote(original, ctx);
    const std::string what = view.empty() ? std::string(semantic::to_string(kind.kind))
                                          : fmt::format("{} of the dict `{}`", view, lint::quote(collection, ctx));
    // An immutable collection cannot change: dropping its copy is safe. A mutable one is left
    // unchanged by everything the file shows, but a thread or a callback the model cannot see
    // could still change it, and iterating it then raises RuntimeError (or skips items) where the
    // copy did not: unsafe.
    ctx.report(node, fmt::format("`list({})` copies the {} before iterating, but nothing in the loop can modify it: "
                                 "iterate `{}` directly and save an O(n) copy",
                                 o, what, o))
        .fix = lint::FixBuilder(immutable_input ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                                fmt::format("Iterate `{}` directly", o))
                   .replace(node, std::string(ctx.text(args.positional[0])))
                   .build();
  }
};

}  // namespace

const lint::Rule& unnecessary_list_cast() {
  static const UnnecessaryListCast rule;
  return rule;
}

}  // namespace pyperf::rules
