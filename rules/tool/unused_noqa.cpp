// PPL002 unused-noqa: a `# noqa` directive that suppresses nothing of ours. The suppression filter
// (src/lint/suppression.cpp) reports it after every other rule ran, since only it knows what each
// directive suppressed; the rule object carries the metadata and checks nothing itself.

#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

constexpr lint::RuleMeta kMeta{
    .code = "PPL002",
    .name = "unused-noqa",
    .summary = "A `noqa` directive suppresses no pyperf-lint finding",
    .fix_title = "Remove the directive, or the codes of ours that it lists in vain",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Tool,
    .stability = lint::Stability::Preview,
    .fix = lint::FixAvailability::None,
    .kinds = {},  // nothing to dispatch: check() would be called for nothing
    .cost_before = "",
    .cost_after = "",
};

class UnusedNoqa final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }
  void check(const syntax::Node&, lint::Context&) const override {}
};

}  // namespace

const lint::Rule& unused_noqa() {
  static const UnusedNoqa rule;
  return rule;
}

}  // namespace pyperf::rules
