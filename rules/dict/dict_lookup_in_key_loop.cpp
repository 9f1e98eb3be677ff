// PPL602 dict-lookup-in-key-loop: `for k in d: ... d[k] ...` (and comprehensions) on a known dict
// that the loop does not rebind or resize: items() hands out both key and value without the
// second hash lookup.

#include <fmt/core.h>

#include <algorithm>
#include <vector>

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
    .code = "PPL602",
    .name = "dict-lookup-in-key-loop",
    .summary = "A loop over a dict's keys looks each value up again",
    .fix_title = "Iterate d.items() to get key and value together",
    .severity = lint::Severity::Info,
    .tier = lint::Tier::Micro,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "dict.lookup-in-key-loop",
    .cost_after = "dict.items",
};

// True when `use` runs on every iteration of the loop statement `loop`: not inside an `if`
// branch, a conditional expression's branches, the right of and/or, an except handler or a nested
// loop. items() pays for the value on every iteration, so a lookup made only sometimes may be
// cheaper than unpacking every pair.
bool every_iteration(const Node& use, const Node& loop) {
  // One descent from the loop to the use: climbing with parent() would descend from the root
  // once per step.
  const std::vector<syntax::PathStep> path = syntax::path_down(loop, use);
  if (path.empty()) return false;
  for (std::size_t i = 1; i + 1 < path.size(); ++i) {
    const Node& parent = path[i].node;
    const syntax::PathStep& child = path[i + 1];
    switch (parent.kind()) {
      case Kind::IfStatement:
      case Kind::WhileStatement:
        if (child.field != Field::Condition) return false;
        break;
      case Kind::FunctionDefinition:
      case Kind::Lambda:
      case Kind::ClassDefinition:
      case Kind::ElifClause:
      case Kind::ElseClause:
      case Kind::ExceptClause:
      case Kind::FinallyClause:
      case Kind::ForStatement:
      case Kind::ListComprehension:
      case Kind::SetComprehension:
      case Kind::DictionaryComprehension:
      case Kind::GeneratorExpression:
        return false;
      case Kind::ConditionalExpression:
        if (!(parent.named_child(1) == child.node)) return false;
        break;
      case Kind::BooleanOperator:
        if (child.field != Field::Left) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

// True when every read of the loop key inside `region` is the index of one of the `d[k]` lookups
// (their index start bytes in `lookups`): the key itself is never needed.
bool key_read_only_by_lookups(const semantic::Symbol& key, const Node& region,
                              const std::vector<std::uint32_t>& lookups, const semantic::Model& model) {
  for (const semantic::ReferenceId id : key.references) {
    const Node& read = model.reference(id).node;
    if (!model.contains(region, read)) continue;
    if (std::find(lookups.begin(), lookups.end(), read.start_byte()) == lookups.end()) return false;
  }
  return true;
}

// Uses of the dict inside the loop that leave its values alone: reads, `len(d)`, `k in d`, the
// iteration itself and methods that only read.
bool leaves_values_alone(const semantic::Use& use) {
  switch (use.kind) {
    case semantic::UseKind::Read:
    case semantic::UseKind::Index:
    case semantic::UseKind::Membership:
    case semantic::UseKind::Iterate:
    case semantic::UseKind::BuiltinCall:
      return true;
    case semantic::UseKind::MethodCall:
      return use.member == "keys" || use.member == "get" || use.member == "values" || use.member == "items" ||
             use.member == "copy";
    default:
      return false;
  }
}

// Builtins that neither mutate nor keep their arguments and call none of them (unlike map,
// filter, getattr or next, which run functions, properties or generators).
bool runs_no_callable(std::string_view name) {
  for (const std::string_view b : {"print",     "len",        "repr",  "str", "int",  "float",  "bool",   "abs",
                                   "round",     "isinstance", "type",  "id",  "hash", "tuple",  "list",   "set",
                                   "frozenset", "sorted",     "min",   "max", "sum",  "any",    "all",    "enumerate",
                                   "zip",       "reversed",   "range", "chr", "ord",  "format", "divmod", "dict"}) {
    if (b == name) return true;
  }
  return false;
}

// True when no code that the loop region runs can be user code reaching the dict: every call in
// it is a builtin that neither mutates, keeps nor calls its arguments (print, len …) or a method of a
// value of a builtin kind (`args.append(key)`, `name.lower()`).
bool runs_no_other_code(const Node& region, const lint::Context& ctx) {
  const std::string_view src = ctx.source().text();
  return !lint::any_in_subtree(region, [&](const Node& n) {
    if (!n.is(Kind::Call)) return false;
    const Node function = n.field(Field::Function);
    if (function.is(Kind::Identifier)) {
      const std::string_view name = function.text(src);
      if (!runs_no_callable(name) || !lint::is_builtin_call(n, name, ctx)) return true;
      // `sorted(..., key=f)`, `max(..., key=f)` call f.
      for (const lint::Keyword& k : lint::call_arguments(n, ctx).keywords) {
        if (k.name == "key") return true;
      }
      return false;
    }
    if (const auto method = lint::method_call(n, ctx)) {
      for (const lint::Keyword& k : method->arguments.keywords) {
        if (k.name == "key") return true;  // `out.sort(key=f)`
      }
      return !semantic::is_builtin_kind(ctx.semantic().kind_of(method->receiver).kind);
    }
    return true;
  });
}

// `for k in d: ... d[k] ...` -> `for k, value in d.items(): ... value ...`. Only when every use of
// `d[k]` in the region is a read in the loop's own scope (not a store, a `del`, an augmented
// target, or inside a nested function that may run later) and nothing there changes the dict:
// then the value unpacked at the start of the iteration is the one `d[k]` would read.
std::optional<lint::Fix> items_fix(const Node& loop, const Node& region, const Node& dict, const Node& key,
                                   const semantic::KindInfo& kind, const semantic::Model::Variable& variable,
                                   const std::vector<std::uint32_t>& lookups, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  // The loop key's own reads: `d[k]` in a nested comprehension that binds another `k` is not one.
  std::vector<std::uint32_t> key_reads;
  if (const semantic::Binding* binding = model.binding_at(key)) {
    for (const semantic::ReferenceId id : model.symbol(binding->symbol).references) {
      key_reads.push_back(model.reference(id).node.start_byte());
    }
  }
  const std::string_view src = ctx.source().text();
  const Node iterable = loop.field(Field::Right);
  std::vector<Node> reads;
  for (const auto& site : model.uses(variable)) {
    if (!model.contains(region, site.node) || model.contains(iterable, site.node)) continue;
    if (!leaves_values_alone(site.use)) return std::nullopt;
    if (site.use.kind != semantic::UseKind::Index) continue;
    const Node index = syntax::unparenthesize(site.use.site.field(Field::SubscriptIndex));
    if (std::find(lookups.begin(), lookups.end(), index.start_byte()) == lookups.end()) continue;
    if (!index.is(Kind::Identifier) ||
        std::find(key_reads.begin(), key_reads.end(), index.start_byte()) == key_reads.end()) {
      return std::nullopt;
    }
    const Node parent = site.use.site.parent();
    if ((parent.is(Kind::Assignment) || parent.is(Kind::AugmentedAssignment)) &&
        parent.field(Field::Left) == site.use.site) {
      return std::nullopt;
    }
    for (const syntax::PathStep& step : syntax::path_down(region, site.use.site)) {
      if (step.node.is(Kind::FunctionDefinition) || step.node.is(Kind::Lambda) || step.node.is(Kind::ClassDefinition) ||
          step.node.is(Kind::DeleteStatement)) {
        return std::nullopt;
      }
    }
    reads.push_back(site.use.site);
  }
  if (reads.empty()) return std::nullopt;
  // A plain local name of a concrete dict type, read only where no other code runs: items()
  // yields what d[k] returns. An attribute can be reassigned by any call; a Mapping's
  // __getitem__ may compute what its items() does not.
  // An annotation admits subclasses, whose __getitem__ may differ: only a dict made in sight counts.
  const bool concrete =
      semantic::is_dict_like(kind.kind) &&
      (kind.evidence == semantic::Evidence::Literal || kind.evidence == semantic::Evidence::Comprehension ||
       kind.evidence == semantic::Evidence::Constructor || kind.evidence == semantic::Evidence::BuiltinResult);
  // `await` / `yield` in the loop let other code run (and assign d[k]) before the read.
  const bool safe =
      concrete && dict.is(Kind::Identifier) && runs_no_other_code(region, ctx) && !lint::suspends_within(region, ctx);
  // Named after the key: nested loops (whose keys differ, each bound once) fixed in the same round
  // must not pick the same name, or the inner one would shadow the outer one.
  const std::string value = lint::fresh_name(fmt::format("{}_value", key.text(src)), ctx);
  lint::FixBuilder fix(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                       fmt::format("Iterate `{}.items()`", dict.text(src)));
  fix.replace(key, fmt::format("{}, {}", key.text(src), value));
  fix.replace(iterable, fmt::format("{}.items()", dict.text(src)));
  for (const Node& read : reads) fix.replace(read, value);
  return fix.build();
}

class DictLookupInKeyLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    const std::string_view src = ctx.source().text();
    const auto& model = ctx.semantic();
    const Node key = node.field(Field::Left);
    if (!key.is(Kind::Identifier)) return;
    Node dict = syntax::unparenthesize(node.field(Field::Right));
    if (const auto keys = lint::method_call(dict, ctx);
        keys && keys->method == "keys" && keys->arguments.positional.empty()) {
      dict = syntax::unparenthesize(keys->receiver);
    }
    if (!dict.is(Kind::Identifier) && !dict.is(Kind::Attribute)) return;
    const semantic::KindInfo kind = model.kind_of(dict);
    if (!semantic::has_mapping_protocol(kind.kind)) return;
    const auto variable = model.variable_of(dict);
    if (!variable) return;
    // The region the key is used in: the loop statement, or the whole comprehension.
    const Node region = node.is(Kind::ForStatement) ? node : ctx.parent();
    if (model.rebound_within(variable, region)) return;
    const std::string_view k = key.text(src);
    bool looked_up = false;
    // Where `d[k]` reads the key: when the key is read nowhere else, values() is enough.
    std::vector<std::uint32_t> lookups;
    for (const auto& site : model.uses(variable)) {
      if (!model.contains(region, site.node)) continue;
      const semantic::Use& use = site.use;
      if (use.kind == semantic::UseKind::Index) {
        const Node index = syntax::unparenthesize(use.site.field(Field::SubscriptIndex));
        if (index.text(src) != k) continue;
        lookups.push_back(index.start_byte());
        // Comprehensions evaluate their element and filters for every key; statements may branch.
        if (!node.is(Kind::ForStatement) || every_iteration(use.site, node)) looked_up = true;
      } else if (use.kind == semantic::UseKind::IndexDelete ||
                 (use.kind == semantic::UseKind::MethodCall &&
                  (use.member == "pop" || use.member == "popitem" || use.member == "clear" || use.member == "update" ||
                   use.member == "setdefault"))) {
        return;  // resizing while iterating: a different problem
      }
    }
    if (!looked_up) return;
    const cost::Verdict verdict = ctx.advice_holds({}, std::nullopt);
    if (!verdict.holds) return;
    // The key must stay the loop's key where it is used.
    const semantic::Binding* key_binding = model.binding_at(key);
    if (key_binding == nullptr || model.symbol(key_binding->symbol).bindings.size() != 1) return;
    const std::string d = lint::quote(dict, ctx);
    const std::string header = fmt::format("for {} in {}", k, lint::quote(node.field(Field::Right), ctx));
    const Node anchor = node.is(Kind::ForStatement) ? node : ctx.parent();
    const std::uint32_t end = node.is(Kind::ForStatement) ? node.field(Field::Right).end_byte() : anchor.end_byte();
    if (key_read_only_by_lookups(model.symbol(key_binding->symbol), region, lookups, model)) {
      lint::Diagnostic& d1 =
          ctx.report(anchor.start_byte(), end,
                     fmt::format("`{}` then `{}[{}]` looks every value up again, and the key serves only that lookup: "
                                 "`for value in {}.values()` yields the values directly ({} for items(); values() "
                                 "also skips the pair)",
                                 header, d, k, d, ctx.measured_gain(verdict)));
      d1.fix = items_fix(node, region, dict, key, kind, variable, lookups, ctx);
      return;
    }
    lint::Diagnostic& d2 =
        ctx.report(anchor.start_byte(), end,
                   fmt::format("`{}` then `{}[{}]` looks every value up again: one extra hash lookup per key; "
                               "`for {}, value in {}.items()` yields both ({})",
                               header, d, k, k, d, ctx.measured_gain(verdict)));
    d2.fix = items_fix(node, region, dict, key, kind, variable, lookups, ctx);
  }
};

}  // namespace

const lint::Rule& dict_lookup_in_key_loop() {
  static const DictLookupInKeyLoop rule;
  return rule;
}

}  // namespace pyperf::rules
