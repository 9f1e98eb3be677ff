#include "lint/context.hpp"

#include "cost/cost_table.hpp"

namespace pyperf::lint {

Diagnostic& Context::report(const syntax::Node& anchor, std::string message) {
  return report(anchor.start_byte(), anchor.end_byte(), std::move(message));
}

Diagnostic& Context::report(std::uint32_t start_byte, std::uint32_t end_byte, std::string message) {
  const RuleMeta& meta = rule_->meta();
  Diagnostic d;
  d.rule = &meta;
  d.start_byte = start_byte;
  d.end_byte = end_byte;
  d.message = std::move(message);
  d.loop_depth = loop_depth();
  d.severity = escalate(meta.severity, meta.tier, d.loop_depth);
  if (const cost::Entry* before = cost::find(meta.cost_before)) d.cost_before = cost::to_string(before->average);
  if (const cost::Entry* after = cost::find(meta.cost_after)) d.cost_after = cost::to_string(after->average);
  sink_.push_back(std::move(d));
  return sink_.back();
}

}  // namespace pyperf::lint
