#pragma once
// Small helpers shared by rules: reading call arguments and comparisons, recognising constants,
// quoting code for messages. They take the rule's Context (source and model). Anything about what
// a name holds belongs to the semantic model; shapes that need no context to syntax/expressions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.hpp"
#include "semantic/model.hpp"
#include "syntax/expressions.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

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
CallArguments call_arguments(const syntax::Node& call, const Context& ctx);

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
bool is_builtin_call(const syntax::Node& call, std::string_view name, const Context& ctx);

// True when nothing in the file binds `name` (no assignment, parameter, import, definition, and no
// star import): a fix may then write the builtin of that name anywhere in the file.
bool builtin_unshadowed(std::string_view name, const Context& ctx);

// True when `node` (the node being checked: ctx.parent() is its parent) is stored to or deleted:
// the target of an assignment, `for` or `del`, or an element of a target pattern. A fix that turns
// it into a call would not parse.
bool is_store_target(const syntax::Node& node, const Context& ctx);

// A value the compiler folds to a hashable constant: numbers (with a sign), strings and bytes
// without interpolation, True/False/None/..., and tuples of those (one level deep).
bool is_hashable_constant(const syntax::Node& node);

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
std::optional<MethodCall> method_call(const syntax::Node& call, const Context& ctx);

// `L.method(...)` with exactly `positional` positional arguments and no keywords, on a receiver
// known to hold a list: the call, what L is (with its evidence) and L as a variable of the model.
struct ListMethodCall {
  MethodCall call;
  semantic::KindInfo kind;
  semantic::Model::Variable variable;
};
std::optional<ListMethodCall> list_method_call(const syntax::Node& call, std::string_view method,
                                               std::size_t positional, const Context& ctx);

// The near-twin rules' shared guards, each true only inside a loop:
// `L.method(v)` (index, count) on a known list that the loop leaves alone, in a loop that visibly
// runs more than a few times: a scan repeated with the same list.
std::optional<ListMethodCall> repeated_list_scan(const syntax::Node& call, std::string_view method, const Context& ctx);
// `L.method(0, ...)` (pop, insert) with `positional` arguments on a known list that could be a
// deque and is not created afresh by the loop: a shift of the whole list on every iteration.
std::optional<ListMethodCall> front_shift_in_loop(const syntax::Node& call, std::string_view method,
                                                  std::size_t positional, const Context& ctx);
// `x += y` / `x = x + y` with x a name or attribute holding a value of `kind`, growing across the
// iterations of the loop (not reset inside it): the accumulator and what it is known to hold.
struct Accumulation {
  syntax::Node target;
  semantic::KindInfo kind;
};
std::optional<Accumulation> growing_accumulator(const syntax::Node& statement, semantic::ValueKind kind,
                                                const Context& ctx);

// A short quote of an expression for messages: whitespace collapsed, long text cut with "...".
std::string quote(const syntax::Node& node, const Context& ctx);

// Why a value is believed to have its kind, for messages: "list literal, line 3",
// "annotation `list[str]`, line 8", "`sorted()` result, line 5".
std::string evidence_note(const semantic::KindInfo& kind, const Context& ctx);

// True when the loop visibly runs at most 3 times (`for x in (a, b)`, `range(2)`): building a
// set or dict once pays off only after about three lookups (measured break-even 2-5).
bool few_iterations(const semantic::Loop& loop, const Context& ctx);

// True when `node` sits in an `except` clause that catches TypeError: code that falls back to a
// list there does so because its items are unhashable.
bool in_type_error_handler(const syntax::Node& node, const Context& ctx);

// How many elements a collection visibly holds: a display's length, N of `range(N)`, or the same
// for a name bound to such a display that nothing changes. For impact estimates.
std::optional<std::uint64_t> visible_collection_size(const syntax::Node& expression, const Context& ctx);

}  // namespace pyperf::lint

namespace pyperf::lint {

// The loop that iterates `iterable` (the `right` of a for statement or comprehension clause),
// found through the binding of the first name of its target; kNone when there is none.
semantic::LoopId loop_of_iterable(const syntax::Node& iterable, const Context& ctx);

// True when `region` holds a `yield` or `await` outside nested functions and lambdas: control
// leaves the code there and other code runs before it resumes.
bool suspends_within(const syntax::Node& region, const Context& ctx);

// True when the class creates a lock (`threading.Lock()`, `RLock()`, `Condition()`, `Semaphore()` …)
// anywhere in its body: its objects are shared between threads, which may change their attributes
// at any time.
bool class_creates_lock(semantic::ScopeId class_scope, const Context& ctx);

// Where a value built from `variable` can be built once instead of in the checked node's loop: the
// statement of the outermost enclosing loop (same function) in which the variable does not change,
// or the statement holding it when that loop is a comprehension. Null when that statement does not
// start its own line or the climb meets a lambda, function or class first. For fixes that hoist.
syntax::Node hoist_statement(const semantic::Model::Variable& variable, const Context& ctx);

}  // namespace pyperf::lint
