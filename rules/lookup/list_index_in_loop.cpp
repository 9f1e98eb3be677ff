// PPL104 list-index-in-loop: `L.index(v)` on a known list, repeated by a loop that leaves L alone.
// A dict of positions built once answers each lookup in O(1).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/hashability.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL104",
    .name = "list-index-in-loop",
    .summary = "list.index() scans the list on every iteration of a loop",
    .fix_title = "Build a dict of positions once, before the loop",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.index",
    .cost_after = "dict.getitem",
};

class ListIndexInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto found = lint::repeated_list_scan(node, "index", ctx);
    if (!found) return;
    const auto& [call, kind, variable] = *found;
    // A dict of positions needs hashable elements (and a hashable key to look up): a list of
    // lists cannot be indexed that way.
    if (!lint::unhashable_elements_reason(call.receiver, ctx.semantic()).empty()) return;
    if (!lint::unhashable_value_reason(call.arguments.positional[0], ctx.semantic()).empty()) return;
    const std::string l = lint::quote(call.receiver, ctx);
    ctx.report(node, fmt::format("`{}.index(...)` scans the list ({}) on every iteration: O(n) per call; index the "
                                 "first positions once before the loop (`pos = {{}}` then `for i, v in "
                                 "enumerate({}): pos.setdefault(v, i)`) for O(1) lookups",
                                 l, lint::evidence_note(kind, ctx), l));
  }
};

}  // namespace

const lint::Rule& list_index_in_loop() {
  static const ListIndexInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
