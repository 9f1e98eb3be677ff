// The noqa parser (ruff's syntax) and the suppression filter on real parses.

#include <algorithm>

#include <fmt/core.h>
#include <catch2/catch.hpp>

#include "lint/registry.hpp"
#include "lint/result.hpp"
#include "lint/suppression.hpp"

using pyperf::lint::parse_file_noqa;
using pyperf::lint::parse_noqa;

namespace {

std::vector<std::string> codes_of(std::string_view comment) {
  const auto directive = parse_noqa(comment);
  REQUIRE(directive);
  std::vector<std::string> out;
  for (const auto& code : directive->codes) out.push_back(code.text);
  return out;
}

std::vector<std::string> lint(const std::string& source, std::vector<std::string> select) {
  pyperf::lint::Selection selection;
  selection.select = std::move(select);
  const auto rules = pyperf::lint::select_rules(selection);
  REQUIRE(rules.error.empty());
  const auto result = pyperf::lint::lint_source("t.py", source, rules.rules);
  REQUIRE(result.error.empty());
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(fmt::format("{}:{}", d.rule->code, d.start.line));
  return out;
}

const std::string kFinding = "if k in ('a', 'b', 'c'):\n    pass\n";

}  // namespace

TEST_CASE("noqa directives parse like ruff's", "[suppression]") {
  CHECK(parse_noqa("# noqa")->blanket);
  CHECK(parse_noqa("#noqa")->blanket);
  CHECK(parse_noqa("# NoQA")->blanket);
  CHECK(parse_noqa("# noqa  # why")->blanket);
  CHECK(parse_noqa("# noqa because")->blanket);
  CHECK_FALSE(parse_noqa("# noqa1"));
  CHECK_FALSE(parse_noqa("# noqa-ish"));
  CHECK_FALSE(parse_noqa("# not a directive"));
  CHECK_FALSE(parse_noqa("# noqa:"));  // no code: ruff ignores it
  CHECK_FALSE(parse_noqa("# noqa: because"));
  CHECK(codes_of("# noqa: PPL102") == std::vector<std::string>{"PPL102"});
  CHECK(codes_of("# noqa:PPL102,PPL305") == std::vector<std::string>{"PPL102", "PPL305"});
  CHECK(codes_of("# noqa: PPL102 PPL305") == std::vector<std::string>{"PPL102", "PPL305"});
  CHECK(codes_of("# noqa : PPL102, E501,") == std::vector<std::string>{"PPL102", "E501"});
  CHECK(codes_of("# type: ignore # noqa: PPL102") == std::vector<std::string>{"PPL102"});
  // The code list ends at the first word that is not a code: a second comment is not read.
  CHECK(codes_of("# noqa: PPL102 # expect: [PPL002]") == std::vector<std::string>{"PPL102"});
  CHECK(codes_of("# noqa: PPL102: slow but fine") == std::vector<std::string>{"PPL102"});
  CHECK(codes_of("# noqa: literal-list-membership, E501") ==
        std::vector<std::string>{"literal-list-membership", "E501"});
  CHECK(codes_of("# noqa: PPL102 because it is fine") == std::vector<std::string>{"PPL102"});
  CHECK_FALSE(parse_noqa("# noqa: ppl102, PPL102"));  // codes are uppercase, as in ruff

  const auto directive = parse_noqa("x  # noqa: PPL102, E501, PPL999");
  REQUIRE(directive);
  CHECK(directive->start == 3);
  CHECK(directive->end == 31);
  CHECK(directive->codes[0].rule == &pyperf::lint::find_rule("PPL102")->meta());
  CHECK(directive->codes[0].ours);
  CHECK(directive->codes[1].rule == nullptr);
  CHECK_FALSE(directive->codes[1].ours);  // another tool's code
  CHECK(directive->codes[2].rule == nullptr);
  CHECK(directive->codes[2].ours);  // a PPL code no rule has
}

TEST_CASE("file directives", "[suppression]") {
  CHECK(parse_file_noqa("# pyperf-lint: noqa")->blanket);
  CHECK(parse_file_noqa("#pyperf-lint:NOQA")->blanket);
  const auto codes = parse_file_noqa("# pyperf-lint: noqa: PPL102, PPL305");
  REQUIRE(codes);
  CHECK_FALSE(codes->blanket);
  CHECK(codes->codes.size() == 2);
  CHECK_FALSE(parse_file_noqa("# noqa"));
  CHECK_FALSE(parse_file_noqa("# ruff: noqa"));
  CHECK_FALSE(parse_file_noqa("# flake8: noqa"));
  CHECK_FALSE(parse_file_noqa("# pyperf-lint noqa"));
}

TEST_CASE("the carriage return of a CRLF line is not part of a directive", "[suppression]") {
  CHECK(parse_noqa("# noqa\r")->blanket);
  CHECK(codes_of("# noqa: PPL102\r") == std::vector<std::string>{"PPL102"});
  CHECK(parse_file_noqa("# pyperf-lint: noqa\r")->blanket);
  CHECK(parse_file_noqa("# pyperf-lint: noqa: PPL102\r")->codes.size() == 1);
  CHECK(lint("k = 1\r\nif k in ('a', 'b', 'c'):  # noqa\r\n    pass\r\n", {"PPL102"}).empty());
  CHECK(lint("# pyperf-lint: noqa\r\nk = 1\r\nif k in ('a', 'b', 'c'):\r\n    pass\r\n", {"PPL102"}).empty());
}

TEST_CASE("a code after noqa without the colon is a blanket directive, with a warning", "[suppression]") {
  const auto line = parse_noqa("# noqa PPL102");
  REQUIRE(line);
  CHECK(line->blanket);
  CHECK(line->colonless_code == "PPL102");
  CHECK(parse_noqa("# noqa literal-list-membership")->colonless_code == "literal-list-membership");
  CHECK(parse_noqa("# noqa E501\r")->colonless_code == "E501");
  CHECK(parse_noqa("# noqa because it is fine")->colonless_code.empty());  // prose, not a code
  CHECK(parse_noqa("# noqa: PPL102")->colonless_code.empty());
  CHECK(parse_file_noqa("# pyperf-lint: noqa PPL102")->colonless_code == "PPL102");

  // The finding is suppressed (ruff's reading), and the file's result carries the warning, also
  // when nothing is found.
  const std::string source = "k = 1\nif k in ('a', 'b', 'c'):  # noqa PPL305\n    pass\n";
  CHECK(lint(source, {"PPL102"}).empty());
  const auto result = pyperf::lint::lint_source("t.py", source, pyperf::lint::select_rules({}).rules);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] ==
        "2: `# noqa PPL305` has no colon: it is read as a blanket `# noqa` and silences every rule on its line; "
        "write `# noqa: PPL305` for that rule only");
  CHECK(pyperf::lint::lint_source("t.py", "x = 1  # noqa PPL102\n", pyperf::lint::select_rules({}).rules)
            .warnings.size() == 1);
}

TEST_CASE("suppression filters findings by line, code and file", "[suppression]") {
  CHECK(lint("k = 1\n" + kFinding, {"PPL102"}) == std::vector<std::string>{"PPL102:2"});
  CHECK(lint("k = 1\nif k in ('a', 'b', 'c'):  # noqa\n    pass\n", {"PPL102"}).empty());
  CHECK(lint("k = 1\nif k in ('a', 'b', 'c'):  # noqa: PPL102\n    pass\n", {"PPL102"}).empty());
  CHECK(lint("k = 1\nif k in ('a', 'b', 'c'):  # noqa: PPL305\n    pass\n", {"PPL102"}) ==
        std::vector<std::string>{"PPL102:2"});
  // Only comments count: the same text inside a string suppresses nothing.
  CHECK(lint("k = 1\nif k in ('a', 'b', '# noqa'):\n    pass\n", {"PPL102"}) == std::vector<std::string>{"PPL102:2"});
  // The directive must sit on the finding's first line.
  CHECK(lint("k = 1\nif k in (  # noqa\n    'a', 'b', 'c'):\n    pass\n", {"PPL102"}).empty());
  CHECK(lint("k = 1\nif k in (\n    'a', 'b', 'c'):  # noqa\n    pass\n", {"PPL102"}) ==
        std::vector<std::string>{"PPL102:2"});
  // File-level: own line only.
  CHECK(lint("# pyperf-lint: noqa\nk = 1\n" + kFinding, {"PPL102"}).empty());
  CHECK(lint("k = 1\n" + kFinding + "# pyperf-lint: noqa: PPL102\n", {"PPL102"}).empty());
  CHECK(lint("# pyperf-lint: noqa: PPL305\nk = 1\n" + kFinding, {"PPL102"}) == std::vector<std::string>{"PPL102:3"});
  CHECK(lint("k = 1  # pyperf-lint: noqa\n" + kFinding, {"PPL102"}) == std::vector<std::string>{"PPL102:2"});
}

TEST_CASE("unused directives are reported only when PPL002 runs", "[suppression]") {
  const std::string source = "k = 1  # noqa: PPL102\n" + kFinding;
  CHECK(lint(source, {"PPL102"}) == std::vector<std::string>{"PPL102:2"});
  CHECK(lint(source, {"PPL102", "PPL002"}) == std::vector<std::string>{"PPL002:1", "PPL102:2"});
  // A file-level exemption of PPL002 silences it.
  CHECK(lint("# pyperf-lint: noqa: PPL002\n" + source, {"PPL102", "PPL002"}) == std::vector<std::string>{"PPL102:3"});
  // Other tools' codes are never reported.
  CHECK(lint("k = 1  # noqa: E501, F401\n", {"PPL102", "PPL002"}).empty());
}
