#include "lint/rule.hpp"
#include "lint/diagnostic.hpp"

namespace pyperf::lint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "warning";
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

}  // namespace pyperf::lint
