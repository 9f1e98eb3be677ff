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
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.sort",
    .cost_after = "builtin.min-max",
};

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
    for (const lint::Keyword& k : args.keywords) {
      if (k.name == "key") {
        keyed = true;
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
    ctx.report(node, fmt::format("sorting the whole input to read one end costs O(n log n); `{}(...{})` is one "
                                 "O(n) pass{}",
                                 fn, key, ties));
  }
};

}  // namespace

const lint::Rule& sorted_for_min_max() {
  static const SortedForMinMax rule;
  return rule;
}

}  // namespace pyperf::rules
