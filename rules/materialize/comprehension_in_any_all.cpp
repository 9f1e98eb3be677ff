// PPL404 comprehension-in-any-all: `any([...])` / `all([...])` build the whole list before the
// first test; a generator expression lets any()/all() stop at the first decisive element.

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
    .code = "PPL404",
    .name = "comprehension-in-any-all",
    .summary = "any()/all() over a list comprehension evaluates every element before testing",
    .fix_title = "Drop the brackets: pass a generator expression",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "list.comprehension-all",
    .cost_after = "generator.short-circuit",
};

class ComprehensionInAnyAll final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const char* fn = nullptr;
    for (const char* name : {"any", "all"}) {
      if (lint::is_builtin_call(node, name, ctx)) fn = name;
    }
    if (fn == nullptr) return;
    const auto args = lint::call_arguments(node, ctx);
    if (args.positional.size() != 1 || !args.keywords.empty() || args.has_unpacking) return;
    const Node arg = syntax::unparenthesize(args.positional[0]);
    if (!arg.is(Kind::ListComprehension)) return;
    ctx.report(arg, fmt::format("`{}([...])` builds the whole list before testing: always O(n); a generator "
                                "expression stops at the first {} element",
                                fn, std::string_view(fn) == "any" ? "true" : "false"));
  }
};

}  // namespace

const lint::Rule& comprehension_in_any_all() {
  static const ComprehensionInAnyAll rule;
  return rule;
}

}  // namespace pyperf::rules
