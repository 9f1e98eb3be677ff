// PPL502 invariant-collection-in-loop: `set(L)`, `frozenset(L)`, `dict(L)`, `list(L)`, `tuple(L)`,
// `sorted(L)` rebuilt on every iteration from a collection the loop does not change, where the
// result is only read (membership, iteration, len …), so one copy built before the loop serves.
// Written inline (`x in set(L)`, `dict(pairs).get(k)`) or bound to a local in the loop body and
// only read there (`wanted = set(terms)` then `x in wanted`).

#include <fmt/core.h>

#include "lint/context.hpp"
#include "lint/patterns.hpp"
#include "lint/rule.hpp"

namespace pyperf::rules {
namespace {

using semantic::ValueKind;
using syntax::Field;
using syntax::Kind;
using syntax::Node;

constexpr Kind kKinds[] = {Kind::Call};

constexpr lint::RuleMeta kMeta{
    .code = "PPL502",
    .name = "invariant-collection-in-loop",
    .summary = "The same collection is rebuilt from unchanged input on every iteration",
    .fix_title = "Build it once before the loop",
    .severity = lint::Severity::Warning,
    .tier = lint::Tier::Asymptotic,
    .stability = lint::Stability::Stable,
    .fix = lint::FixAvailability::Sometimes,
    .kinds = kKinds,
    .cost_before = "set.build",
    .cost_after = "set.contains",
};

bool reiterable(ValueKind k) {
  return k == ValueKind::List || k == ValueKind::Tuple || k == ValueKind::Set || k == ValueKind::FrozenSet ||
         semantic::is_dict_like(k) || k == ValueKind::Str || k == ValueKind::Range || k == ValueKind::Deque;
}

// Methods that read a collection without changing it or handing it on.
bool read_only_method(std::string_view m) {
  for (const std::string_view r :
       {"get", "keys", "values", "items", "count", "index", "issubset", "issuperset", "isdisjoint", "union",
        "intersection", "difference", "symmetric_difference", "__contains__"}) {
    if (m == r) return true;
  }
  return false;
}

// The result is only read where it stands: `x in set(L)`, `for v in sorted(L)`, `len(list(L))`,
// `dict(pairs).get(k)`.
bool read_only_use(const Node& call, const lint::Context& ctx) {
  const Node& parent = ctx.parent();  // of `call`, the node being checked
  if (parent.is(Kind::ComparisonOperator)) {
    const auto cmp = lint::binary_comparison(parent);
    return cmp && (cmp->op == Kind::KwIn || cmp->op == Kind::KwNotIn) && cmp->right == call;
  }
  if (parent.is(Kind::ForStatement) || parent.is(Kind::ForInClause)) return parent.field(Field::Right) == call;
  if (parent.is(Kind::ArgumentList)) {
    const Node& outer = ctx.grandparent();
    for (const std::string_view f : {"len", "min", "max", "sum", "any", "all"}) {
      if (lint::is_builtin_call(outer, f, ctx)) return true;
    }
  }
  if (parent.is(Kind::Attribute) && parent.field(Field::Object) == call) {
    const auto method = lint::method_call(ctx.grandparent(), ctx);
    return method && method->receiver == call && read_only_method(method->method);
  }
  return false;
}

// `name = <call>` as a statement of the loop's own body (so it runs on every iteration, not under
// a condition), where `name` is a function local bound nowhere else, never mutated, never escaping
// and only used inside that loop by reads (`in`, iteration, len(), indexing, read-only methods):
// the same value each time, which one build before the loop would serve.
bool bound_and_only_read(const Node& call, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  const Node& assignment = ctx.parent();
  if (!assignment.is(Kind::Assignment) || !(assignment.field(Field::Right) == call) ||
      assignment.field(Field::TypeAnnotation)) {
    return false;
  }
  const Node target = assignment.field(Field::Left);
  if (!target.is(Kind::Identifier)) return false;
  const Node& statement = ctx.grandparent();
  if (!statement.is(Kind::ExpressionStatement)) return false;
  const semantic::Loop& loop = model.loop(ctx.loop());
  if (loop.kind != semantic::LoopKind::For && loop.kind != semantic::LoopKind::While) return false;
  bool in_body = false;
  for (const Node s : loop.node.field(Field::Body).named_children()) {
    if (s == statement) in_body = true;
  }
  if (!in_body) return false;
  const semantic::Binding* binding = model.binding_at(target);
  if (binding == nullptr || binding->symbol == semantic::kNone) return false;
  const semantic::Symbol& symbol = model.symbol(binding->symbol);
  // One binding in a function: a module or class name could be read from anywhere.
  if (symbol.bindings.size() != 1 || model.scope(symbol.scope).kind != semantic::ScopeKind::Function) return false;
  const auto variable = model.variable_of(target);
  if (!variable) return false;
  const semantic::UsageSummary usage = model.usage(variable);
  if (usage.mutated || usage.escapes) return false;
  const auto sites = model.uses(variable);
  if (sites.empty()) return false;
  for (const auto& site : sites) {
    if (!model.contains(loop.node.field(Field::Body), site.node)) return false;  // read after the loop
    switch (site.use.kind) {
      case semantic::UseKind::Read:
      case semantic::UseKind::Index:
      case semantic::UseKind::Slice:
      case semantic::UseKind::Membership:
      case semantic::UseKind::Iterate:
      case semantic::UseKind::BuiltinCall:
        break;
      case semantic::UseKind::MethodCall:
        if (!read_only_method(site.use.member)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// Kinds whose values hash by value: set() and frozenset() of them cannot raise.
bool hashes_by_value(ValueKind kind) {
  return kind == ValueKind::Str || kind == ValueKind::Bytes || kind == ValueKind::Int || kind == ValueKind::Float ||
         kind == ValueKind::Bool || kind == ValueKind::NoneValue;
}

// Whether the hoisted build is safe: it now runs once even when the loop runs zero times, so it
// must not be able to raise (list() and tuple() of a collection cannot; set() and frozenset() only
// of elements that hash; dict() and sorted() can), and the input must be a local of the function
// that no caller holds (a parameter's list could be changed by a callback the loop calls).
bool hoist_is_safe(std::string_view builder, const Node& input, const semantic::KindInfo& kind,
                   const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  if (!input.is(Kind::Identifier)) return false;
  const semantic::Binding* local = nullptr;
  if (const semantic::Reference* ref = model.reference_at(input); ref != nullptr && ref->symbol != semantic::kNone) {
    const semantic::Symbol& symbol = model.symbol(ref->symbol);
    if (model.scope(symbol.scope).kind != semantic::ScopeKind::Function) return false;
    for (const semantic::BindingId id : symbol.bindings) {
      if (model.binding(id).kind == semantic::BindingKind::Parameter) return false;
      local = &model.binding(id);
    }
  }
  if (local == nullptr) return false;
  if (builder == "list" || builder == "tuple") return true;
  if (builder == "set" || builder == "frozenset") {
    if (kind.evidence == semantic::Evidence::Literal && kind.origin.is(Kind::List)) {
      for (const Node element : kind.origin.named_children()) {
        if (!element.is(Kind::Comment) && !lint::is_hashable_constant(syntax::unparenthesize(element))) return false;
      }
      return !model.usage(model.variable_of(input)).mutated;
    }
    return hashes_by_value(model.element_kind(input).kind);
  }
  return false;
}

// `x in set(L)` -> `L_set = set(L)` before the outermost loop that keeps L unchanged, `x in L_set`.
std::optional<lint::Fix> hoist_inline(const Node& call, std::string_view builder, const Node& input,
                                      const semantic::KindInfo& kind, const semantic::Model::Variable& variable,
                                      const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  if (model.scope(model.running_scope(ctx.scope())).kind != semantic::ScopeKind::Function) return std::nullopt;
  const Node statement = lint::hoist_statement(variable, ctx);
  if (!statement) return std::nullopt;
  const std::string_view base = input.is(Kind::Attribute) ? ctx.text(input.field(Field::Attribute)) : ctx.text(input);
  const std::string name = lint::fresh_name(fmt::format("{}_{}", base, builder), ctx);
  const bool safe = hoist_is_safe(builder, input, kind, ctx) && lint::call_arguments(call, ctx).keywords.empty();
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                          fmt::format("Build `{}` once before the loop", name))
      .add(lint::insert_line_before(statement, fmt::format("{} = {}", name, ctx.text(call)), ctx))
      .replace(call, name)
      .build();
}

// `name = set(L)` as a statement of the loop's body -> the same statement before the loop. Only a
// statement on a line of its own (trailing comment allowed), so the line moves whole.
std::optional<lint::Fix> hoist_bound(const Node& call, std::string_view builder, const Node& input,
                                     const semantic::KindInfo& kind, const lint::Context& ctx) {
  const auto& model = ctx.semantic();
  const Node& statement = ctx.grandparent();
  const Node loop = model.loop(ctx.loop()).node;
  const syntax::SourceText& source = ctx.source();
  const std::uint32_t line = source.line_index(statement.start_byte());
  if (source.line_index(statement.end_byte()) != line || !lint::line_indent(statement, ctx)) return std::nullopt;
  const std::string_view rest = source.text().substr(
      statement.end_byte(), source.line_text(line).size() - (statement.end_byte() - source.line_start(line)));
  const std::size_t first = rest.find_first_not_of(" \t");
  if (first != std::string_view::npos && rest[first] != '#') return std::nullopt;  // `a = set(L); b = 1`
  const std::uint32_t end =
      line + 1 < source.line_count() ? source.line_start(line + 1) : static_cast<std::uint32_t>(source.text().size());
  const bool safe = hoist_is_safe(builder, input, kind, ctx) && lint::call_arguments(call, ctx).keywords.empty();
  return lint::FixBuilder(safe ? lint::Applicability::Safe : lint::Applicability::Unsafe,
                          "Move the build before the loop")
      .add(lint::insert_line_before(
          loop, source.line_text(line).substr(statement.start_byte() - source.line_start(line)), ctx))
      .remove(source.line_start(line), end)
      .build();
}

class InvariantCollectionInLoop final : public lint::Rule {
 public:
  const lint::RuleMeta& meta() const override { return kMeta; }

  void check(const Node& node, lint::Context& ctx) const override {
    if (ctx.loop_depth() == 0) return;
    const auto& model = ctx.semantic();
    const char* builder = nullptr;
    for (const char* name : {"set", "frozenset", "dict", "list", "tuple", "sorted"}) {
      if (lint::is_builtin_call(node, name, ctx)) builder = name;
    }
    if (builder == nullptr) return;
    const auto args = lint::call_arguments(node, ctx);
    if (args.positional.size() != 1 || args.has_unpacking) return;
    if (!args.keywords.empty() && std::string_view(builder) != "sorted") return;
    const Node input = syntax::unparenthesize(args.positional[0]);
    if (!input.is(Kind::Identifier) && !input.is(Kind::Attribute)) return;
    const semantic::KindInfo kind = model.kind_of(input);
    if (!reiterable(kind.kind)) return;  // an iterator would be exhausted after the first build
    const auto variable = model.variable_of(input);
    if (!variable || !model.invariant_in(variable, ctx.loop())) return;
    if (model.captured_by_nested_scope(variable)) return;  // a nested function may change it
    if (lint::few_iterations(model.loop(ctx.loop()), ctx)) return;
    const bool bound = bound_and_only_read(node, ctx);
    if (!bound && !read_only_use(node, ctx)) return;  // a fresh copy may be what the loop needs
    const std::string i = lint::quote(input, ctx);
    if (bound) {
      const Node name = ctx.parent().field(Field::Left);
      lint::Diagnostic& d = ctx.report(
          node,
          fmt::format("`{} = {}({})` rebuilds the same {} on every iteration, though `{}` ({}) does not "
                      "change in the loop and `{}` is only read: O(n) per iteration; build it once "
                      "before the loop",
                      lint::quote(name, ctx), builder, i, std::string_view(builder) == "sorted" ? "list" : builder, i,
                      lint::evidence_note(kind, ctx), lint::quote(name, ctx)));
      if (model.scope(model.running_scope(ctx.scope())).kind == semantic::ScopeKind::Function) {
        d.fix = hoist_bound(node, builder, input, kind, ctx);
      }
      return;
    }
    ctx.report(node, fmt::format("`{}({})` rebuilds the same {} on every iteration, though `{}` ({}) does not change "
                                 "in the loop: O(n) per iteration; build it once before the loop",
                                 builder, i, std::string_view(builder) == "sorted" ? "list" : builder, i,
                                 lint::evidence_note(kind, ctx)))
        .fix = hoist_inline(node, builder, input, kind, variable, ctx);
  }
};

}  // namespace

const lint::Rule& invariant_collection_in_loop() {
  static const InvariantCollectionInLoop rule;
  return rule;
}

}  // namespace pyperf::rules
