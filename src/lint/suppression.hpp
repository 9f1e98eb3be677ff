#pragma once
// Suppression: a filter after the rules. Rules never read comments; the checker hands the comment
// ranges of its one walk to apply_suppressions(), which drops suppressed findings and, when
// PPL002 unused-noqa is enabled, reports directives that suppressed nothing.
//   x in (1, 2, 3)  # noqa                      every finding on this line
//   x in (1, 2, 3)  # noqa: PPL102, PPL305      these codes (or rule names) only
//   # pyperf-lint: noqa                         own line, anywhere: the whole file
//   # pyperf-lint: noqa: PPL102                 own line: these rules in the whole file
// Codes follow ruff's noqa parser: uppercase ASCII letters then digits; `noqa` is
// case-insensitive; codes of other tools (E501, F401…) are kept but never ours to judge.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "syntax/source.hpp"

namespace pyperf::lint {

inline constexpr std::string_view kUnusedNoqaCode = "PPL002";

struct CommentRange {
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;
};

struct NoqaCode {
  std::string text;         // as written: "PPL102", "E501", "literal-list-membership"
  const RuleMeta* rule;     // the rule it names; nullptr for other tools' codes and unknown PPL codes
  bool ours;                // ours to judge: one of our rules, or a PPL code
  std::uint32_t start = 0;  // offsets of the code in the comment
  std::uint32_t end = 0;
};

// One `noqa` directive. Offsets are relative to the comment text it was parsed from.
struct NoqaDirective {
  std::uint32_t start = 0;  // the `#` that opens the directive
  std::uint32_t end = 0;    // after `noqa` (blanket) or after the last code
  bool blanket = true;
  std::vector<NoqaCode> codes;
};

// The line directive in one comment (`# noqa…` may follow other text: `# type: ignore # noqa`);
// the code list ends at the first word that is not a code, so `# noqa: PPL101 # expect: …` reads
// PPL101 only. nullopt when there is none, or when `noqa:` is followed by no code (like ruff).
std::optional<NoqaDirective> parse_noqa(std::string_view comment);

// A file directive: the comment must be `# pyperf-lint: noqa` or `# pyperf-lint: noqa: CODES`.
std::optional<NoqaDirective> parse_file_noqa(std::string_view comment);

// Drops the diagnostics suppressed by `comments` of `source`; `enabled` are the rules that ran
// (a PPL002 among them turns on the unused-directive report). Diagnostics need only their bytes.
void apply_suppressions(const syntax::SourceText& source, std::span<const CommentRange> comments,
                        std::span<const Rule* const> enabled, std::vector<Diagnostic>& diagnostics);

}  // namespace pyperf::lint
