#include "lint/context.hpp"

#include <charconv>

#include <fmt/core.h>

#include "cost/cost_table.hpp"
#include "syntax/expressions.hpp"

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
  const SiteFrequency site = frequency();
  d.loop_depth = site.repeats;
  d.severity = escalate(meta.severity, meta.tier, d.loop_depth);
  if (const auto change = cost_change(meta)) {
    d.cost_before = cost::to_string(change->before.average);
    d.cost_after = cost::to_string(change->after.average);
  }
  d.impact = score(site, site.iterations);
  sink_.push_back(std::move(d));
  return sink_.back();
}

int Context::impact(std::optional<std::uint64_t> n) const {
  return score(frequency(n), n);
}

int Context::score(const SiteFrequency& site, std::optional<std::uint64_t> measured_at) const {
  const RuleMeta& meta = rule_->meta();
  return impact_score(meta, cost_change(meta), site,
                      cost::typical_ratio(meta.code, {}, options_.target_version, measured_at));
}

bool Context::in_loop_handler() const {
  if (loop_ == semantic::kNone || !node_ || model_.loop(loop_).kind == semantic::LoopKind::Comprehension) return false;
  const std::vector<syntax::PathStep> path = syntax::path_down(model_.loop(loop_).node, node_);
  for (std::size_t i = 1; i + 1 < path.size(); ++i) {
    if (path[i].node.is(syntax::Kind::ExceptClause)) return true;
  }
  return false;
}

std::uint32_t Context::loop_depth() const {
  const std::uint32_t depth = model_.loop_depth(loop_);
  return depth > 0 && leaves_loop_ ? depth - 1 : depth;
}

SiteFrequency Context::frequency(std::optional<std::uint64_t> n) const {
  SiteFrequency site;
  site.n = n;
  site.iterations = loop_size();
  const auto scope_kind = model_.scope(model_.running_scope(scope_)).kind;
  site.import_time = scope_kind == semantic::ScopeKind::Module || scope_kind == semantic::ScopeKind::Class;
  site.rare_branch = in_loop_handler();
  site.repeats = loop_depth();
  return site;
}

std::string Context::measured_gain(const cost::Verdict& verdict) const {
  const cost::PythonVersion target = options_.target_version;
  const std::string versions = target == cost::kNewestVersion
                                   ? cost::dotted(target)
                                   : fmt::format("{}-{}", cost::dotted(target), cost::dotted(cost::kNewestVersion));
  return fmt::format("{:.2f}x measured on CPython {}", verdict.median_ratio, versions);
}

std::optional<std::uint64_t> Context::loop_size() const {
  if (loop_ == semantic::kNone) return std::nullopt;
  return visible_size(model_.loop(loop_).iterable, model_);
}

std::optional<std::uint64_t> visible_size(const syntax::Node& expression, const semantic::Model& model) {
  const syntax::Node iterable = syntax::unparenthesize(expression);
  if (iterable.is(syntax::Kind::List) || iterable.is(syntax::Kind::Tuple) || iterable.is(syntax::Kind::Set)) {
    std::uint64_t n = 0;
    for (const syntax::Node element : iterable.named_children()) {
      if (element.is(syntax::Kind::ListSplat)) return std::nullopt;
      if (!element.is(syntax::Kind::Comment)) ++n;
    }
    return n;
  }
  // range(N) with a literal N, when `range` is the builtin.
  if (!iterable.is(syntax::Kind::Call) || !model.is_builtin(iterable.field(syntax::Field::Function), "range")) {
    return std::nullopt;
  }
  const syntax::Node args = iterable.field(syntax::Field::Arguments);
  if (args.named_child_count() != 1 || !args.named_child(0).is(syntax::Kind::Integer)) return std::nullopt;
  const std::string_view digits = model.text(args.named_child(0));
  std::uint64_t n = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
  return n;
}

cost::Verdict Context::advice_holds(std::string_view variant, std::optional<std::uint64_t> size) const {
  return cost::advice_holds(rule_->meta().code, variant, options_.target_version, size);
}

}  // namespace pyperf::lint
