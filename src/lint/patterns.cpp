#include "lint/patterns.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace pyperf::lint {

using syntax::Field;
using syntax::Kind;
using syntax::Node;

Node unparenthesize(Node node) {
  while (node.is(Kind::ParenthesizedExpression) && node.named_child_count() == 1) {
    const Node inner = node.named_child(0);
    if (inner.is(Kind::Comment)) break;
    node = inner;
  }
  return node;
}

CallArguments call_arguments(const Node& call, std::string_view source) {
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

bool is_builtin_call(const Node& call, std::string_view name, const semantic::Model& model) {
  if (!call.is(Kind::Call)) return false;
  return model.is_builtin(call.field(Field::Function), name);
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

bool is_int_literal(const Node& raw, long long value, std::string_view source) {
  Node node = unparenthesize(raw);
  bool negative = false;
  if (node.is(Kind::UnaryOperator)) {
    const std::string_view op = node.field(Field::Operator).text(source);
    if (op != "-") return false;
    negative = true;
    node = node.field(Field::Argument);
  }
  if (!node.is(Kind::Integer)) return false;
  const std::string_view text = node.text(source);
  long long parsed = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc() || ptr != text.data() + text.size()) return false;
  return (negative ? -parsed : parsed) == value;
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

std::optional<MethodCall> method_call(const Node& call, std::string_view source) {
  if (!call.is(Kind::Call)) return std::nullopt;
  const Node fn = call.field(Field::Function);
  if (!fn.is(Kind::Attribute)) return std::nullopt;
  return MethodCall{fn.field(Field::Object), fn.field(Field::Attribute).text(source), call_arguments(call, source)};
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
                                               const semantic::Model& model) {
  auto call = method_call(node, model.source().text());
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

std::string quote(const Node& node, std::string_view source) {
  constexpr std::size_t kMax = 40;
  std::string out;
  bool space = false;
  for (const char c : node.text(source)) {
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

std::string evidence_note(const semantic::KindInfo& kind, const syntax::SourceText& source) {
  if (!kind) return {};
  const std::uint32_t line = source.position(kind.origin.start_byte()).line;
  const std::string_view text = source.text();
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
      what = fmt::format("`{}()` {}", quote(fn, text),
                         kind.evidence == semantic::Evidence::Constructor ? "call" : "result");
      break;
    }
    case semantic::Evidence::Operator:
      what = "built by an operator";
      break;
    case semantic::Evidence::Annotation:
      what = fmt::format("annotation `{}`", quote(kind.origin, text));
      break;
    case semantic::Evidence::Definition:
      what = "definition";
      break;
    case semantic::Evidence::None:
      return {};
  }
  return fmt::format("{}, line {}", what, line);
}

bool rebound_within(const semantic::Model& model, const semantic::Model::Variable& variable, const Node& region,
                    const Node& ignore) {
  if (variable.symbol != semantic::kNone) {
    for (const semantic::BindingId id : model.symbol(variable.symbol).bindings) {
      const semantic::Binding& b = model.binding(id);
      if (b.kind == semantic::BindingKind::Annotation) continue;
      if (model.contains(region, b.target) && !(ignore && model.contains(ignore, b.target))) return true;
    }
    return false;
  }
  // `self.attr`: a store anywhere in the region (stores are found through the uses' twin list).
  for (const auto& site : model.attribute_stores(variable)) {
    if (model.contains(region, site) && !(ignore && model.contains(ignore, site))) return true;
  }
  return false;
}

bool few_iterations(const semantic::Loop& loop, std::string_view source) {
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
    const auto args = call_arguments(iterable, source);
    if (args.positional.size() == 1) {
      for (long long k = 0; k <= 3; ++k) {
        if (is_int_literal(args.positional[0], k, source)) return true;
      }
    }
  }
  return false;
}

bool in_type_error_handler(const Node& node, std::string_view source) {
  for (Node n = node.parent(); n; n = n.parent()) {
    if (n.is(Kind::FunctionDefinition) || n.is(Kind::ClassDefinition) || n.is(Kind::Module)) return false;
    if (!n.is(Kind::ExceptClause)) continue;
    for (const Node child : n.named_children()) {
      if (child.is(Kind::Block)) break;
      if (child.text(source).find("TypeError") != std::string_view::npos) return true;
    }
  }
  return false;
}

bool deque_compatible(const semantic::Model& model, const semantic::Model::Variable& variable, const Node& ignore) {
  static constexpr std::string_view kDequeMethods[] = {"append",     "appendleft", "pop",    "popleft", "extend",
                                                       "extendleft", "insert",     "remove", "clear",   "count",
                                                       "index",      "reverse",    "rotate", "copy"};
  const std::string_view source = model.source().text();
  for (const auto& site : model.uses(variable)) {
    if (ignore && model.contains(ignore, site.node)) continue;
    const semantic::Use& use = site.use;
    switch (use.kind) {
      case semantic::UseKind::MethodCall:
        if (std::find(std::begin(kDequeMethods), std::end(kDequeMethods), use.member) == std::end(kDequeMethods)) {
          return false;  // sort(), or a method deque lacks
        }
        break;
      case semantic::UseKind::Index:
      case semantic::UseKind::IndexStore: {
        // Indexing a deque is O(1) only at its ends.
        const Node index = use.site.field(Field::SubscriptIndex);
        if (!is_int_literal(index, 0, source) && !is_int_literal(index, -1, source)) return false;
        break;
      }
      case semantic::UseKind::Slice:
      case semantic::UseKind::SliceStore:
      case semantic::UseKind::IndexDelete:
      case semantic::UseKind::Argument:
      case semantic::UseKind::Returned:
      case semantic::UseKind::Aliased:
      case semantic::UseKind::Other:
      case semantic::UseKind::Attribute:
        return false;
      case semantic::UseKind::Read:
        if (use.member == "+" || use.member == "*" || use.member == "compare" || use.member == "format") return false;
        break;
      case semantic::UseKind::BuiltinCall:
        if (use.member == "sorted" || use.member == "len" || use.member == "list" || use.member == "tuple" ||
            use.member == "set" || use.member == "any" || use.member == "all" || use.member == "sum" ||
            use.member == "min" || use.member == "max" || use.member == "enumerate" || use.member == "zip" ||
            use.member == "iter" || use.member == "reversed" || use.member == "bool" || use.member == "join" ||
            use.member == "extend" || use.member == "update") {
          break;
        }
        return false;  // print(), str(), repr() … would show a deque
      default:
        break;
    }
  }
  return true;
}

// The accumulated target of `x += y` or `x = x + y`, else null.
Node concatenation_target(const Node& node, std::string_view src) {
  if (node.is(Kind::AugmentedAssignment)) {
    if (node.field(Field::Operator).text(src) != "+=") return {};
    return node.field(Field::Left);
  }
  if (!node.is(Kind::Assignment) || node.field(Field::TypeAnnotation)) return {};
  const Node left = node.field(Field::Left);
  const Node right = lint::unparenthesize(node.field(Field::Right));
  if (!right.is(Kind::BinaryOperator) || right.field(Field::Operator).text(src) != "+") return {};
  if (lint::unparenthesize(right.field(Field::Left)).text(src) != left.text(src)) return {};
  return left;
}

// The expression whose kind tells what is being concatenated: the name read on the right.
Node concatenation_operand(const Node& node) {
  if (node.is(Kind::AugmentedAssignment)) return node.field(Field::Left);
  return lint::unparenthesize(lint::unparenthesize(node.field(Field::Right)).field(Field::Left));
}

// True when `target` is a plain function local that only this function's frame holds: the one
// case where CPython's BINARY_OP_INPLACE_ADD_UNICODE can resize the string in place.
bool accumulator_reset_within(const semantic::Model& model, const Node& target, const Node& loop_node) {
  const std::string_view src = model.source().text();
  const auto variable = model.variable_of(target);
  if (!variable) return true;
  std::vector<Node> stores;
  if (variable.symbol != semantic::kNone) {
    for (const semantic::BindingId id : model.symbol(variable.symbol).bindings) {
      const semantic::Binding& b = model.binding(id);
      if (b.kind != semantic::BindingKind::Annotation) stores.push_back(b.statement ? b.statement : b.target);
    }
  } else {
    for (const Node& store : model.attribute_stores(variable)) {
      Node statement = store.parent();
      while (statement && !statement.is(Kind::Assignment) && !statement.is(Kind::AugmentedAssignment)) {
        statement = statement.parent();
      }
      stores.push_back(statement ? statement : store);
    }
  }
  for (const Node& statement : stores) {
    if (!model.contains(loop_node, statement)) continue;
    if (!concatenation_target(statement, src)) return true;
  }
  return false;
}

bool is_fast_local(const Node& target, const semantic::Model& model) {
  if (!target.is(Kind::Identifier)) return false;
  const semantic::Reference* ref = model.reference_at(target);
  const semantic::Binding* binding = model.binding_at(target);
  const semantic::SymbolId symbol =
      ref != nullptr ? ref->symbol : (binding != nullptr ? binding->symbol : semantic::kNone);
  if (symbol == semantic::kNone) return false;
  const semantic::Symbol& s = model.symbol(symbol);
  const auto kind = model.scope(s.scope).kind;
  if (kind != semantic::ScopeKind::Function && kind != semantic::ScopeKind::Lambda) return false;
  for (const semantic::BindingId id : s.bindings) {
    if (model.binding(id).scope != s.scope) return false;  // nonlocal from a nested function: a cell
  }
  for (const semantic::ReferenceId id : s.references) {
    semantic::ScopeId scope = model.reference(id).scope;
    while (model.scope(scope).kind == semantic::ScopeKind::Comprehension) scope = model.scope(scope).parent;
    if (scope != s.scope) return false;  // captured by a nested function: a cell
  }
  return true;
}

}  // namespace pyperf::lint
