#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lint/rule.hpp"
#include "syntax/source.hpp"

namespace pyperf::lint {

struct Diagnostic {
  const RuleMeta* rule = nullptr;
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;
  syntax::Position start;  // 1-based line, 1-based column in characters
  syntax::Position end;
  std::string message;
  Severity severity = Severity::Warning;
  std::uint32_t loop_depth = 0;
  std::string_view cost_before;  // complexity, e.g. "O(n)"
  std::string_view cost_after;
  std::string source_line;  // the text of the start line, for reporters that show code
};

// Severity grows with loop depth: an asymptotic pattern inside nested loops multiplies.
Severity escalate(Severity base, Tier tier, std::uint32_t loop_depth);

}  // namespace pyperf::lint
