#include "lint/patterns.hpp"

#include <charconv>

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

}  // namespace pyperf::lint
