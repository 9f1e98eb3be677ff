#pragma once
// Rule documentation compiled into the binary from rules/<family>/<rule>.md (cmake/EmbedDocs.cmake).

#include <span>
#include <string>
#include <string_view>

#include "lint/rule.hpp"

namespace pyperf::lint {

struct RuleDoc {
  std::string_view family;  // folder
  std::string_view stem;    // file name without .md: the rule name in snake_case
  std::string_view markdown;
};

std::span<const RuleDoc> embedded_rule_docs();

// The rule's markdown documentation; empty when the rule has no doc file.
std::string_view doc_for(const RuleMeta& meta);
// rule-name -> rule_name
std::string snake_case(std::string_view kebab);
// The text under a "## Heading" of a rule doc, trimmed; empty when absent.
std::string_view doc_section(std::string_view markdown, std::string_view heading);

// The documentation URL (JSON `url`, SARIF `helpUri`) for a rule.
std::string doc_url(const RuleMeta& meta);

}  // namespace pyperf::lint
