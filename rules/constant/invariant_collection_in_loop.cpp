// PPL502 invariant-collection-in-loop: `set(L)`, `frozenset(L)`, `dict(L)`, `list(L)`, `tuple(L)`,
// `sorted(L)` rebuilt on every iteration from a collection the loop does not change, where the
// result is only read (membership, iteration, len …), so one copy built before the loop serves.

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
    .code = "PPL502",
    .name = "invariant-collection-in-loop",
    .summary = "The same collection is rebuilt from unchanged input on every iteration",
    .fix_title = "Build it once before the loop",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "set.build",
    .cost_after = "set.contains",
};

bool reiterable(ValueKind k) {
  return k == ValueKind::List || k == ValueKind::Tuple || k == ValueKind::Set || k == ValueKind::FrozenSet ||
         semantic::is_dict_like(k) || k == ValueKind::Str || k == ValueKind::Range || k == ValueKind::Deque;
}

// The result is only read where it stands: `x in set(L)`, `for v in sorted(L)`, `len(list(L))`.
bool read_only_use(const Node& call, const lint::Context& ctx) {
  const Node& parent = ctx.parent();  // of `call`, the node being checked
  if (parent.is(Kind::ComparisonOperator)) {
    const auto cmp = lint::binary_comparison(parent);
    return cmp && (cmp->op == Kind::KwIn || cmp->op == Kind::KwNotIn) && cmp->right == call;
  }
  if (parent.is(Kind::ForStatement) || parent.is(Kind::ForInClause)) return parent.field(Field::Right) == call;
  if (parent.is(Kind::ArgumentList)) {
    const Node& outer = ctx.grandparent();
    for (const std::string_view f : {"len", "min", "max", "sum", "any", "all"}) {
      if (lint::is_builtin_call(outer, f, ctx)) return true;
    }
  }
  return false;
}

class InvariantCollectionInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const auto& model = ctx.semantic();
    const char* builder = nullptr;
    for (const char* name : {"set", "frozenset", "dict", "list", "tuple", "sorted"}) {
      if (lint::is_builtin_call(node, name, ctx)) builder = name;
    }
    if (builder == nullptr) return;
    const auto args = lint::call_arguments(node, ctx);
    if (args.positional.size() != 1 || args.has_unpacking) return;
    if (!args.keywords.empty() && std::string_view(builder) != "sorted") return;
    const Node input = syntax::unparenthesize(args.positional[0]);
    if (!input.is(Kind::Identifier) && !input.is(Kind::Attribute)) return;
    const semantic::KindInfo kind = model.kind_of(input);
    if (!reiterable(kind.kind)) return;  // an iterator would be exhausted after the first build
    const auto variable = model.variable_of(input);
    if (!variable || !model.invariant_in(variable, ctx.loop())) return;
    if (lint::few_iterations(model.loop(ctx.loop()), ctx)) return;
    if (!read_only_use(node, ctx)) return;  // a fresh copy may be what the loop needs
    const std::string i = lint::quote(input, ctx);
    ctx.report(node, fmt::format("`{}({})` rebuilds the same {} on every iteration, though `{}` ({}) does not change "
                                 "in the loop: O(n) per iteration; build it once before the loop",
                                 builder, i, std::string_view(builder) == "sorted" ? "list" : builder, i,
                                 lint::evidence_note(kind, ctx)));
  }
};

}  // namespace

const lint::Rule& invariant_collection_in_loop() {
  static const InvariantCollectionInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
