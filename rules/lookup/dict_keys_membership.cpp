// PPL103 dict-keys-membership: `k in d.keys()` on a value known to be a dict. `k in d` tests the
// same keys without building a view. Only known dicts: other types with keys() (sqlite3.Row,
// pandas objects, user classes) may define `in` differently.

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
    .code = "PPL103",
    .name = "dict-keys-membership",
    .summary = "Membership test against d.keys() builds a keys view for every test",
    .fix_title = "Test the dict directly: `k in d`",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Always,
    .kinds = kKinds,
    .cost_before = "dict.keys-contains",
    .cost_after = "dict.contains",
};

class DictKeysMembership final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto cmp = lint::binary_comparison(node);
    if (!cmp || (cmp->op != Kind::KwIn && cmp->op != Kind::KwNotIn)) return;
    const auto call = lint::method_call(syntax::unparenthesize(cmp->right), ctx);
    if (!call || call->method != "keys" || !call->arguments.positional.empty() || !call->arguments.keywords.empty() ||
        call->arguments.has_unpacking) {
      return;
    }
    const semantic::KindInfo receiver = ctx.semantic().kind_of(call->receiver);
    if (!semantic::has_mapping_protocol(receiver.kind)) return;
    const cost::Verdict verdict = ctx.advice_holds({}, std::nullopt);
    if (!verdict.holds) return;  // constant-factor advice: measured per version
    const std::string d = lint::quote(call->receiver, ctx);
    lint::Diagnostic& diagnostic =
        ctx.report(node, fmt::format("`{} {}.keys()` builds a keys view for every test; `{} {}` tests the {} ({}) "
                                     "directly ({})",
                                     cmp->op == Kind::KwIn ? "in" : "not in", d,
                                     cmp->op == Kind::KwIn ? "in" : "not in", d, semantic::to_string(receiver.kind),
                                     lint::evidence_note(receiver, ctx), ctx.measured_gain(verdict)));
    // A dict (or a Mapping, whose keys view tests `k in mapping`) answers `in` as its keys view does.
    const Node keys_call = syntax::unparenthesize(cmp->right);
    diagnostic.fix = lint::FixBuilder(lint::Applicability::Safe, fmt::format("Replace `{}.keys()` with `{}`", d, d))
                         .replace(keys_call, std::string(ctx.text(call->receiver)))
                         .build();
  }
};

}  // namespace

const lint::Rule& dict_keys_membership() {
  static const DictKeysMembership rule;
  return rule;
}

}  // namespace pyperf::rules
