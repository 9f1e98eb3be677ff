// PPL001 parse-error: a region the parser could not parse. tree-sitter-python also fails on some
// valid code (a dedent inside brackets, upstream #256), so the message never calls the code invalid.

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Kind;

constexpr Kind kKinds[] = {Kind::Error};

constexpr lint::RuleMeta kMeta{
    .code = "PPL001",
    .name = "parse-error",
    .summary = "A region pyperf-lint could not parse was not analysed",
    .fix_title = "Check the region; if it is valid Python, report it to pyperf-lint",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Tool,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::None,
    .kinds = kKinds,
    .cost_before = "",
    .cost_after = "",
};

class ParseError final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const syntax::Node& node, lint::Context& ctx) const override {
    if (node.is_missing()) {
      ctx.report(
          node, fmt::format("the parser expected `{}` here; the enclosing code was not analysed", node.grammar_type()));
      return;
    }
    const auto first = ctx.source().position(node.start_byte()).line;
    const auto last =
        ctx.source().position(node.end_byte() > node.start_byte() ? node.end_byte() - 1 : node.end_byte()).line;
    const std::string where = first == last ? fmt::format("line {}", first) : fmt::format("lines {}-{}", first, last);
    ctx.report(node, fmt::format("could not parse {}; this region was not analysed (if it is valid Python, "
                                 "the parser does not support it yet)",
                                 where));
  }
};

}  // namespace

const lint::Rule& parse_error() {
  static const ParseError rule;
  return rule;
}

}  // namespace pyperf::rules
