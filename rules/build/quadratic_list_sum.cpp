// PPL305 quadratic-list-sum: `sum(lists, [])`. sum() adds with `+`, so every step builds a new
// list holding everything summed so far.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL305",
    .name = "quadratic-list-sum",
    .summary = "sum() of lists or tuples copies the accumulator on every step",
    .fix_title = "Flatten with itertools.chain.from_iterable or a nested comprehension",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.sum-concat",
    .cost_after = "itertools.chain",
};

// The `start` value: the second positional argument or `start=`.
Node start_argument(const lint::CallArguments& args) {
  if (args.positional.size() == 2) return args.positional[1];
  for (const lint::Keyword& k : args.keywords) {
    if (k.name == "start") return k.value;
  }
  return {};
}

// True when every item of `items` is visibly a `list` display (`tuple`: a tuple display): a display
// of such displays, or a comprehension or generator whose element is one. Then `start + item`
// accepts every item, as chain does, and no subclass's `__radd__` can step in.
bool items_are_displays(const Node& raw, Kind display) {
  const Node items = syntax::unparenthesize(raw);
  if (items.is(Kind::ListComprehension) || items.is(Kind::GeneratorExpression) || items.is(Kind::SetComprehension)) {
    return syntax::unparenthesize(items.field(syntax::Field::Body)).is(display);
  }
  if (!items.is(Kind::List) && !items.is(Kind::Tuple)) return false;
  for (const Node child : items.named_children()) {
    if (child.is(Kind::Comment)) continue;
    if (!syntax::unparenthesize(child).is(display)) return false;
  }
  return true;
}

// `sum(x, [])` -> `list(itertools.chain.from_iterable(x))` (tuple() for `()`), importing itertools.
// Only with an empty start: a non-empty one would have to be put in front.
std::optional<lint::Fix> chain_fix(const Node& call, const lint::CallArguments& args, const Node& start, bool list,
                                   const lint::Context& ctx) {
  const char* ctor = list ? "list" : "tuple";
  // `[0]`, `list(x)`, a comment inside: not an empty start.
  const Node contents = start.is(Kind::Call) ? start.field(syntax::Field::Arguments) : start;
  if (!contents || contents.named_child_count() != 0) return std::nullopt;
  if (!lint::builtin_unshadowed(ctor, ctx)) return std::nullopt;
  if (lint::any_in_subtree(call, [](const Node& n) { return n.is(Kind::Comment); })) return std::nullopt;
  const auto itertools = lint::import_module("itertools", ctx);
  if (!itertools) return std::nullopt;
  const bool safe = items_are_displays(args.positional[0], list ? Kind::List : Kind::Tuple);
  // A generator argument's text keeps its parentheses: `from_iterable((r for r in rows))` stays valid.
  lint::FixBuilder fix(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                       fmt::format("Replace with `{}(itertools.chain.from_iterable(...))`", ctor));
  if (itertools->edit) fix.add(itertools->edit);  // none: already imported
  return fix
      .replace(call, fmt::format("{}({}.chain.from_iterable({}))", ctor, itertools->name, ctx.text(args.positional[0])))
      .build();
}

class QuadraticListSum final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (!lint::is_builtin_call(node, "sum", ctx)) return;
    const auto args = lint::call_arguments(node, ctx);
    if (args.has_unpacking || args.positional.empty()) return;
    const Node start = syntax::unparenthesize(start_argument(args));
    const bool list = start.is(Kind::List) || lint::is_builtin_call(start, "list", ctx);
    const bool tuple = start.is(Kind::Tuple) || lint::is_builtin_call(start, "tuple", ctx);
    if (!list && !tuple) return;
    const char* what = list ? "lists" : "tuples";
    lint::Diagnostic& d =
        ctx.report(node, fmt::format("`sum()` of {} copies the accumulator on every step: O(n²) for n {}; "
                                     "`itertools.chain.from_iterable` or a nested comprehension is O(n)",
                                     what, what));
    d.fix = chain_fix(node, args, start, list, ctx);
  }
};

}  // namespace

const lint::Rule& quadratic_list_sum() {
  static const QuadraticListSum rule;
  return rule;
}

}  // namespace pyperf::rules
