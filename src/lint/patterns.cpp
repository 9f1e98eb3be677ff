#include "lint/patterns.hpp"

#include "lint/fix.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>

namespace pyperf::lint {

using syntax::Field;
using syntax::Kind;
using syntax::Node;
using syntax::unparenthesize;

CallArguments call_arguments(const Node& call, const Context& ctx) {
  const std::string_view source = ctx.source().text();
  CallArguments out;
  const Node args = call.field(Field::Arguments);
  if (!args) return out;
  if (args.is(Kind::GeneratorExpression)) {
    out.positional.push_back(args);
    out.generator_argument = true;
    return out;
  }
  for (const Node arg : args.named_children()) {
    switch (arg.kind()) {
      case Kind::Comment:
        break;
      case Kind::KeywordArgument:
        out.keywords.push_back({arg.field(Field::Name).text(source), arg.field(Field::Value)});
        break;
      case Kind::ListSplat:
      case Kind::DictionarySplat:
      case Kind::ParenthesizedListSplat:
        out.has_unpacking = true;
        break;
      default:
        out.positional.push_back(arg);
        break;
    }
  }
  return out;
}

bool is_builtin_call(const Node& call, std::string_view name, const Context& ctx) {
  if (!call.is(Kind::Call)) return false;
  return ctx.semantic().is_builtin(call.field(Field::Function), name);
}

namespace {

bool is_scalar_constant(const Node& node) {
  switch (node.kind()) {
    case Kind::Integer:
    case Kind::Float:
    case Kind::True:
    case Kind::False:
    case Kind::None:
    case Kind::Ellipsis:
      return true;
    case Kind::String: {
      for (const Node child : node.named_children()) {
        if (child.is(Kind::Interpolation)) return false;
      }
      return true;
    }
    case Kind::ConcatenatedString: {
      for (const Node part : node.named_children()) {
        if (!part.is(Kind::String) || !is_scalar_constant(part)) return false;
      }
      return true;
    }
    case Kind::UnaryOperator: {
      const Node operand = node.field(Field::Argument);
      return operand.is(Kind::Integer) || operand.is(Kind::Float);
    }
    default:
      return false;
  }
}

}  // namespace

bool builtin_unshadowed(std::string_view name, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  return !model.scope(0).star_import && !ctx.names().symbols.contains(name);
}

bool is_store_target(const Node& node, const Context& ctx) {
  const Node& parent = ctx.parent();
  switch (parent.kind()) {
    case Kind::Assignment:
    case Kind::AugmentedAssignment:
    case Kind::ForStatement:
    case Kind::ForInClause:
      return parent.field(Field::Left) == node;
    case Kind::DeleteStatement:
    case Kind::PatternList:
    case Kind::TuplePattern:
    case Kind::ListPattern:
    case Kind::ListSplatPattern:
      return true;
    default:
      return false;
  }
}

bool is_hashable_constant(const Node& raw) {
  const Node node = unparenthesize(raw);
  if (is_scalar_constant(node)) return true;
  if (!node.is(Kind::Tuple)) return false;
  for (const Node element : node.named_children()) {
    if (element.is(Kind::Comment)) continue;
    if (!is_scalar_constant(unparenthesize(element))) return false;
  }
  return true;
}

std::optional<Comparison> binary_comparison(const Node& node) {
  if (!node.is(Kind::ComparisonOperator)) return std::nullopt;
  Comparison out;
  int operands = 0;
  int operators = 0;
  auto children = node.children();  // the cursor lives in `children`: keep it alive while iterating
  for (auto it = children.begin(), end = children.end(); !(it == end); ++it) {
    const Node child = *it;
    if (it.field() == Field::Operators) {
      out.op = child.kind();
      ++operators;
    } else if (child.named() && !child.is(Kind::Comment)) {
      (operands == 0 ? out.left : out.right) = child;
      ++operands;
    }
  }
  if (operands != 2 || operators != 1) return std::nullopt;
  return out;
}

bool is_unhashable_display(const Node& raw) {
  switch (unparenthesize(raw).kind()) {
    case Kind::List:
    case Kind::Dictionary:
    case Kind::Set:
    case Kind::ListComprehension:
    case Kind::DictionaryComprehension:
    case Kind::SetComprehension:
      return true;
    default:
      return false;
  }
}

std::optional<MethodCall> method_call(const Node& call, const Context& ctx) {
  if (!call.is(Kind::Call)) return std::nullopt;
  const Node fn = call.field(Field::Function);
  if (!fn.is(Kind::Attribute)) return std::nullopt;
  return MethodCall{fn.field(Field::Object), ctx.text(fn.field(Field::Attribute)), call_arguments(call, ctx)};
}

Node only_statement(const Node& block) {
  Node only;
  for (const Node statement : block.named_children()) {
    if (statement.is(Kind::Comment)) continue;
    if (only) return {};
    only = statement;
  }
  return only;
}

std::optional<ListMethodCall> list_method_call(const Node& node, std::string_view method, std::size_t positional,
                                               const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  auto call = method_call(node, ctx);
  if (!call || call->method != method || call->arguments.positional.size() != positional ||
      !call->arguments.keywords.empty() || call->arguments.has_unpacking) {
    return std::nullopt;
  }
  const semantic::KindInfo kind = model.kind_of(call->receiver);
  if (kind.kind != semantic::ValueKind::List) return std::nullopt;
  const auto variable = model.variable_of(call->receiver);
  if (!variable) return std::nullopt;
  return ListMethodCall{std::move(*call), kind, variable};
}

std::string quote(const Node& node, const Context& ctx) {
  constexpr std::size_t kMax = 40;
  std::string out;
  bool space = false;
  for (const char c : ctx.text(node)) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > kMax) {
    std::size_t cut = kMax - 3;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U) --cut;  // keep UTF-8 whole
    out = out.substr(0, cut) + "...";
  }
  return out;
}

std::string evidence_note(const semantic::KindInfo& kind, const Context& ctx) {
  if (!kind) return {};
  const std::uint32_t line = ctx.source().position(kind.origin.start_byte()).line;
  std::string what;
  switch (kind.evidence) {
    case semantic::Evidence::Literal:
      what = "literal";
      break;
    case semantic::Evidence::Comprehension:
      what = "comprehension";
      break;
    case semantic::Evidence::Constructor:
    case semantic::Evidence::BuiltinResult: {
      Node fn = kind.origin.field(Field::Function);
      if (fn.is(Kind::Attribute)) fn = fn.field(Field::Attribute);
      what = fmt::format("`{}()` {}", quote(fn, ctx),
                         kind.evidence == semantic::Evidence::Constructor ? "call" : "result");
      break;
    }
    case semantic::Evidence::Operator:
      what = "built by an operator";
      break;
    case semantic::Evidence::Annotation:
      what = fmt::format("annotation `{}`", quote(kind.origin, ctx));
      break;
    case semantic::Evidence::Definition:
      what = "definition";
      break;
    case semantic::Evidence::CallResult: {
      Node fn = kind.origin.field(Field::Function);
      if (fn.is(Kind::Attribute)) fn = fn.field(Field::Attribute);
      what = fmt::format("what `{}()` returns", quote(fn, ctx));
      break;
    }
    case semantic::Evidence::None:
      return {};
  }
  return fmt::format("{}, line {}", what, line);
}

bool few_iterations(const semantic::Loop& loop, const Context& ctx) {
  const std::string_view source = ctx.source().text();
  const Node iterable = unparenthesize(loop.iterable);
  if (iterable.is(Kind::List) || iterable.is(Kind::Tuple) || iterable.is(Kind::Set)) {
    std::size_t n = 0;
    for (const Node element : iterable.named_children()) {
      if (element.is(Kind::ListSplat)) return false;
      if (!element.is(Kind::Comment)) ++n;
    }
    return n <= 3;
  }
  if (iterable.is(Kind::Call) && iterable.field(Field::Function).text(source) == "range") {
    const auto args = call_arguments(iterable, ctx);
    if (args.positional.size() == 1) {
      for (long long k = 0; k <= 3; ++k) {
        if (syntax::is_int_literal(args.positional[0], k, source)) return true;
      }
    }
  }
  return false;
}

bool in_type_error_handler(const Node& node, const Context& ctx) {
  const std::string_view source = ctx.source().text();
  // The ancestors up to the enclosing def, class or module, found by one descent from that scope's
  // node (parent() would descend from the root once per step). Comprehensions and lambdas run in
  // their enclosing code's handlers.
  const semantic::Model& model = ctx.semantic();
  semantic::ScopeId scope = ctx.scope();
  while (model.scope(scope).parent != semantic::kNone &&
         (model.scope(scope).kind == semantic::ScopeKind::Comprehension ||
          model.scope(scope).kind == semantic::ScopeKind::Lambda)) {
    scope = model.scope(scope).parent;
  }
  const std::vector<syntax::PathStep> path = syntax::path_down(model.scope(scope).node, node);
  if (path.size() < 2) return false;  // no ancestor below the scope's node
  // Upwards from the node's parent (the last step is the node itself). No std::views here: clang 14
  // cannot compile libstdc++ 12's ranges, and the fuzz, tsan and clang-tidy builds use it.
  for (auto step = std::next(path.rbegin()); step != path.rend(); ++step) {
    const Node& n = step->node;
    if (n.is(Kind::FunctionDefinition) || n.is(Kind::ClassDefinition) || n.is(Kind::Module)) return false;
    if (!n.is(Kind::ExceptClause)) continue;
    for (const Node child : n.named_children()) {
      if (child.is(Kind::Block)) break;
      if (child.text(source).find("TypeError") != std::string_view::npos) return true;
    }
  }
  return false;
}

std::optional<ListMethodCall> repeated_list_scan(const Node& call, std::string_view method, const Context& ctx) {
  if (ctx.loop_depth() == 0) return std::nullopt;
  const semantic::Model& model = ctx.semantic();
  auto found = list_method_call(call, method, 1, ctx);  // one argument: a window search has 2+
  if (!found || !model.invariant_in(found->variable, ctx.loop())) return std::nullopt;
  if (few_iterations(model.loop(ctx.loop()), ctx)) return std::nullopt;
  return found;
}

std::optional<ListMethodCall> front_shift_in_loop(const Node& call, std::string_view method, std::size_t positional,
                                                  const Context& ctx) {
  if (ctx.loop_depth() == 0) return std::nullopt;  // one shift is one O(n) copy: not worth a new type
  const semantic::Model& model = ctx.semantic();
  auto found = list_method_call(call, method, positional, ctx);
  if (!found || !syntax::is_int_literal(found->call.arguments.positional[0], 0, ctx.source().text())) {
    return std::nullopt;
  }
  if (!model.deque_compatible(found->variable)) return std::nullopt;
  // A list created afresh on every iteration gets one shift per list: not the quadratic drain.
  if (model.rebound_within(found->variable, model.loop(ctx.loop()).node)) return std::nullopt;
  return found;
}

std::optional<Accumulation> growing_accumulator(const Node& statement, semantic::ValueKind kind, const Context& ctx) {
  if (ctx.loop_depth() == 0) return std::nullopt;
  const semantic::Model& model = ctx.semantic();
  const Node target = syntax::concatenation_target(statement, ctx.source().text());
  if (!target.is(Kind::Identifier) && !target.is(Kind::Attribute)) return std::nullopt;  // subscripts: type unknown
  if (model.accumulator_reset_within(target, model.loop(ctx.loop()).node)) return std::nullopt;
  const semantic::KindInfo operand = model.kind_of(syntax::concatenation_operand(statement));
  if (operand.kind != kind) return std::nullopt;
  return Accumulation{target, operand};
}

std::optional<std::uint64_t> visible_collection_size(const Node& expression, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  if (const auto n = visible_size(expression, model)) return n;
  const Node e = unparenthesize(expression);
  if (!e.is(Kind::Identifier) && !e.is(Kind::Attribute)) return std::nullopt;
  const semantic::KindInfo kind = model.kind_of(e);
  if (kind.evidence != semantic::Evidence::Literal) return std::nullopt;
  const auto variable = model.variable_of(e);
  if (!variable || model.usage(variable).mutated) return std::nullopt;
  return visible_size(kind.origin, model);
}

}  // namespace pyperf::lint

namespace pyperf::lint {

semantic::LoopId loop_of_iterable(const Node& iterable, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  const Node& parent = ctx.parent();
  if (!(parent.is(Kind::ForStatement) || parent.is(Kind::ForInClause)) || !(parent.field(Field::Right) == iterable)) {
    return semantic::kNone;
  }
  semantic::LoopId found = semantic::kNone;
  any_in_subtree(parent.field(Field::Left), [&](const Node& n) {
    if (!n.is(Kind::Identifier)) return false;
    const semantic::Binding* binding = model.binding_at(n);
    if (binding == nullptr || binding->loop == semantic::kNone) return false;
    const semantic::Loop& loop = model.loop(binding->loop);
    if (!(loop.iterable == iterable) && !(loop.node == parent)) return false;
    found = binding->loop;
    return true;
  });
  return found;
}

bool suspends_within(const Node& region, const Context&) {
  std::vector<Node> pending{region};
  while (!pending.empty()) {
    const Node n = pending.back();
    pending.pop_back();
    if (n.is(Kind::Yield) || n.is(Kind::Await)) return true;
    if (n.is(Kind::FunctionDefinition) || n.is(Kind::Lambda) || n.is(Kind::ClassDefinition)) continue;
    for (const Node child : n.named_children()) pending.push_back(child);
  }
  return false;
}

bool class_creates_lock(semantic::ScopeId class_scope, const Context& ctx) {
  const semantic::Model& model = ctx.semantic();
  if (class_scope == semantic::kNone) return false;
  return any_in_subtree(model.scope(class_scope).node, [&](const Node& n) {
    if (!n.is(Kind::Call)) return false;
    const std::string name = model.qualified_name(n.field(Field::Function));
    for (const std::string_view lock : {"threading.Lock", "threading.RLock", "threading.Condition",
                                        "threading.Semaphore", "threading.BoundedSemaphore", "_thread.allocate_lock"}) {
      if (name == lock) return true;
    }
    return false;
  });
}

syntax::Node hoist_statement(const semantic::Model::Variable& variable, const Context& ctx) {
  const auto& model = ctx.semantic();
  semantic::LoopId target = ctx.loop();
  if (target == semantic::kNone) return {};
  while (model.loop(target).parent != semantic::kNone && model.invariant_in(variable, model.loop(target).parent)) {
    target = model.loop(target).parent;
  }
  Node statement = model.loop(target).node;
  for (Node up = statement.parent(); up && !up.is(Kind::Block) && !up.is(Kind::Module); up = up.parent()) {
    if (up.is(Kind::Lambda) || up.is(Kind::FunctionDefinition) || up.is(Kind::ClassDefinition)) return {};
    statement = up;
  }
  if (!line_indent(statement, ctx)) return {};
  return statement;
}

}  // namespace pyperf::lint
