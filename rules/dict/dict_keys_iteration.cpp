// PPL601 dict-keys-iteration: `for k in d.keys()` (and comprehensions) on a known dict: iterating
// the dict yields the same keys without the view object. A small constant-factor win, given only
// where it is measured not to be slower on the target versions; loops that also look the value
// up get PPL602's items() advice instead (one site, one recommendation).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::ForStatement, Kind::ForInClause};

constexpr lint::RuleMeta kMeta{
    .code = "PPL601",
    .name = "dict-keys-iteration",
    .summary = "Iterating d.keys() builds a view just to get the dict's own iteration order",
    .fix_title = "Iterate the dict directly: `for k in d`",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Always,
    .kinds = kKinds,
    .cost_before = "dict.keys-iterate",
    .cost_after = "dict.iterate",
};

class DictKeysIteration final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    const Node iterable = syntax::unparenthesize(node.field(Field::Right));
    const auto keys = lint::method_call(iterable, ctx);
    if (!keys || keys->method != "keys" || !keys->arguments.positional.empty() || !keys->arguments.keywords.empty()) {
      return;
    }
    const Node dict = syntax::unparenthesize(keys->receiver);
    const semantic::KindInfo kind = model.kind_of(dict);
    if (!semantic::has_mapping_protocol(kind.kind)) return;
    // A loop that also reads d[k] is PPL602's: items() is the better advice there.
    const Node key = node.field(Field::Left);
    const Node region = node.is(Kind::ForStatement) ? node : ctx.parent();
    if (key.is(Kind::Identifier)) {
      if (const auto variable = model.variable_of(dict)) {
        for (const auto& site : model.uses(variable)) {
          if (site.use.kind == semantic::UseKind::Index && model.contains(region, site.node) &&
              syntax::unparenthesize(site.use.site.field(Field::SubscriptIndex)).text(src) == key.text(src)) {
            return;
          }
        }
      }
    }
    // The dict's size when the source shows it (a display bound once and not grown in sight):
    // the measured win is about 1.1x for small dicts and nothing from 100 keys.
    std::optional<std::uint64_t> size;
    if (kind.evidence == semantic::Evidence::Literal && kind.origin.is(Kind::Dictionary)) {
      if (const auto variable = model.variable_of(dict); !variable || !model.usage(variable).mutated) {
        std::uint64_t pairs = 0;
        bool spread = false;  // {**other, "k": v}: the spread's size is not visible
        for (const Node child : kind.origin.named_children()) {
          pairs += child.is(Kind::Pair) ? 1 : 0;
          spread = spread || child.is(Kind::DictionarySplat);
        }
        if (!spread) size = pairs;
      }
    }
    const cost::Verdict verdict = ctx.advice_holds({}, size);
    if (!verdict.holds) return;
    const std::string d = lint::quote(dict, ctx);
    lint::Diagnostic& diagnostic = ctx.report(
        iterable, fmt::format("`{}.keys()` builds a keys view only to iterate the {}'s keys; `in {}` iterates "
                              "them directly ({})",
                              d, semantic::to_string(kind.kind), d, ctx.measured_gain(verdict)));
    // Iterating a dict yields its keys in the same order, and a change of size during the loop
    // raises the same RuntimeError either way.
    diagnostic.fix = lint::FixBuilder(lint::Applicability::Safe, fmt::format("Iterate `{}` directly", d))
                         .replace(iterable, std::string(ctx.text(keys->receiver)))
                         .build();
  }
};

}  // namespace

const lint::Rule& dict_keys_iteration() {
  static const DictKeysIteration rule;
  return rule;
}

}  // namespace pyperf::rules
