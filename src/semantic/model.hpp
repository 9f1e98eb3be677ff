#pragma once
// The per-file semantic model: scopes, symbols, bindings and references held in arenas addressed
// by ids; statement blocks (for which binding reaches a use); how each name and `self.attr` is
// used; the loop nesting of every site. Built by semantic::Builder during the checker's single
// cursor walk, finished (names resolved) before any rule runs. Rules only query it.
//
// What a name holds is answered with evidence or not at all: kind_of() returns Unknown unless a
// literal, comprehension, constructor, known builtin result or annotation says so on every path.

#include <cstdint>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pyperf::semantic {

using ScopeId = std::uint32_t;
using SymbolId = std::uint32_t;
using BindingId = std::uint32_t;
using ReferenceId = std::uint32_t;
using LoopId = std::uint32_t;
using BlockId = std::uint32_t;
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

enum class ScopeKind : std::uint8_t { Module, Class, Function, Lambda, Comprehension };

struct Scope {
  ScopeKind kind;
  ScopeId parent;       // kNone for the module
  syntax::Node node;    // module, class_definition, function_definition, lambda or comprehension
  LoopId loop_outside;  // the innermost loop around the node creating this scope
  bool star_import = false;
  std::unordered_map<std::string_view, SymbolId> symbols;
  std::vector<std::string_view> globals;    // names declared `global` here
  std::vector<std::string_view> nonlocals;  // names declared `nonlocal` here
};

enum class BindingKind : std::uint8_t {
  Assignment,           // x = v, a, b = v, x: T = v
  Annotation,           // x: T (no value: declares, does not bind)
  AugmentedAssignment,  // x += v
  Parameter,
  ForTarget,
  ComprehensionTarget,
  WithTarget,
  ExceptTarget,
  NamedExpression,  // walrus
  Import,           // import a.b / import a as b
  ImportFrom,       // from m import a [as b]
  FunctionDef,
  ClassDef,
  Deletion,
  MatchCapture,
  TypeAlias,
};

struct Binding {
  SymbolId symbol = kNone;
  ScopeId scope;  // the scope whose code binds (before global/nonlocal redirection)
  BindingKind kind;
  syntax::Node target;     // the identifier being bound
  syntax::Node statement;  // the assignment / for / import / def … node that binds
  syntax::Node value;      // the value expression when there is one (a = <value>), else null
  syntax::Node annotation;
  LoopId loop;            // innermost loop in which the binding executes
  BlockId block = 0;      // innermost statement block holding the binding
  bool unpacked = false;  // a target inside a tuple/list pattern or starred: value is not bound whole
  std::uint8_t star = 0;  // parameters: 1 for *args, 2 for **kwargs
};

// How a name (or `self.attr`) is used at one reference.
enum class UseKind : std::uint8_t {
  Read,         // a plain read that neither mutates nor lets the object escape (truth test, `+`, ==, f-string)
  MethodCall,   // obj.method(...): `member` holds the method name, `site` the call
  Attribute,    // obj.attr without a call (a bound method escaping counts here too)
  Index,        // obj[i]
  Slice,        // obj[i:j]
  IndexStore,   // obj[i] = v / obj[i] += v
  SliceStore,   // obj[i:j] = v
  IndexDelete,  // del obj[i] / del obj[i:j]
  Membership,   // x in obj / x not in obj
  Iterate,      // for x in obj / [... for x in obj]
  BuiltinCall,  // an argument of a builtin that neither mutates nor keeps it: `member` is the builtin
  Argument,     // an argument of any other call: the callee may mutate or keep it
  Returned,     // return obj / yield obj
  Aliased,      // bound to another name or attribute, stored in a container, …
  AugAssign,    // obj += v (the target)
  Delete,       // del obj
  Other,        // anything else: treated as an escape
};

struct Use {
  UseKind kind = UseKind::Other;
  std::string_view member;  // method or builtin name for MethodCall / Attribute / BuiltinCall
  syntax::Node site;        // the call, subscript or comparison that uses it (else the name itself)
};

struct Reference {
  SymbolId symbol = kNone;  // after resolution; kNone when builtin or unresolvable
  bool builtin = false;     // resolved to Python's builtins module (no star import in the way)
  ScopeId scope;
  LoopId loop;
  BlockId block = 0;
  syntax::Node node;  // the identifier
  Use use;
};

// `obj.attr` where obj is a plain name: stores (`self.items = []`) and uses (`self.items.pop(0)`).
struct AttributeAccess {
  syntax::Node node;    // the attribute node
  syntax::Node object;  // the identifier before the dot
  std::string_view attr;
  ScopeId scope;
  LoopId loop;
  bool store = false;       // assigned (`=`, annotated) or deleted
  BindingKind store_kind;   // for stores: Assignment, Annotation, AugmentedAssignment, Deletion, …
  syntax::Node value;       // for stores: the value bound
  syntax::Node annotation;  // for stores: `self.x: list[int] = …`
  Use use;                  // for uses
};

struct Symbol {
  std::string_view name;
  ScopeId scope;
  std::vector<BindingId> bindings;
  std::vector<ReferenceId> references;
};

enum class LoopKind : std::uint8_t { For, AsyncFor, While, Comprehension };

struct Loop {
  LoopKind kind;
  syntax::Node node;      // for_statement, while_statement, or the comprehension
  syntax::Node iterable;  // what a for loop or comprehension clause iterates; null for while
  LoopId parent;          // enclosing loop in the same function body, kNone when outermost
  std::uint32_t depth;    // 1 for an outermost loop
  ScopeId scope;
};

// What a value is. Only kinds the rules or their traps need are told apart.
enum class ValueKind : std::uint8_t {
  Unknown,
  List,
  Tuple,
  Set,
  FrozenSet,
  Dict,
  DefaultDict,
  OrderedDict,
  Counter,
  Deque,
  Str,
  Bytes,
  ByteArray,
  Int,
  Float,
  Bool,
  NoneValue,
  Range,
  DictView,  // keys() / values() / items()
  Iterator,  // enumerate, zip, map, generators … (one-shot)
  Function,
  Class,
  Module,
  Pattern,   // re.compile(...): findall() and split() return lists
  Instance,  // an instance of a class defined in this file (KindInfo::cls)
  Mapping,   // annotated Mapping / MutableMapping: the protocol, not the type
};

std::string_view to_string(ValueKind kind);
bool is_dict_like(ValueKind kind);  // dict and its subclasses in collections
// list, set, dict (and collections' subclasses), deque, bytearray: changed in place, never hashable.
bool is_mutable_container(ValueKind kind);
// dict-like, or a value annotated as a Mapping: `k in m.keys()` and `m.items()` mean what the ABC says.
bool has_mapping_protocol(ValueKind kind);
// Builtins that neither mutate their arguments nor keep references to them (len, sorted, print …).
bool is_pure_builtin(std::string_view name);
// list, tuple, set, dict, deque, str, bytes …: builtin types whose methods run no user code of theirs.
bool is_builtin_kind(ValueKind kind);

// Why we believe a value has its kind.
enum class Evidence : std::uint8_t {
  None,
  Literal,        // [..], "..", 1
  Comprehension,  // [x for ...]
  Constructor,    // list(...), collections.deque(...)
  BuiltinResult,  // sorted(...), s.split(), d.keys()
  Operator,       // a + b on known operands
  Annotation,     // x: list[int], def f(x: List[int]), self.x: list[int]
  Definition,     // def / class / import
  CallResult,     // f(...) where f, defined in this module, is annotated or always returns one
};

std::string_view to_string(Evidence evidence);

struct KindInfo {
  ValueKind kind = ValueKind::Unknown;
  Evidence evidence = Evidence::None;
  syntax::Node origin;  // the expression or annotation that gives the evidence
  std::uint32_t cls = std::numeric_limits<std::uint32_t>::max();  // Instance: the class's scope
  explicit operator bool() const { return kind != ValueKind::Unknown; }
};

// How a variable (a symbol, or `self.attr` of one class) is used over its whole scope.
struct UsageSummary {
  bool mutated = false;       // a mutating method, item store/delete, augmented assignment, del
  bool escapes = false;       // passed to unknown code, returned, aliased, stored, or used in an unknown way
  bool sliced = false;        // obj[i:j] read
  bool indexed = false;       // obj[i] read with an index other than a literal 0 / -1
  bool concatenated = false;  // obj + other
  bool sorted = false;        // obj.sort()
  bool membership = false;    // x in obj
  bool exported = false;      // listed in __all__ or named __all__
  std::vector<std::string_view> methods;  // every method called on it
};

class Builder;

class Model {
 public:
  explicit Model(const syntax::SourceText& source) : source_(&source) {}
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  std::string_view text(const syntax::Node& node) const { return node.text(source_->text()); }
  const syntax::SourceText& source() const { return *source_; }

  const Scope& scope(ScopeId id) const { return scopes_[id]; }
  // The scope whose code runs `id`'s code: comprehensions run inline, in their enclosing scope.
  ScopeId running_scope(ScopeId id) const {
    while (scopes_[id].kind == ScopeKind::Comprehension && scopes_[id].parent != kNone) id = scopes_[id].parent;
    return id;
  }
  const Symbol& symbol(SymbolId id) const { return symbols_[id]; }
  const Binding& binding(BindingId id) const { return bindings_[id]; }
  const Reference& reference(ReferenceId id) const { return references_[id]; }
  const Loop& loop(LoopId id) const { return loops_[id]; }
  std::uint32_t loop_depth(LoopId id) const { return id == kNone ? 0 : loops_[id].depth; }

  std::size_t scope_count() const { return scopes_.size(); }

  // The reference recorded for a load of this identifier, or nullptr (not a load of a name).
  const Reference* reference_at(const syntax::Node& identifier) const;
  // The binding recorded for this identifier as a target, or nullptr.
  const Binding* binding_at(const syntax::Node& identifier) const;
  // True when `node` is an identifier spelled `name` that resolves to Python's builtin of that
  // name: nothing in scope rebinds it and no star import could.
  bool is_builtin(const syntax::Node& node, std::string_view name) const;

  // ---- what values are (semantic/values.cpp) ----
  // The kind of an expression's value, with evidence; Unknown when any path could differ.
  KindInfo kind_of(const syntax::Node& expression) const;
  // The dotted name an expression refers to through imports and builtins: `dq` after
  // `from collections import deque as dq` -> "collections.deque"; `len` -> "builtins.len";
  // `t.List` after `import typing as t` -> "typing.List". Empty when unknown.
  std::string qualified_name(const syntax::Node& expression) const;
  // The kind an annotation promises (list[int], List[int], t.List …); Unknown for abstract types
  // (Sequence, Iterable), Optional[...] and anything unresolved.
  KindInfo kind_of_annotation(const syntax::Node& annotation) const;
  // The bindings that may supply the value of this reference.
  std::vector<BindingId> reaching_bindings(const Reference& reference) const;
  // Where binding `id`'s value becomes visible (after its statement; a for target after its iterable).
  std::uint32_t binding_position(BindingId id) const;

  // ---- how variables are used (semantic/usage.cpp) ----
  // For an identifier (a name) or `self.attr`: the symbol's / attribute's uses summarised.
  // nullopt-like: `known` false when the expression is neither.
  struct Variable {
    SymbolId symbol = kNone;          // a name
    ScopeId attribute_class = kNone;  // `self.attr` (or `obj.attr` of a known instance): the class scope
    std::string_view attr;
    SymbolId object_symbol = kNone;  // `obj.attr` with obj not self: the name holding the instance
    explicit operator bool() const { return symbol != kNone || attribute_class != kNone; }
  };
  Variable variable_of(const syntax::Node& expression) const;
  UsageSummary usage(const Variable& variable) const;
  // Every use of the variable, with its position (the identifier or attribute node).
  struct UseSite {
    Use use;
    syntax::Node node;
    LoopId loop;
    ScopeId scope;
  };
  std::vector<UseSite> uses(const Variable& variable) const;
  // For `self.attr` variables: the attribute nodes that store to it (assign, annotate, delete).
  std::vector<syntax::Node> attribute_stores(const Variable& variable) const;
  // True when the variable is neither rebound nor mutated anywhere inside `loop` (and, when it
  // escapes or lives outside the loop's function, no call in the loop could reach it).
  // With `Callers::Untrusted`, a parameter counts as reachable by every call, as if its caller
  // kept an alias that a callback mutates: for advice whose failure is an error, not a slowdown
  // (dropping a defensive copy, PPL403).
  enum class Callers : std::uint8_t { Trusted, Untrusted };
  bool invariant_in(const Variable& variable, LoopId loop, Callers callers = Callers::Trusted) const;
  // True when `inner` lies inside `outer` (or is it).
  bool contains(const syntax::Node& outer, const syntax::Node& inner) const {
    return inner.start_byte() >= outer.start_byte() && inner.end_byte() <= outer.end_byte();
  }
  // For a method's first parameter (`self`): the class scope, else kNone.
  ScopeId self_class(const syntax::Node& identifier) const;
  // True when a nested function, lambda or class (not a comprehension) reads or rebinds the
  // variable's name: code that may run at another time, when called.
  bool captured_by_nested_scope(SymbolId id) const;
  bool captured_by_nested_scope(const Variable& variable) const {
    return variable.symbol != kNone && captured_by_nested_scope(variable.symbol);
  }
  // self_class(), or the class of a name known to hold an instance of a class of this file.
  ScopeId instance_class(const syntax::Node& identifier) const;
  // The annotation that declares what a name or `self.attr` holds (a parameter's, an annotated
  // assignment's, a class-level field's), when every binding that reaches it agrees; else null.
  syntax::Node declared_annotation(const syntax::Node& expression) const;
  // The element kind of what iterating `iterable` yields, from its annotation: `rows: list[dict]`,
  // `rooms: dict[str, list[C]]` with `.values()`. Unknown when no annotation says.
  KindInfo element_kind(const syntax::Node& iterable) const;

  // ---- questions rules ask (semantic/questions.cpp) ----
  // True when the variable is bound again (or, for `self.attr`, stored to) inside `region`, not
  // counting bindings inside `ignore`. A list rebound on every iteration is a fresh list each time.
  bool rebound_within(const Variable& variable, const syntax::Node& region, const syntax::Node& ignore = {}) const;
  // True when the variable could become a collections.deque without breaking other uses: it is
  // not sliced, sorted, concatenated, indexed away from its ends, or handed to code we cannot see
  // (which may need a list). Uses inside `ignore` (the flagged statement itself) are not counted.
  bool deque_compatible(const Variable& variable, const syntax::Node& ignore = {}) const;
  // True when the accumulator `target` of a concatenation in `loop_node` is reset inside that loop
  // by anything other than concatenations (`p = "$Port"; p = p + x` builds one short string per
  // iteration, not one long one).
  bool accumulator_reset_within(const syntax::Node& target, const syntax::Node& loop_node) const;
  // True when `target` is a plain function local that only this function's frame holds: the one
  // case where CPython's BINARY_OP_INPLACE_ADD_UNICODE can resize a str in place.
  bool is_fast_local(const syntax::Node& target) const;

 private:
  friend class Builder;
  KindInfo kind_of(const syntax::Node& expression, int depth) const;
  KindInfo kind_of_binding(BindingId id, int depth) const;
  KindInfo kind_of_reference(const Reference& reference, int depth) const;
  KindInfo kind_of_attribute(const syntax::Node& attribute, int depth) const;
  KindInfo kind_of_call(const syntax::Node& call, int depth) const;
  bool splits_a_string(const syntax::Node& call, int depth) const;
  // What a function of this file returns on every path, from its return annotation or from
  // `return` statements that all build a fresh value of one kind. Unknown when decorated, a
  // generator or coroutine, or when the body may end without returning.
  KindInfo function_result(const syntax::Node& function_definition, int depth) const;
  syntax::Node called_definition(const syntax::Node& function) const;
  // The class scope a class_definition node opens; kNone when it is not in this model.
  ScopeId class_scope(const syntax::Node& class_definition) const;
  // For a name bound once, by a class statement of this file: the class scope.
  ScopeId defined_class(const syntax::Node& name) const;
  KindInfo element_kind(const syntax::Node& iterable, int depth) const;
  syntax::Node unpacked_element(const Binding& binding) const;
  std::string qualified_name(const syntax::Node& expression, int depth) const;
  bool dominates(BlockId outer, BlockId inner) const;
  const std::vector<std::uint32_t>& attribute_stores_named(std::string_view attr) const;
  // True when a call inside `range` could run code we cannot see (not a pure builtin).
  bool opaque_call_within(const syntax::Node& range) const;
  // With `instance_of` set, only opaque calls that mention an instance of that class (`self.f()`,
  // `g(self)`) count: the others cannot reach an attribute that is never handed out.
  bool opaque_call_between(std::uint32_t start, std::uint32_t end, ScopeId instance_of = kNone) const;
  bool mentions_instance(const syntax::Node& call, ScopeId cls) const;
  // True when `byte` lies in a raise statement: code that runs once, as the loop is left.
  bool in_raise(std::uint32_t byte) const;
  // `self.attr`: stored or mutated by a method other than the class's __init__.
  bool attribute_changed_outside_init(const Variable& variable) const;

  const syntax::SourceText* source_;
  std::vector<Scope> scopes_;
  std::vector<Symbol> symbols_;
  std::vector<Binding> bindings_;
  std::vector<Reference> references_;
  std::vector<Loop> loops_;
  std::vector<BlockId> block_parent_{kNone};  // block 0: the module body
  std::vector<AttributeAccess> attributes_;
  // Sorted by identifier start byte (the walk records them in source order).
  std::vector<std::pair<std::uint32_t, ReferenceId>> reference_index_;
  std::vector<std::pair<std::uint32_t, BindingId>> binding_index_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attribute_index_;
  std::vector<syntax::Node> calls_;  // every call, in source order
  // Every raise statement's byte range, in source order: a call there runs once, on the way out.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> raises_;
  mutable std::vector<std::uint8_t> call_opaque_;  // per call: 0 not judged, 1 opaque, 2 transparent
  // Per-file memos (the model belongs to one thread).
  mutable std::vector<ScopeId> self_class_;  // per symbol; kNone - 1: not computed yet
  mutable std::unordered_map<std::string_view, std::vector<std::uint32_t>> attribute_stores_;
  mutable bool attribute_stores_ready_ = false;
  mutable std::vector<KindInfo> binding_kinds_;
  mutable std::vector<std::uint8_t> binding_state_;  // 0 new, 1 in progress, 2 done
  // Per variable (symbol, attribute class, attribute name): the sorted start bytes of its stores that
  // are not `v = v + …` concatenations, for accumulator_reset_within (asked once per accumulation).
  mutable std::map<std::tuple<SymbolId, ScopeId, std::string_view>, std::vector<std::uint32_t>> reset_starts_;
  // Per binding: where its value becomes visible (kUnknownPosition: not computed yet). Every
  // reaching-definition query compares all of a symbol's bindings, so each is found once.
  static constexpr std::uint32_t kUnknownPosition = std::numeric_limits<std::uint32_t>::max();
  mutable std::vector<std::uint32_t> binding_positions_;
  mutable std::vector<std::uint8_t> reach_mark_;  // scratch for reaching_bindings: 1 = already listed
  mutable std::unordered_map<std::uint32_t, KindInfo> function_results_;  // by definition start byte
  mutable std::unordered_map<std::uint32_t, ScopeId> class_scopes_;       // by class_definition start byte
};

}  // namespace pyperf::semantic
