#pragma once
// Small syntactic helpers shared by rules: unwrapping parentheses, reading call arguments and
// comparisons, recognising constants. Anything about what a name holds belongs to the semantic
// model instead.

#include <optional>
#include <string_view>
#include <vector>

#include "semantic/model.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

// The expression inside any number of parentheses.
syntax::Node unparenthesize(syntax::Node node);

struct Keyword {
  std::string_view name;
  syntax::Node value;
};

struct CallArguments {
  std::vector<syntax::Node> positional;
  std::vector<Keyword> keywords;
  bool has_unpacking = false;       // *args or **kwargs present
  bool generator_argument = false;  // f(x for x in y): the argument list is a genexp
};

// The arguments of a `call` node. For `f(x for x in y)` the genexp is the one positional argument.
CallArguments call_arguments(const syntax::Node& call, std::string_view source);

// The called function when `call` is `name(...)` with `name` resolving to Python's builtin.
bool is_builtin_call(const syntax::Node& call, std::string_view name, const semantic::Model& model);

// A value the compiler folds to a hashable constant: numbers (with a sign), strings and bytes
// without interpolation, True/False/None/..., and tuples of those (one level deep).
bool is_hashable_constant(const syntax::Node& node);

// True for an integer literal with the value `value` (e.g. 0 or -1).
bool is_int_literal(const syntax::Node& node, long long value, std::string_view source);

// A comparison with exactly two operands: `left <op> right`.
struct Comparison {
  syntax::Node left;
  syntax::Node right;
  syntax::Kind op = syntax::Kind::Other;  // KwIn, KwNotIn, OpEq, …
};
std::optional<Comparison> binary_comparison(const syntax::Node& node);

// Nodes whose value can never be hashed (list/dict/set displays and comprehensions).
bool is_unhashable_display(const syntax::Node& node);

}  // namespace pyperf::lint
