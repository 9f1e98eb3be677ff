#pragma once
// Small syntactic helpers shared by rules: unwrapping parentheses, reading call arguments and
// comparisons, recognising constants. Anything about what a name holds belongs to the semantic
// model instead.

#include <optional>
#include <string>
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

// The one statement of a block (comments aside); null when it holds none or several.
syntax::Node only_statement(const syntax::Node& block);

// True when `pred` holds for `root` or a named node below it. An explicit stack, no recursion:
// for the small subtrees rules look into (a loop body, an expression).
template <class Pred>
bool any_in_subtree(const syntax::Node& root, Pred pred) {
  std::vector<syntax::Node> pending{root};
  while (!pending.empty()) {
    const syntax::Node n = pending.back();
    pending.pop_back();
    if (pred(n)) return true;
    for (const syntax::Node child : n.named_children()) pending.push_back(child);
  }
  return false;
}

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

// `receiver.method(arguments)`; nullopt when `call` is not a method call.
struct MethodCall {
  syntax::Node receiver;
  std::string_view method;
  CallArguments arguments;
};
std::optional<MethodCall> method_call(const syntax::Node& call, std::string_view source);

// `L.method(...)` with exactly `positional` positional arguments and no keywords, on a receiver
// known to hold a list: the call, what L is (with its evidence) and L as a variable of the model.
struct ListMethodCall {
  MethodCall call;
  semantic::KindInfo kind;
  semantic::Model::Variable variable;
};
std::optional<ListMethodCall> list_method_call(const syntax::Node& call, std::string_view method,
                                               std::size_t positional, const semantic::Model& model);

// A short quote of an expression for messages: whitespace collapsed, long text cut with "...".
std::string quote(const syntax::Node& node, std::string_view source);

// Why a value is believed to have its kind, for messages: "list literal, line 3",
// "annotation `list[str]`, line 8", "`sorted()` result, line 5".
std::string evidence_note(const semantic::KindInfo& kind, const syntax::SourceText& source);

// True when the variable is bound again (or, for `self.attr`, stored to) inside `region`, not
// counting bindings inside `ignore`. A list rebound on every iteration is a fresh list each time.
bool rebound_within(const semantic::Model& model, const semantic::Model::Variable& variable, const syntax::Node& region,
                    const syntax::Node& ignore = {});

// True when the loop visibly runs at most 3 times (`for x in (a, b)`, `range(2)`): building a
// set or dict once pays off only after about three lookups (measured break-even 2-5).
bool few_iterations(const semantic::Loop& loop, std::string_view source);

// True when `node` sits in an `except` clause that catches TypeError: code that falls back to a
// list there does so because its items are unhashable.
bool in_type_error_handler(const syntax::Node& node, std::string_view source);

// `x += y` or `x = x + y`: the accumulated target x, else null.
syntax::Node concatenation_target(const syntax::Node& statement, std::string_view source);
// The read of the accumulator in such a statement (its kind tells what is concatenated).
syntax::Node concatenation_operand(const syntax::Node& statement);
// True when the accumulator of a concatenation in `loop_node` is reset inside that loop by
// anything other than concatenations (`p = "$Port"; p = p + x` builds one short string per
// iteration, not one long one).
bool accumulator_reset_within(const semantic::Model& model, const syntax::Node& target, const syntax::Node& loop_node);

// True when `target` is a plain function local that only this function's frame holds: the one
// case where CPython's BINARY_OP_INPLACE_ADD_UNICODE can resize a str in place.
bool is_fast_local(const syntax::Node& target, const semantic::Model& model);

// True when the variable could become a collections.deque without breaking other uses: it is
// not sliced, sorted, concatenated, indexed away from its ends, or handed to code we cannot see
// (which may need a list). Uses inside `ignore` (the flagged statement itself) are not counted.
bool deque_compatible(const semantic::Model& model, const semantic::Model::Variable& variable,
                      const syntax::Node& ignore = {});

}  // namespace pyperf::lint
