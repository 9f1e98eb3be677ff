// PPL501 constant-list-to-tuple: a list display of constants, bound to a name that is never
// modified and never handed to code that could modify it, executed on every iteration of a loop.
// A tuple of constants is one constant; the list is rebuilt every time. Outside loops the saving
// is a few tens of nanoseconds per call: on real code (stdlib, site-packages) flagging every
// function-level constant list was hundreds of findings nobody would act on.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using semantic::UseKind;
using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::List};

constexpr lint::RuleMeta kMeta{
    .code = "PPL501",
    .name = "constant-list-to-tuple",
    .summary = "A list of constants that is never modified is rebuilt every time it is executed",
    .fix_title = "Use a tuple: CPython folds it into a single constant",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Always,
    .kinds = kKinds,
    .cost_before = "list.literal-build",
    .cost_after = "tuple.literal-const",
};

// Builtins that treat a tuple exactly like a list (no printing, no type checks).
bool tuple_safe_builtin(std::string_view name) {
  for (const std::string_view b :
       {"len",  "sorted", "set",       "frozenset", "tuple",        "list",       "min",     "max",    "sum",
        "any",  "all",    "enumerate", "zip",       "iter",         "reversed",   "map",     "filter", "dict",
        "join", "extend", "update",    "union",     "intersection", "difference", "fromkeys"}) {
    if (b == name) return true;
  }
  return false;
}

// True when every use would behave the same on a tuple.
bool tuple_compatible(const semantic::Use& use) {
  switch (use.kind) {
    case UseKind::Iterate:
    case UseKind::Index:
      return true;
    case UseKind::BuiltinCall:
      return tuple_safe_builtin(use.member);
    case UseKind::MethodCall:
      return use.member == "index" || use.member == "count";
    case UseKind::Read:
      return use.member == "truth" || use.member == "unpack";
    default:
      return false;  // membership (the set advice wins), slices, comparisons, printing, escapes …
  }
}

// `[a, b]` -> `(a, b)`, `[a]` -> `(a,)`: only the brackets change, so comments inside survive.
// Safe: every use the rule allowed (iteration, indexing, index/count, len and the like, truth
// tests, unpacking) answers the same for a tuple.
std::optional<lint::Fix> tuple_fix(const Node& display, std::size_t count, const lint::Context& ctx) {
  const std::string_view text = ctx.text(display);
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  lint::FixBuilder fix(lint::Applicability::Safe, "Use a tuple");
  fix.replace(display.start_byte(), display.start_byte() + 1, "(");
  if (count == 1) {
    Node last;
    for (const Node element : display.named_children()) {
      if (!element.is(Kind::Comment)) last = element;
    }
    const std::string_view tail = ctx.source().text().substr(last.end_byte(), display.end_byte() - last.end_byte());
    if (tail.find(',') == std::string_view::npos) fix.insert(last.end_byte(), ",");
  }
  fix.replace(display.end_byte() - 1, display.end_byte(), ")");
  return fix.build();
}

class ConstantListToTuple final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const Node assignment = ctx.parent();
    if (!assignment.is(Kind::Assignment) || !(assignment.field(Field::Right) == node)) return;
    if (assignment.field(Field::TypeAnnotation)) return;  // `x: list[str] = [...]` promises a list
    const Node target = assignment.field(Field::Left);
    if (!target.is(Kind::Identifier)) return;
    std::size_t count = 0;
    for (const Node element : node.named_children()) {
      if (element.is(Kind::Comment)) continue;
      if (!lint::is_hashable_constant(element)) return;
      ++count;
    }
    if (count == 0) return;

    const auto& model = ctx.semantic();
    const semantic::Binding* binding = model.binding_at(target);
    if (binding == nullptr || binding->symbol == semantic::kNone) return;
    const semantic::Symbol& symbol = model.symbol(binding->symbol);
    if (symbol.bindings.size() != 1) return;
    if (ctx.loop_depth() == 0) return;  // the build must repeat with every iteration
    const auto variable = model.variable_of(target);
    const semantic::UsageSummary usage = model.usage(variable);
    if (usage.exported || usage.mutated || usage.escapes) return;
    for (const auto& site : model.uses(variable)) {
      if (!tuple_compatible(site.use)) return;
    }
    const cost::Verdict verdict = ctx.advice_holds({}, count);
    if (!verdict.holds) return;  // constant-factor advice: measured per version
    const std::string_view name = target.text(ctx.source().text());
    ctx.report(node, fmt::format("`{}` is a list of {} constant{} that is never modified: it is rebuilt on every "
                                 "iteration, while a tuple of constants is one constant ({} for the loop)",
                                 name, count, count == 1 ? "" : "s", ctx.measured_gain(verdict)))
        .fix = tuple_fix(node, count, ctx);
  }
};

}  // namespace

const lint::Rule& constant_list_to_tuple() {
  static const ConstantListToTuple rule;
  return rule;
}

}  // namespace pyperf::rules
