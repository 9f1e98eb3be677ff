#include "lint/checker.hpp"

#include <algorithm>

#include "lint/context.hpp"
#include "lint/suppression.hpp"
#include "semantic/builder.hpp"
#include "semantic/model.hpp"
#include "syntax/walk.hpp"

namespace pyperf::lint {
namespace {

using syntax::Kind;
using syntax::Node;

struct Site {
  Node node;
  Node parent;  // from the walk: tree-sitter answers parent() by walking down from the root
  Node grandparent;
  semantic::ScopeId scope;
  semantic::LoopId loop;
  bool leaves_loop;  // runs once per entry of its innermost loop (Builder::leaves_loop)
};

// The single walk: feeds the semantic builder and records dispatch sites. Nodes inside a region
// the parser could not parse are not offered to rules; the region itself is (to PPL001).
class SiteCollector {
 public:
  SiteCollector(semantic::Builder& builder, const std::array<bool, syntax::kKindCount>& wanted,
                std::vector<Site>& sites, std::vector<CommentRange>& comments)
      : builder_(builder), wanted_(wanted), sites_(sites), comments_(comments) {}

  bool enter(const Node& node, syntax::Field field) {
    builder_.enter(node, field);
    if (node.is(Kind::Comment)) comments_.push_back({node.start_byte(), node.end_byte()});  // for suppression
    if (error_depth_ == 0) {
      const bool broken = node.is_error() || node.is_missing();
      const Kind kind = broken ? Kind::Error : node.kind();
      if (wanted_[static_cast<std::size_t>(kind)]) {
        sites_.push_back({node, builder_.ancestor(1), builder_.ancestor(2), builder_.current_scope(),
                          builder_.current_loop(), builder_.leaves_loop()});
      }
    }
    if (node.is_error()) ++error_depth_;
    return true;
  }

  void leave(const Node& node) {
    if (node.is_error()) --error_depth_;
    builder_.leave(node);
  }

 private:
  semantic::Builder& builder_;
  const std::array<bool, syntax::kKindCount>& wanted_;
  std::vector<Site>& sites_;
  std::vector<CommentRange>& comments_;
  std::uint32_t error_depth_ = 0;
};

}  // namespace

Checker::Checker(std::span<const Rule* const> rules, Options options)
    : rules_(rules.begin(), rules.end()), options_(options) {
  for (const Rule* rule : rules) {
    if (const auto* judge = dynamic_cast<const SuppressionRule*>(rule)) suppression_rules_.push_back(judge);
    for (const Kind kind : rule->meta().kinds) {
      dispatch_[static_cast<std::size_t>(kind)].push_back(rule);
      wanted_[static_cast<std::size_t>(kind)] = true;
    }
  }
}

std::vector<Diagnostic> Checker::check(const syntax::SourceText& source, syntax::Parser& parser,
                                       std::vector<std::string>* warnings, bool* parse_error) const {
  std::vector<Diagnostic> diagnostics;
  const syntax::Tree tree = parser.parse(source.text());
  if (parse_error != nullptr) *parse_error = !tree || tree.root().has_error();
  if (!tree) return diagnostics;

  semantic::Model model(source);
  semantic::Builder builder(model);
  std::vector<Site> sites;
  std::vector<CommentRange> comments;
  SiteCollector collector(builder, wanted_, sites, comments);
  syntax::walk(tree.root(), collector);
  builder.finish();

  Context ctx(source, model, diagnostics, options_);
  for (const Site& site : sites) {
    const bool broken = site.node.is_error() || site.node.is_missing();
    // A node whose subtree holds a parse error is only partly understood: performance rules leave
    // it alone. Tool rules look at the file itself (PPL001 scans the module's text), so they still run.
    const bool partial = !broken && site.node.has_error();
    const Kind kind = broken ? Kind::Error : site.node.kind();
    for (const Rule* rule : dispatch_[static_cast<std::size_t>(kind)]) {
      if (partial && rule->meta().tier != Tier::Tool) continue;
      ctx.set_site(rule, site.scope, site.loop, site.parent, site.grandparent, site.node, site.leaves_loop);
      rule->check(site.node, ctx);
    }
  }

  const Suppressions suppressions = apply_suppressions(source, comments, rules_, diagnostics);
  if (warnings != nullptr) *warnings = suppressions.warnings;
  for (const SuppressionRule* rule : suppression_rules_) {
    if (suppressions.exempts(rule->meta())) continue;
    ctx.set_site(rule, 0, semantic::kNone);
    rule->check_suppressions(suppressions, ctx);
  }

  for (Diagnostic& d : diagnostics) {
    d.start = source.position(d.start_byte);
    d.end = source.position(d.end_byte);
    d.source_line = std::string(source.line_text(d.start.line - 1));
    if (d.fix) {
      d.fix->spans.clear();
      for (const syntax::Edit& e : d.fix->edits)
        d.fix->spans.push_back({source.position(e.start), source.position(e.end)});
    }
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.start_byte != b.start_byte) return a.start_byte < b.start_byte;
    return a.rule->code < b.rule->code;
  });
  return diagnostics;
}

}  // namespace pyperf::lint
