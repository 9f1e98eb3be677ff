// PPL101 membership-test-on-list: `x in L` where L is known to hold a list, run on every iteration
// of a loop that does not change L, or on every call of a function testing a module-level list.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/hashability.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using semantic::ValueKind;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::ComparisonOperator};

constexpr lint::RuleMeta kMeta{
    .code = "PPL101",
    .name = "membership-test-on-list",
    .summary = "Membership test scans a list on every iteration or call",
    .fix_title = "Build a set once (outside the loop) and test against it",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "list.contains",
    .cost_after = "set.contains",
};

// A literal list too small for a set to pay off (same measured thresholds as PPL102).
bool small_literal(const Node& display) {
  std::size_t count = 0;
  bool strings = true;
  for (const Node element : display.named_children()) {
    if (element.is(Kind::Comment)) continue;
    if (lint::is_unhashable_display(element)) return true;  // a set could not even hold it
    const Node e = syntax::unparenthesize(element);
    strings = strings && (e.is(Kind::String) || e.is(Kind::ConcatenatedString));
    ++count;
  }
  return count < (strings ? 3U : 5U);
}

// Kinds whose values hash by value, consistently with `==`: a set answers `in` for them exactly as a
// list scan does.
bool hashes_by_value(ValueKind kind) {
  switch (kind) {
    case ValueKind::Str:
    case ValueKind::Bytes:
    case ValueKind::Int:
    case ValueKind::Float:
    case ValueKind::Bool:
    case ValueKind::NoneValue:
      return true;
    default:
      return false;
  }
}

bool known_hashable(const Node& value, const semantic::Model& model) {
  return lint::is_hashable_constant(syntax::unparenthesize(value)) || hashes_by_value(model.kind_of(value).kind);
}

// Whether every element the list can hold is known to hash by value: a display of constants
// nothing adds to, or an element kind (annotation, comprehension) that does.
bool elements_known_hashable(const Node& list, const semantic::KindInfo& kind, const semantic::Model& model) {
  const auto variable = model.variable_of(list);
  if (kind.evidence == semantic::Evidence::Literal && kind.origin.is(Kind::List) && variable &&
      !model.usage(variable).mutated) {
    for (const Node element : kind.origin.named_children()) {
      if (!element.is(Kind::Comment) && !lint::is_hashable_constant(syntax::unparenthesize(element))) return false;
    }
    return true;
  }
  return hashes_by_value(model.element_kind(list).kind);
}

// `x in L` in a loop -> `L_set = set(L)` before the loop and `x in L_set`. Unsafe unless both sides
// are known to hash by value: a set raises TypeError on an unhashable operand or element, and uses
// __hash__ where the scan used only __eq__.
std::optional<lint::Fix> hoisted_set_fix(const Node& left, const Node& right_operand, const Node& list,
                                         const semantic::KindInfo& kind, const semantic::Model::Variable& variable,
                                         const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  const auto scope_kind = model.scope(model.running_scope(ctx.scope())).kind;
  if (scope_kind != semantic::ScopeKind::Function) return std::nullopt;  // a new module or class attribute
  const Node statement = lint::hoist_statement(variable, ctx);
  if (!statement) return std::nullopt;
  const std::string_view base =
      list.is(Kind::Attribute) ? ctx.text(list.field(syntax::Field::Attribute)) : ctx.text(list);
  const std::string name = lint::fresh_name(fmt::format("{}_set", base), ctx);
  const bool safe = known_hashable(left, model) && elements_known_hashable(list, kind, model);
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                          fmt::format("Build `{} = set({})` before the loop and test against it", name, ctx.text(list)))
      .add(lint::insert_line_before(statement, fmt::format("{} = set({})", name, ctx.text(list)), ctx))
      .replace(right_operand, name)
      .build();
}

// A module-level `NAME = [constants]` only tested (and iterated) -> `NAME = {constants}`. Every
// finding of the list carries the same edits, so they apply once.
std::optional<lint::Fix> set_display_fix(const semantic::Model::Variable& variable, const semantic::KindInfo& kind,
                                         const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  if (kind.evidence != semantic::Evidence::Literal || !kind.origin.is(Kind::List)) return std::nullopt;
  const semantic::Symbol& symbol = model.symbol(variable.symbol);
  if (symbol.bindings.size() != 1) return std::nullopt;
  const semantic::Binding& binding = model.binding(symbol.bindings.front());
  if (binding.kind != semantic::BindingKind::Assignment || binding.value != kind.origin) return std::nullopt;
  std::size_t count = 0;
  for (const Node element : kind.origin.named_children()) {
    if (element.is(Kind::Comment)) continue;
    if (!lint::is_hashable_constant(syntax::unparenthesize(element))) return std::nullopt;
    ++count;
  }
  if (count == 0) return std::nullopt;  // `{}` is a dict
  // Other modules may import a public name and use it as a list.
  bool safe = symbol.name.starts_with('_');
  for (const auto& site : model.uses(variable)) {
    if (site.use.kind == semantic::UseKind::Iterate) {
      safe = false;  // a set iterates in another order, and without duplicates
      continue;
    }
    if (site.use.kind != semantic::UseKind::Membership) return std::nullopt;  // indexing, methods, calls …
    const auto cmp = lint::binary_comparison(site.use.site);
    if (!cmp || !known_hashable(cmp->left, model)) safe = false;
  }
  const Node display = kind.origin;
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                          fmt::format("Define `{}` as a set", symbol.name))
      .replace(display.start_byte(), display.start_byte() + 1, "{")
      .replace(display.end_byte() - 1, display.end_byte(), "}")
      .build();
}

class MembershipTestOnList final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto& model = ctx.semantic();
    const auto cmp = lint::binary_comparison(node);
    if (!cmp || (cmp->op != Kind::KwIn && cmp->op != Kind::KwNotIn)) return;
    const Node right = syntax::unparenthesize(cmp->right);
    if (!right.is(Kind::Identifier) && !right.is(Kind::Attribute)) return;  // displays: PPL102
    const semantic::KindInfo kind = model.kind_of(right);
    if (kind.kind != ValueKind::List) return;
    const auto variable = model.variable_of(right);
    if (!variable) return;
    // A set needs hashable elements and a hashable left operand.
    if (lint::is_unhashable_display(cmp->left)) return;
    const ValueKind left = model.kind_of(cmp->left).kind;
    if (left == ValueKind::List || left == ValueKind::Set || semantic::is_dict_like(left)) return;
    // A small display stays small unless something adds to it (`found = []` filled by a loop).
    if (kind.evidence == semantic::Evidence::Literal && small_literal(kind.origin) && !model.usage(variable).mutated) {
      return;
    }
    if (lint::in_type_error_handler(node, ctx)) return;  // the fallback for unhashable items
    // A set cannot hold lists (`rows.append([a, b])`) nor instances whose class drops __hash__.
    if (!lint::unhashable_elements_reason(right, model).empty()) return;
    if (!lint::unhashable_value_reason(cmp->left, model).empty()) return;

    const std::string op = cmp->op == Kind::KwIn ? "in" : "not in";
    const std::string name = lint::quote(right, ctx);
    const std::string why = lint::evidence_note(kind, ctx);
    if (ctx.loop_depth() > 0) {
      // A set built once goes stale if the loop changes the list (dedup loops are PPL106).
      if (!model.invariant_in(variable, ctx.loop())) return;
      if (lint::few_iterations(model.loop(ctx.loop()), ctx)) return;
      lint::Diagnostic& d = ctx.report(node, fmt::format("`{} {}` scans the list `{}` ({}) on every iteration: O(n) "
                                                         "per test; build a set once before the loop for O(1) tests",
                                                         op, name, name, why));
      d.impact = ctx.impact(lint::visible_collection_size(right, ctx));
      d.fix = hoisted_set_fix(cmp->left, cmp->right, right, kind, variable, ctx);
      return;
    }
    // Outside a loop: a module-level list tested inside a function is scanned on every call.
    if (variable.symbol == semantic::kNone) return;
    if (model.symbol(variable.symbol).scope != 0) return;
    const auto scope_kind = model.scope(model.running_scope(ctx.scope())).kind;
    if (scope_kind != semantic::ScopeKind::Function && scope_kind != semantic::ScopeKind::Lambda) return;
    const semantic::UsageSummary usage = model.usage(variable);
    if (usage.mutated || usage.exported) return;  // a set copy would not follow its changes
    // Public lowercase module lists are often extended by importers (urllib.parse.uses_netloc):
    // only private (_name) or constant-style (UPPER_CASE) names are safe to redefine.
    const std::string_view symbol_name = model.symbol(variable.symbol).name;
    const bool private_name = symbol_name.starts_with('_');
    bool upper = true;
    for (const char c : symbol_name) upper = upper && !(c >= 'a' && c <= 'z');
    if (!private_name && !upper) return;
    ctx.report(node, fmt::format("`{} {}` scans the module-level list `{}` ({}) on every call: O(n) per test; "
                                 "define it as a set or frozenset for O(1) tests",
                                 op, name, name, why))
        .fix = set_display_fix(variable, kind, ctx);
  }
};

}  // namespace

const lint::Rule& membership_test_on_list() {
  static const MembershipTestOnList rule;
  return rule;
}

}  // namespace pyperf::rules
