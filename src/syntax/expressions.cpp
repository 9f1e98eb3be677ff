#include "syntax/expressions.hpp"

#include <charconv>

#include "syntax/language.hpp"

namespace pyperf::syntax {

Node unparenthesize(Node node) {
  while (node.is(Kind::ParenthesizedExpression) && node.named_child_count() == 1) {
    const Node inner = node.named_child(0);
    if (inner.is(Kind::Comment)) break;
    node = inner;
  }
  return node;
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

// The accumulated target of `x += y` or `x = x + y`, else null.
Node concatenation_target(const Node& node, std::string_view src) {
  if (node.is(Kind::AugmentedAssignment)) {
    if (node.field(Field::Operator).text(src) != "+=") return {};
    return node.field(Field::Left);
  }
  if (!node.is(Kind::Assignment) || node.field(Field::TypeAnnotation)) return {};
  const Node left = node.field(Field::Left);
  const Node right = unparenthesize(node.field(Field::Right));
  if (!right.is(Kind::BinaryOperator) || right.field(Field::Operator).text(src) != "+") return {};
  if (unparenthesize(right.field(Field::Left)).text(src) != left.text(src)) return {};
  return left;
}

// The expression whose kind tells what is being concatenated: the name read on the right.
Node concatenation_operand(const Node& node) {
  if (node.is(Kind::AugmentedAssignment)) return node.field(Field::Left);
  return unparenthesize(unparenthesize(node.field(Field::Right)).field(Field::Left));
}

}  // namespace pyperf::syntax
