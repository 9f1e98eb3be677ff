// PPL002 unused-noqa: a `# noqa` directive that suppresses nothing of ours. Only the suppression
// filter knows what each directive suppressed, so this rule runs on its outcome, after every
// other rule (lint::SuppressionRule), and is dispatched on no node.

#include <algorithm>

#include <fmt/format.h>

#include "lint/context.hpp"
#include "lint/suppression.hpp"

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
    .fix = lint::FixAvailability::Always,
    .kinds = {},  // run on the suppression outcome, not dispatched on nodes
    .cost_before = "",
    .cost_after = "",
};

// Why the directive is unused, code by code; empty when every code of ours did suppress something.
std::string unused_message(const lint::LineDirective& ld, std::span<const lint::Rule* const> enabled) {
  const lint::NoqaDirective& d = ld.directive;
  if (d.blanket) return "unused blanket `noqa` directive: it suppresses nothing";
  std::vector<std::string> unused;
  std::vector<std::string> disabled;
  std::vector<std::string> unknown;
  std::vector<std::string> duplicated;
  for (std::size_t k = 0; k < d.codes.size(); ++k) {
    const lint::NoqaCode& code = d.codes[k];
    if (!code.ours || ld.used[k]) continue;
    const std::string quoted = fmt::format("`{}`", code.text);
    if (code.rule == nullptr) {
      unknown.push_back(quoted);
    } else if (std::any_of(d.codes.begin(), d.codes.begin() + static_cast<std::ptrdiff_t>(k),
                           [&](const lint::NoqaCode& earlier) { return earlier.rule == code.rule; })) {
      duplicated.push_back(quoted);
    } else if (std::none_of(enabled.begin(), enabled.end(),
                            [&](const lint::Rule* r) { return &r->meta() == code.rule; })) {
      disabled.push_back(quoted);
    } else {
      unused.push_back(quoted);
    }
  }
  std::string parts;
  auto add = [&](std::string_view label, const std::vector<std::string>& codes) {
    if (codes.empty()) return;
    if (!parts.empty()) parts += "; ";
    parts += fmt::format("{}: {}", label, fmt::join(codes, ", "));
  };
  add("unused", unused);
  add("non-enabled", disabled);
  add("unknown", unknown);
  add("duplicated", duplicated);
  return parts.empty() ? "" : fmt::format("unused `noqa` directive ({})", parts);
}

// Removes what the directive lists in vain: the whole directive when nothing else is left, else
// the codes of ours that suppressed nothing (other tools' codes and used ones stay). Safe when only
// codes of enabled rules that suppressed nothing (or repeat) go; unsafe for a blanket directive
// (other tools may rely on it) and for codes of rules not enabled in this run (another
// configuration may enable them).
std::optional<lint::Fix> removal_fix(const lint::LineDirective& ld, std::span<const lint::Rule* const> enabled,
                                     const lint::Context& ctx) {
  const lint::NoqaDirective& d = ld.directive;
  const syntax::SourceText& source = ctx.source();
  const std::string_view text = source.text();
  const std::uint32_t comment_end =
      source.line_start(ld.line) + static_cast<std::uint32_t>(source.line_text(ld.line).size());
  const std::uint32_t start = ld.comment_start + d.start;
  const std::uint32_t end = ld.comment_start + d.end;
  if (end > comment_end || start >= end) return std::nullopt;
  // What follows in the comment: nothing, or another comment (`# noqa: PPL101  # why`).
  std::uint32_t next = end;
  while (next < comment_end && (text[next] == ' ' || text[next] == '\t')) ++next;
  if (next < comment_end && text[next] != '#') return std::nullopt;

  bool safe = !d.blanket;
  std::vector<std::string_view> kept;
  for (std::size_t k = 0; k < d.codes.size(); ++k) {
    const lint::NoqaCode& code = d.codes[k];
    if (!code.ours || ld.used[k]) {
      kept.push_back(code.text);
      continue;
    }
    const bool repeated = std::any_of(d.codes.begin(), d.codes.begin() + static_cast<std::ptrdiff_t>(k),
                                      [&](const lint::NoqaCode& earlier) { return earlier.rule == code.rule; });
    const bool is_enabled =
        code.rule != nullptr &&
        std::any_of(enabled.begin(), enabled.end(), [&](const lint::Rule* r) { return &r->meta() == code.rule; });
    safe = safe && (repeated || is_enabled);
  }
  lint::FixBuilder fix(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                       kept.empty() ? "Remove the `noqa` directive" : "Remove the unused codes");
  if (!kept.empty()) {
    fix.replace(start, end, fmt::format("# noqa: {}", fmt::join(kept, ", ")));
  } else if (next < comment_end) {
    fix.remove(start, next);  // the following comment takes the directive's place
  } else {
    std::uint32_t from = start;
    while (from > source.line_start(ld.line) && (text[from - 1] == ' ' || text[from - 1] == '\t')) --from;
    fix.remove(from, comment_end);
  }
  return fix.build();
}

class UnusedNoqa final : public lint::SuppressionRule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check_suppressions(const lint::Suppressions& suppressions, lint::Context& ctx) const override {
    for (const lint::LineDirective& ld : suppressions.lines) {
      const lint::NoqaDirective& d = ld.directive;
      if (d.blanket && ld.blanket_used) continue;
      // Naming PPL002 in the directive keeps this line's list as it is.
      if (std::any_of(d.codes.begin(), d.codes.end(), [](const lint::NoqaCode& c) { return c.rule == &kMeta; })) {
        continue;
      }
      std::string message = unused_message(ld, suppressions.enabled);
      if (message.empty()) continue;
      ctx.report(ld.comment_start + d.start, ld.comment_start + d.end, std::move(message)).fix =
          removal_fix(ld, suppressions.enabled, ctx);
    }
  }
};

}  // namespace

const lint::Rule& unused_noqa() {
  static const UnusedNoqa rule;
  return rule;
}

}  // namespace pyperf::rules
