// PPL102 literal-list-membership: `x in (c1, c2, …)` over hashable constants. CPython folds a
// constant set display in an `in` test into a frozenset constant (one hash probe); a tuple or
// list display is scanned. A display of variables is built at run time and is not flagged.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::ComparisonOperator};

constexpr lint::RuleMeta kMeta{
    .code = "PPL102",
    .name = "literal-list-membership",
    .summary = "Membership test against a list or tuple of constants scans it element by element",
    .fix_title = "Use a set literal: CPython folds it into a frozenset constant",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Always,
    .kinds = kKinds,
    .cost_before = "tuple.contains",
    .cost_after = "frozenset.contains-const",
};

// Measured (a miss against a constant tuple vs a frozenset, CPython 3.11-3.13): strings win from 3 elements on
// 3.11-3.13; numbers only from 5 (a 3-element int miss is 0.58-0.76x, i.e. slower).
constexpr std::size_t kMinStrings = 3;
constexpr std::size_t kMinOther = 5;

bool is_string(const Node& node) {
  return node.is(Kind::String) || node.is(Kind::ConcatenatedString);
}

// A value whose type hashes: then `x in {…}` cannot raise where `x in […]` did not.
bool known_hashable(const Node& value, const lint::Context& ctx) {
  const Node v = syntax::unparenthesize(value);
  if (lint::is_hashable_constant(v)) return true;
  switch (ctx.semantic().kind_of(v).kind) {
    case semantic::ValueKind::Str:
    case semantic::ValueKind::Bytes:
    case semantic::ValueKind::Int:
    case semantic::ValueKind::Float:
    case semantic::ValueKind::Bool:
    case semantic::ValueKind::NoneValue:
      return true;
    default:
      return false;
  }
}

// `[a, b, c]` / `(a, b, c)` -> `{a, b, c}`: only the brackets change, so comments inside survive.
std::optional<lint::Fix> set_literal_fix(const Node& left, const Node& container, const lint::Context& ctx) {
  const std::string_view text = ctx.text(container);
  if (text.size() < 2 || (text.front() != '[' && text.front() != '(') || (text.back() != ']' && text.back() != ')')) {
    return std::nullopt;
  }
  const bool safe = known_hashable(left, ctx);
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe, "Use a set literal")
      .replace(container.start_byte(), container.start_byte() + 1, "{")
      .replace(container.end_byte() - 1, container.end_byte(), "}")
      .build();
}

class LiteralListMembership final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto cmp = lint::binary_comparison(node);
    if (!cmp || (cmp->op != Kind::KwIn && cmp->op != Kind::KwNotIn)) return;
    const Node container = syntax::unparenthesize(cmp->right);
    const bool is_list = container.is(Kind::List);
    if (!is_list && !container.is(Kind::Tuple)) return;
    // An unhashable left operand would make `x in {…}` raise TypeError.
    if (lint::is_unhashable_display(cmp->left)) return;

    std::size_t count = 0;
    bool all_strings = true;
    for (const Node element : container.named_children()) {
      if (element.is(Kind::Comment)) continue;
      if (!lint::is_hashable_constant(element)) return;
      all_strings = all_strings && is_string(syntax::unparenthesize(element));
      ++count;
    }
    if (count < (all_strings ? kMinStrings : kMinOther)) return;

    lint::Diagnostic& d =
        ctx.report(node, fmt::format("`{}` scans a {} of {} constants: O(n) per test; a set literal of constants is "
                                     "folded into a frozenset constant and tests in O(1)",
                                     cmp->op == Kind::KwIn ? "in" : "not in", is_list ? "list" : "tuple", count));
    d.impact = ctx.impact(count);  // the tuple scanned has `count` elements
    d.fix = set_literal_fix(cmp->left, container, ctx);
  }
};

}  // namespace

const lint::Rule& literal_list_membership() {
  static const LiteralListMembership rule;
  return rule;
}

}  // namespace pyperf::rules
