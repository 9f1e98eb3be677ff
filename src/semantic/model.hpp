#pragma once
// The per-file semantic model: scopes, symbols, bindings and references held in arenas addressed
// by ids, plus the loop nesting of every site. Built by semantic::Builder during the checker's
// single cursor walk, then finished (names resolved) before any rule runs. Rules only query it.

#include <cstdint>
#include <limits>
#include <string_view>
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
  Annotation,           // x: T (no value)
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
  bool unpacked = false;  // a target inside a tuple/list pattern or starred: value is not bound whole
};

struct Reference {
  SymbolId symbol = kNone;  // after resolution; kNone when builtin or unresolvable
  bool builtin = false;     // resolved to Python's builtins module (no star import in the way)
  ScopeId scope;
  LoopId loop;
  syntax::Node node;  // the identifier
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
  syntax::Node node;    // for_statement, while_statement, or the comprehension
  LoopId parent;        // enclosing loop in the same function body, kNone when outermost
  std::uint32_t depth;  // 1 for an outermost loop
  ScopeId scope;
};

class Builder;

class Model {
 public:
  explicit Model(const syntax::SourceText& source) : source_(&source) {}

  std::string_view text(const syntax::Node& node) const { return node.text(source_->text()); }
  const syntax::SourceText& source() const { return *source_; }

  const Scope& scope(ScopeId id) const { return scopes_[id]; }
  const Symbol& symbol(SymbolId id) const { return symbols_[id]; }
  const Binding& binding(BindingId id) const { return bindings_[id]; }
  const Reference& reference(ReferenceId id) const { return references_[id]; }
  const Loop& loop(LoopId id) const { return loops_[id]; }
  std::uint32_t loop_depth(LoopId id) const { return id == kNone ? 0 : loops_[id].depth; }
  std::size_t scope_count() const { return scopes_.size(); }
  std::size_t binding_count() const { return bindings_.size(); }
  std::size_t reference_count() const { return references_.size(); }

  // The reference recorded for a load of this identifier, or nullptr (not a load of a name).
  const Reference* reference_at(const syntax::Node& identifier) const;
  // The binding recorded for this identifier as a target, or nullptr.
  const Binding* binding_at(const syntax::Node& identifier) const;
  // True when `node` is an identifier spelled `name` that resolves to Python's builtin of that
  // name: nothing in scope rebinds it and no star import could.
  bool is_builtin(const syntax::Node& node, std::string_view name) const;

 private:
  friend class Builder;
  const syntax::SourceText* source_;
  std::vector<Scope> scopes_;
  std::vector<Symbol> symbols_;
  std::vector<Binding> bindings_;
  std::vector<Reference> references_;
  std::vector<Loop> loops_;
  // Sorted by identifier start byte (the walk records them in source order).
  std::vector<std::pair<std::uint32_t, ReferenceId>> reference_index_;
  std::vector<std::pair<std::uint32_t, BindingId>> binding_index_;
};

}  // namespace pyperf::semantic
