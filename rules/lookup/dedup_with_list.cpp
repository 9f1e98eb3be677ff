// PPL106 dedup-with-list: `if x not in seen: seen.append(x)` in a loop, on a known list. Every test
// scans everything kept so far: O(n²) over the loop.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::IfStatement};

constexpr lint::RuleMeta kMeta{
    .code = "PPL106",
    .name = "dedup-with-list",
    .summary = "De-duplicating with a list scans everything kept so far on every item",
    .fix_title = "Track seen items in a set (or use dict.fromkeys when order matters)",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.contains",
    .cost_after = "set.contains",
};

// True when `block` holds a statement `<list>.append(<item>)` (same text for both).
bool appends(const Node& block, std::string_view list, std::string_view item, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  for (const Node statement : block.named_children()) {
    if (!statement.is(Kind::ExpressionStatement)) continue;
    const auto call = lint::method_call(syntax::unparenthesize(statement.named_child(0)), ctx);
    if (!call || call->method != "append" || call->arguments.positional.size() != 1) continue;
    if (call->receiver.text(src) == list && call->arguments.positional[0].text(src) == item) return true;
  }
  return false;
}

class DedupWithList final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const auto cmp = lint::binary_comparison(syntax::unparenthesize(node.field(Field::Condition)));
    if (!cmp || cmp->op != Kind::KwNotIn) return;
    const Node list = syntax::unparenthesize(cmp->right);
    if (!list.is(Kind::Identifier) && !list.is(Kind::Attribute)) return;
    const std::string_view src = ctx.source().text();
    if (!appends(node.field(Field::Consequence), list.text(src), cmp->left.text(src), ctx)) return;
    const semantic::KindInfo kind = ctx.semantic().kind_of(list);
    if (kind.kind != semantic::ValueKind::List) return;
    if (lint::is_unhashable_display(cmp->left)) return;
    if (lint::in_type_error_handler(node, ctx)) return;  // the fallback for unhashable items
    const std::string l = lint::quote(list, ctx);
    ctx.report(syntax::unparenthesize(node.field(Field::Condition)),
               fmt::format("`not in {}` scans the list ({}) that this loop appends to: O(n) per item, O(n²) in all; "
                           "track seen items in a set (O(1) per test), or use `dict.fromkeys(...)` when the order "
                           "of first appearance matters",
                           l, lint::evidence_note(kind, ctx)));
  }
};

}  // namespace

const lint::Rule& dedup_with_list() {
  static const DedupWithList rule;
  return rule;
}

}  // namespace pyperf::rules
