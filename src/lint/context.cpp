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
  d.impact = impact_score(meta, cost_change(meta), site,
                          cost::typical_ratio(meta.code, {}, options_.target_version, site.iterations));
  sink_.push_back(std::move(d));
  return sink_.back();
}

int Context::impact(std::optional<std::uint64_t> n) const {
  const RuleMeta& meta = rule_->meta();
  return impact_score(meta, cost_change(meta), frequency(n),
                      cost::typical_ratio(meta.code, {}, options_.target_version, n));
}

namespace {

// True when a statement after `statement` in `block` always leaves the loop: `break`, `return`
// or `raise` (the caller only asks outside any `try` of the loop, which could catch it).
bool exits_after(const syntax::Node& block, const syntax::Node& statement, bool raise_leaves) {
  bool after = false;
  for (const syntax::Node s : block.named_children()) {
    if (after && (s.is(syntax::Kind::BreakStatement) || s.is(syntax::Kind::ReturnStatement) ||
                  (raise_leaves && s.is(syntax::Kind::RaiseStatement)))) {
      return true;
    }
    if (s.start_byte() == statement.start_byte() && s.end_byte() == statement.end_byte()) after = true;
  }
  return false;
}

}  // namespace

bool Context::leaves_loop(bool* in_handler) const {
  if (leaves_loop_ >= 0 && in_handler == nullptr) return leaves_loop_ == 1;
  bool leaves = false;
  if (loop_ != semantic::kNone && node_ && model_.loop(loop_).kind != semantic::LoopKind::Comprehension) {
    const std::vector<syntax::PathStep> path = syntax::path_down(model_.loop(loop_).node, node_);
    // Inside a `try` of the loop an exception can skip the exit and go round again
    // (`try: i = L.index(v); break / except ValueError: ...`): only exits above it count.
    bool in_try = false;
    for (std::size_t i = 1; i + 1 < path.size(); ++i) {
      const syntax::Node& step = path[i].node;
      if (step.is(syntax::Kind::TryStatement)) in_try = true;
      if (step.is(syntax::Kind::ExceptClause) && in_handler != nullptr) *in_handler = true;
      if (!in_try && step.is(syntax::Kind::Block) && exits_after(step, path[i + 1].node, true)) {
        leaves = true;
        break;
      }
    }
  }
  leaves_loop_ = leaves ? 1 : 0;
  return leaves;
}

std::uint32_t Context::loop_depth() const {
  const std::uint32_t depth = model_.loop_depth(loop_);
  return depth > 0 && leaves_loop() ? depth - 1 : depth;
}

SiteFrequency Context::frequency(std::optional<std::uint64_t> n) const {
  SiteFrequency site;
  site.n = n;
  site.iterations = loop_size();
  semantic::ScopeId scope = scope_;
  while (model_.scope(scope).kind == semantic::ScopeKind::Comprehension &&
         model_.scope(scope).parent != semantic::kNone) {
    scope = model_.scope(scope).parent;
  }
  const auto scope_kind = model_.scope(scope).kind;
  site.import_time = scope_kind == semantic::ScopeKind::Module || scope_kind == semantic::ScopeKind::Class;
  leaves_loop(&site.rare_branch);
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
