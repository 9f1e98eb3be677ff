// PPL401 list-for-first-element: `list(x)[0]`, `tuple(x)[0]`, `[... for ...][0]` materialise every
// element to read the first.

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
    .code = "PPL401",
    .name = "list-for-first-element",
    .summary = "A whole list is built only to read its first element",
    .fix_title = "Take the first element with next(iter(...)) or a generator expression",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.materialize",
    .cost_after = "iterator.next",
};

class ListForFirstElement final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const Node index = node.field(Field::SubscriptIndex);
    // Exactly one index, the literal 0 (a slice or a tuple index is something else).
    if (!index || node.named_child_count() != 2 || !syntax::is_int_literal(index, 0, ctx.source().text())) return;
    const Node value = syntax::unparenthesize(node.field(Field::Value));
    if (value.is(Kind::ListComprehension)) {
      lint::Diagnostic& d = ctx.report(node,
                                       "`[...][0]` evaluates the whole comprehension to read its first element: O(n); "
                                       "`next(... for ...)` stops after one element, O(1)");
      for (const Node clause : value.named_children()) {
        if (!clause.is(Kind::ForInClause)) continue;
        d.impact = ctx.impact(lint::visible_collection_size(clause.field(Field::Right), ctx));
        break;
      }
      return;
    }
    for (const char* ctor : {"list", "tuple"}) {
      if (!lint::is_builtin_call(value, ctor, ctx)) continue;
      const auto args = lint::call_arguments(value, ctx);
      if (args.positional.size() != 1 || !args.keywords.empty() || args.has_unpacking) return;
      lint::Diagnostic& d = ctx.report(node, fmt::format("`{}(...)[0]` copies every element to read the first: O(n); "
                                                         "`next(iter(...))` reads one element, O(1)",
                                                         ctor));
      d.impact = ctx.impact(lint::visible_collection_size(args.positional[0], ctx));  // `list(one)[0]` saves little
      return;
    }
  }
};

}  // namespace

const lint::Rule& list_for_first_element() {
  static const ListForFirstElement rule;
  return rule;
}

}  // namespace pyperf::rules
