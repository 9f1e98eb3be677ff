#pragma once
// Suppression: a filter after the rules. Rules never read comments; the checker hands the comment
// ranges of its one walk to apply_suppressions(), which drops suppressed findings and tells what
// each directive suppressed; rules that judge the directives themselves (PPL002 unused-noqa) are
// SuppressionRules and run on that outcome.
//   x in (1, 2, 3)  # noqa                      every finding on this line
//   x in (1, 2, 3)  # noqa: PPL102, PPL305      these codes (or rule names) only
//   # pyperf-lint: noqa                         own line, anywhere: the whole file
//   # pyperf-lint: noqa: PPL102                 own line: these rules in the whole file
// Codes follow ruff's noqa parser: uppercase ASCII letters then digits; `noqa` is
// case-insensitive; codes of other tools (E501, F401…) are kept but never ours to judge. The `\r`
// of a CRLF line is not part of a directive. `# noqa PPL102` (no colon) is blanket, as in ruff,
// and comes with a warning.

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
  // `# noqa PPL102`: a code (or rule name) after `noqa` without the colon. ruff reads that as a
  // blanket directive, and so do we, but it silences more than it says: the filter warns.
  std::string colonless_code;
};

// The line directive in one comment (`# noqa…` may follow other text: `# type: ignore # noqa`);
// the code list ends at the first word that is not a code, so `# noqa: PPL101 # expect: …` reads
// PPL101 only. nullopt when there is none, or when `noqa:` is followed by no code (like ruff).
std::optional<NoqaDirective> parse_noqa(std::string_view comment);

// A file directive: the comment must be `# pyperf-lint: noqa` or `# pyperf-lint: noqa: CODES`.
std::optional<NoqaDirective> parse_file_noqa(std::string_view comment);

// A line's `noqa` directive and what it suppressed.
struct LineDirective {
  std::uint32_t line;           // 0-based
  std::uint32_t comment_start;  // byte offset of the comment holding it
  NoqaDirective directive;
  std::vector<bool> used;  // per code: it suppressed a finding
  bool blanket_used = false;
};

// What the suppression filter saw in one file.
struct Suppressions {
  std::vector<LineDirective> lines;          // in line order
  std::vector<const RuleMeta*> file_exempt;  // `# pyperf-lint: noqa: CODES`
  bool file_blanket = false;                 // `# pyperf-lint: noqa`
  std::span<const Rule* const> enabled;      // the rules that ran
  // Directives that do something other than they appear to (`# noqa PPL102` is blanket), as
  // "LINE: message" (1-based), in line order; the caller prints them after the file's name.
  std::vector<std::string> warnings;

  // True when a file directive silences `rule` everywhere in the file.
  bool exempts(const RuleMeta& rule) const;
};

// Drops the diagnostics suppressed by `comments` of `source` (diagnostics need only their bytes)
// and returns what each directive suppressed, with the warnings about the directives (read even
// in a file without findings, so that a warning does not come and go with them).
Suppressions apply_suppressions(const syntax::SourceText& source, std::span<const CommentRange> comments,
                                std::span<const Rule* const> enabled, std::vector<Diagnostic>& diagnostics);

// A tool rule that judges the suppression comments themselves. It runs after every other rule
// and the filter, on their outcome; a file directive naming it (or a blanket one) silences it.
class SuppressionRule : public Rule {
 public:
  void check(const syntax::Node&, Context&) const final {}  // dispatched on no node kind
  virtual void check_suppressions(const Suppressions& suppressions, Context& ctx) const = 0;
};

}  // namespace pyperf::lint
