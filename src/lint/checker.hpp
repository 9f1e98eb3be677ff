#pragma once
// One file, one parse, one cursor walk: the walk feeds the semantic builder and records the
// sites (nodes whose kind some enabled rule wants); after names are resolved the rules run over
// the recorded sites in source order. No second traversal of the tree.

#include <array>
#include <span>
#include <string>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/options.hpp"
#include "lint/rule.hpp"
#include "syntax/language.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

class SuppressionRule;

class Checker {
 public:
  explicit Checker(std::span<const Rule* const> rules, Options options = {});

  // Diagnostics of the enabled rules for one source, `# noqa` suppressions applied, sorted by
  // position then code; `warnings` receives the suppression filter's ("LINE: message");
  // `parse_error` whether the tree holds a syntax error (fixes are not applied to such files).
  std::vector<Diagnostic> check(const syntax::SourceText& source, syntax::Parser& parser,
                                std::vector<std::string>* warnings = nullptr, bool* parse_error = nullptr) const;

  // Rules, for whoever needs to re-run exactly this selection.
  std::span<const Rule* const> rules() const { return rules_; }

 private:
  std::array<std::vector<const Rule*>, syntax::kKindCount> dispatch_;
  std::array<bool, syntax::kKindCount> wanted_{};
  std::vector<const Rule*> rules_;
  std::vector<const SuppressionRule*> suppression_rules_;  // run on the suppression outcome
  Options options_;
};

}  // namespace pyperf::lint
