#pragma once
// Every rendering of a rule's metadata and documentation: the `rule` command (markdown, JSON, the
// README table) and SARIF's `rules[]`. One module, so the renderings cannot drift apart.

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "lint/rule.hpp"

namespace pyperf::report {

// `pyperf-lint rule CODE`: a header from the metadata, then the rule's markdown documentation.
std::string rule_markdown(const lint::RuleMeta& meta);
// `pyperf-lint rule CODE --output-format json`.
nlohmann::json rule_json(const lint::RuleMeta& meta);
// The README's rule table (`rule --all --output-format table`).
std::string rules_table(std::span<const lint::Rule* const> rules);
// A SARIF reportingDescriptor.
nlohmann::json sarif_rule(const lint::RuleMeta& meta);

// Text for a markdown table cell: a `|` would end the cell.
std::string markdown_cell(std::string_view text);

}  // namespace pyperf::report
