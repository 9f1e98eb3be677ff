// PPL303 bytes-concat-in-loop: `b += piece` / `b = b + piece` on known bytes inside a loop. bytes
// has no in-place append: every step copies everything so far, O(n²).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/join_fix.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::AugmentedAssignment, Kind::Assignment};

constexpr lint::RuleMeta kMeta{
    .code = "PPL303",
    .name = "bytes-concat-in-loop",
    .summary = "A bytes object is built with += inside a loop, copying it every time",
    .fix_title = "Append to a bytearray, or collect the pieces and b''.join() them once",
    .severity = lint::Severity::Error,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "bytes.concat",
    .cost_after = "bytearray.extend",
};

class BytesConcatInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const auto found = lint::growing_accumulator(node, semantic::ValueKind::Bytes, ctx);
    if (!found) return;
    const auto& [target, kind] = *found;
    lint::Diagnostic& d =
        ctx.report(node, fmt::format("`{} += ...` copies the whole bytes object ({}) on every iteration: O(n²) in all; "
                                     "append to a bytearray (amortized O(1) per byte) or collect the pieces and "
                                     "b''.join() them once",
                                     lint::quote(target, ctx), lint::evidence_note(kind, ctx)));
    d.fix = lint::concat_to_join_fix(node, semantic::ValueKind::Bytes, ctx);
  }
};

}  // namespace

const lint::Rule& bytes_concat_in_loop() {
  static const BytesConcatInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
