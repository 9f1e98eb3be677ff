#include "lint/rule.hpp"

#include <algorithm>

#include "lint/diagnostic.hpp"

namespace pyperf::lint {

std::string_view to_string(Severity severity, SeverityScale scale) {
  // Rows: Info, Warning, Error. SARIF `level`, GitHub workflow commands, GitLab Code Quality.
  static constexpr std::string_view kNames[4][3] = {
      {"info", "warning", "error"},
      {"note", "warning", "error"},
      {"notice", "warning", "error"},
      {"info", "minor", "major"},
  };
  return kNames[static_cast<std::size_t>(scale)][static_cast<std::size_t>(severity)];
}

std::string_view to_string(Tier tier) {
  switch (tier) {
    case Tier::Tool:
      return "tool";
    case Tier::Asymptotic:
      return "asymptotic";
    case Tier::Micro:
      return "micro";
  }
  return "micro";
}

std::string_view to_string(Stability stability) {
  return stability == Stability::Stable ? "stable" : "preview";
}

std::string_view to_string(FixAvailability fix) {
  switch (fix) {
    case FixAvailability::None:
      return "none";
    case FixAvailability::Sometimes:
      return "sometimes";
    case FixAvailability::Always:
      return "always";
  }
  return "none";
}

Severity escalate(Severity base, Tier tier, std::uint32_t loop_depth) {
  if (tier == Tier::Tool || loop_depth == 0) return base;
  // Asymptotic costs multiply with every enclosing loop; constant-factor wins matter once hot.
  const std::uint32_t threshold = tier == Tier::Asymptotic ? 2 : 1;
  if (loop_depth >= threshold && base < Severity::Error) {
    return tier == Tier::Asymptotic ? Severity::Error : Severity::Warning;
  }
  return base;
}

namespace {

// How far apart two complexity classes are, on a scale where one step is one factor of n.
int rank(cost::Complexity c) {
  switch (c) {
    case cost::Complexity::Constant:
      return 0;
    case cost::Complexity::Logarithmic:
      return 1;
    case cost::Complexity::FirstMatch:
      return 2;
    case cost::Complexity::Linear:
    case cost::Complexity::NLogK:
      return 3;
    case cost::Complexity::NLogN:
      return 4;
    case cost::Complexity::Quadratic:
      return 6;
  }
  return 0;
}

}  // namespace

int micro_impact(double ratio, std::uint32_t loop_depth) {
  // Constant-factor advice: what it saves is its measured ratio (1.0-3.0x typical).
  const double score =
      8 + std::min(20.0, std::max(0.0, (ratio - 1.0) * 10.0)) + 4.0 * std::min<std::uint32_t>(loop_depth, 3);
  return static_cast<int>(std::clamp(score, 1.0, 100.0));
}

std::optional<cost::Change> cost_change(const RuleMeta& meta) {
  return cost::find_change(meta.cost_before, meta.cost_after);
}

int impact_score(const RuleMeta& meta, std::optional<cost::Change> change, const SiteFrequency& site,
                 std::optional<double> measured_ratio) {
  if (meta.tier == Tier::Tool || !change) return 0;
  const int delta = std::max(0, rank(change->before.average) - rank(change->after.average));
  // Code that seldom runs saves seldom: a handler, or module code that runs once at import.
  const double unlikely = (site.rare_branch ? 10.0 : 0.0) + (site.import_time ? 10.0 : 0.0);
  // Micro rules change a constant factor even where the table names different classes
  // (a frozenset probe against a 5-element scan): their measured ratio is what they save.
  if (delta == 0 || meta.tier == Tier::Micro) {
    const double score = micro_impact(measured_ratio.value_or(1.2), site.repeats) - unlikely / 2;
    return static_cast<int>(std::clamp(score, 1.0, 100.0));
  }
  // An asymptotic saving grows with n and is paid on every iteration of every loop that repeats it.
  double score = 25 + 10.0 * delta + 12.0 * std::min<std::uint32_t>(site.repeats, 3) - unlikely;
  // The n of O(n): a visible handful of elements saves almost nothing whatever the class says.
  if (site.n) {
    if (*site.n <= 3) {
      score -= 35;
    } else if (*site.n < 10) {
      score -= 20;
    } else if (*site.n >= 1000) {
      score += 10;
    } else if (*site.n >= 100) {
      score += 5;
    }
  }
  // How often the innermost loop runs, when the source shows it.
  if (site.iterations && site.repeats > 0) {
    if (*site.iterations < 10) {
      score -= 10;
    } else if (*site.iterations >= 1000) {
      score += 5;
    }
  }
  return static_cast<int>(std::clamp(score, 1.0, 100.0));
}

}  // namespace pyperf::lint
