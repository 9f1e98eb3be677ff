// PPL402 sorted-for-min-max: `sorted(x)[0]`, `sorted(x)[-1]`, `sorted(x, reverse=True)[0]` sort the
// whole input to read one end. Only the forms whose min()/max() rewrite keeps the result on ties
// are called equivalent; `[-1]` returns the *last* of equal maxima, max() the first.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Subscript};

constexpr lint::RuleMeta kMeta{
    .code = "PPL402",
    .name = "sorted-for-min-max",
    .summary = "The whole input is sorted only to read its smallest or largest element",
    .fix_title = "Use min() or max()",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.sort",
    .cost_after = "builtin.min-max",
};

// A display of at least one number literal or at least one string literal, never both (directly or
// through a function's local name bound to one that nothing changes): not empty, and ordered totally (no NaN, no
// sets, no user comparisons), so that min()/max() and the sort agree on every element.
bool ordered_constants(const Node& raw, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  Node display = syntax::unparenthesize(raw);
  if (display.is(Kind::Identifier)) {
    const semantic::KindInfo kind = model.kind_of(display);
    const auto variable = model.variable_of(display);
    if (kind.evidence != semantic::Evidence::Literal || !variable || model.usage(variable).mutated) return false;
    // A module's or class's name can be emptied or extended from elsewhere (`m.scores.clear()`).
    if (variable.symbol == semantic::kNone ||
        model.scope(model.symbol(variable.symbol).scope).kind != semantic::ScopeKind::Function) {
      return false;
    }
    display = kind.origin;
  }
  if (!display.is(Kind::List) && !display.is(Kind::Tuple) && !display.is(Kind::Set)) return false;
  std::size_t numbers = 0;
  std::size_t strings = 0;
  for (const Node child : display.named_children()) {
    if (child.is(Kind::Comment)) continue;
    const Node v = syntax::unparenthesize(child);
    const Node number = v.is(Kind::UnaryOperator) ? v.field(Field::Argument) : v;
    if (number.is(Kind::Integer) || number.is(Kind::Float)) {
      ++numbers;
    } else if ((v.is(Kind::String) || v.is(Kind::ConcatenatedString)) && lint::is_hashable_constant(v)) {
      ++strings;
    } else {
      return false;
    }
  }
  return (numbers > 0) != (strings > 0);
}

// `sorted(x, key=k, reverse=r)[i]` -> `min(x, key=k)` / `max(x, key=k)`. Exact on ties only where the
// sort's stability picks the first of equal elements, as min()/max() do: `[0]` (either direction).
std::optional<lint::Fix> min_max_fix(const Node& subscript, const Node& call, const lint::CallArguments& args,
                                     const Node& key, bool tie_exact, const char* fn, const lint::Context& ctx) {
  if (!lint::builtin_unshadowed(fn, ctx)) return std::nullopt;
  if (lint::is_store_target(subscript, ctx)) return std::nullopt;  // `sorted(x)[0] = v`: a call cannot be assigned
  if (lint::any_in_subtree(call, [](const Node& n) { return n.is(Kind::Comment); })) return std::nullopt;
  const bool safe = tie_exact && !key && ordered_constants(args.positional[0], ctx);
  std::string text = args.generator_argument
                         ? fmt::format("{}{}", fn, ctx.text(args.positional[0]))
                         : fmt::format("{}({}{}{})", fn, ctx.text(args.positional[0]), key ? ", key=" : "",
                                       key ? ctx.text(key) : std::string_view{});
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                          fmt::format("Replace with `{}()`", fn))
      .replace(subscript, std::move(text))
      .build();
}

class SortedForMinMax final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const std::string_view src = ctx.source().text();
    const Node index = node.field(Field::SubscriptIndex);
    if (!index || node.named_child_count() != 2) return;
    const bool first = syntax::is_int_literal(index, 0, src);
    const bool last = syntax::is_int_literal(index, -1, src);
    if (!first && !last) return;
    const Node call = syntax::unparenthesize(node.field(Field::Value));
    if (!lint::is_builtin_call(call, "sorted", ctx)) return;
    const auto args = lint::call_arguments(call, ctx);
    if (args.positional.size() != 1 || args.has_unpacking) return;
    bool reverse = false;
    bool keyed = false;
    Node key_value;
    for (const lint::Keyword& k : args.keywords) {
      if (k.name == "key") {
        keyed = true;
        key_value = k.value;
      } else if (k.name == "reverse") {
        const Node v = syntax::unparenthesize(k.value);
        if (v.is(Kind::True)) {
          reverse = true;
        } else if (!v.is(Kind::False)) {
          return;  // a computed direction: we cannot tell min from max
        }
      } else {
        return;
      }
    }
    const bool wants_max = first == reverse;  // [0] ascending -> min, [0] descending -> max
    const char* fn = wants_max ? "max" : "min";
    const std::string key = keyed ? ", key=..." : "";
    // Sorting is stable: [0] picks the first of equal elements, like min()/max(); [-1] the last.
    const std::string ties =
        last ? fmt::format(" (on ties `[-1]` returns the last equal element, `{}()` the first)", fn) : "";
    lint::Diagnostic& d =
        ctx.report(node, fmt::format("sorting the whole input to read one end costs O(n log n); `{}(...{})` is one "
                                     "O(n) pass{}",
                                     fn, key, ties));
    d.fix = min_max_fix(node, call, args, key_value, first, fn, ctx);
  }
};

}  // namespace

const lint::Rule& sorted_for_min_max() {
  static const SortedForMinMax rule;
  return rule;
}

}  // namespace pyperf::rules
