#pragma once
// Shapes of Python expressions and statements that need only the tree and the source text: no
// names resolved, no kinds inferred. The semantic model and the rules both build on them.

#include <string_view>

#include "syntax/tree.hpp"

namespace pyperf::syntax {

// The expression inside any number of parentheses.
Node unparenthesize(Node node);

// True for an integer literal with the value `value` (e.g. 0 or -1), parenthesised or not.
bool is_int_literal(const Node& node, long long value, std::string_view source);

// `x += y` or `x = x + y`: the accumulated target x, else null.
Node concatenation_target(const Node& statement, std::string_view source);
// The read of the accumulator in such a statement (its kind tells what is concatenated).
Node concatenation_operand(const Node& statement);

}  // namespace pyperf::syntax
