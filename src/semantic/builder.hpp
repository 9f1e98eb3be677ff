#pragma once

#include <limits>
// Builds a semantic::Model during the checker's cursor walk (enter/leave events) and resolves
// names when the walk is done. It keeps one frame per open node: the name context (load, store,
// parameter, …), the scope names resolve in, and the loop the code runs in.

#include <cstdint>
#include <vector>

#include "semantic/model.hpp"
#include "syntax/language.hpp"
#include "syntax/tree.hpp"

namespace pyperf::semantic {

class Builder {
 public:
  explicit Builder(Model& model);

  // Walk events. enter() always descends.
  void enter(const syntax::Node& node, syntax::Field field);
  void leave(const syntax::Node& node);
  // Resolves names (global/nonlocal, LEGB with class scopes skipped). Call once after the walk.
  void finish();

  // The scope and loop of the node most recently entered.
  ScopeId current_scope() const { return frames_.back().scope; }
  LoopId current_loop() const { return frames_.back().loop; }
  // True when the node most recently entered belongs to a statement followed, in a block of its
  // innermost loop (and outside a `try` there, whose handler could go round again), by `break`,
  // `return` or `raise`: it runs at most once per entry of that loop.
  bool leaves_loop() const { return frames_.back().leaves_loop; }
  // The node `generations` levels above the one just entered (1: its parent), null above the
  // root. Free: the walk keeps every ancestor's frame, where tree-sitter's parent() walks down
  // from the root on every call.
  syntax::Node ancestor(std::size_t generations) const {
    return generations < frames_.size() ? frames_[frames_.size() - 1 - generations].node : syntax::Node{};
  }

 private:
  enum class Ctx : std::uint8_t {
    Load,
    Store,     // assignment-like target; binding kind in Frame::store_kind
    AugStore,  // x += …: a load and a binding
    Del,
    Param,
    Declare,     // global / nonlocal names
    Capture,     // match-statement capture pattern
    ImportName,  // first identifier of `import a.b` binds, the rest are not names
    NotAName,    // attribute names, keyword names, module paths, type parameters
  };

  struct Frame {
    syntax::Node node;
    syntax::Kind kind;
    syntax::Field field = syntax::Field::Count_;  // this node's field in its parent
    Ctx ctx;
    BindingKind store_kind = BindingKind::Assignment;
    bool unpacked = false;        // inside a destructuring pattern
    bool in_case = false;         // inside a match case pattern
    bool global_decl = true;      // for Declare: global (true) or nonlocal (false)
    ScopeId scope;                // where names in this node resolve
    LoopId loop;                  // innermost loop this node runs in
    BlockId block = 0;            // innermost statement block
    BlockId outer_block = 0;      // def/class: the block its name is bound in
    ScopeId new_scope = kNone;    // scope created by this node (def, class, lambda, comprehension)
    ScopeId param_scope = kNone;  // parameters: the function or lambda scope they bind in
    LoopId new_loop = kNone;      // loop created by this node (for, while)
    std::uint32_t clause = 0;     // comprehensions: for_in_clauses seen so far; dotted names: children seen
    std::uint32_t clauses = 0;    // comprehensions: for_in_clauses in all
    LoopId first_loop = kNone;    // comprehensions: loop of the first for_in_clause
    bool leaves_loop = false;     // see leaves_loop()
    bool loop_try = false;        // inside a `try` of the innermost loop
    std::uint32_t first_exit = std::numeric_limits<std::uint32_t>::max();  // blocks: where the first exit starts
    syntax::Node value;      // assignments: the value bound to Store targets below
    syntax::Node statement;  // the binding statement for Store targets below
    syntax::Node annotation;
    // Assignments: the value at the end of the chain `a = b = … = v`, found once for the whole chain
    // (a chain of N targets would otherwise be walked N times: quadratic).
    syntax::Node chain_value;

    // The names below are bound by `binding_statement` (a def, an assignment, a for …) as `binding_kind`,
    // with the value and annotation it gives them when known.
    void bind(BindingKind binding_kind, const syntax::Node& binding_statement, const syntax::Node& bound_value = {},
              const syntax::Node& bound_annotation = {}) {
      ctx = Ctx::Store;
      store_kind = binding_kind;
      statement = binding_statement;
      value = bound_value;
      annotation = bound_annotation;
      unpacked = false;
    }
  };

  // The frame of a child entered from `parent`: what its names mean there. One function per
  // family of parent node (builder.cpp), chosen through a table by the parent's kind.
  Frame child_frame(const Frame& parent, const syntax::Node& node, syntax::Kind kind, syntax::Field field);
  void definition_child(const Frame& parent, Frame& f, const syntax::Node& node, syntax::Kind kind,
                        syntax::Field field);
  void binding_child(const Frame& parent, Frame& f, syntax::Field field);
  void loop_child(const Frame& parent, Frame& f, syntax::Kind kind, syntax::Field field);
  void import_child(const Frame& parent, Frame& f, syntax::Kind kind, syntax::Field field);
  void expression_child(const Frame& parent, Frame& f, syntax::Field field);
  void pattern_child(const Frame& parent, Frame& f, syntax::Kind kind, syntax::Field field);
  void case_pattern_child(const Frame& parent, Frame& f, const syntax::Node& node, syntax::Kind kind,
                          syntax::Field field);
  void target_child(const Frame& parent, Frame& f, syntax::Kind kind);
  // Carries leaves_loop / loop_try from a parent frame to a child's.
  static void track_exits(const Frame& parent, Frame& f);
  void on_identifier(const Frame& frame, const syntax::Node& node);
  void on_attribute(const Frame& frame, const syntax::Node& node);
  // How the node entered with `frame` is used, judged from its parent and grandparent.
  // True when the boolean operator at frames_[index] is only a truth test (a branch condition).
  bool truth_test_above(std::size_t index) const;
  Use classify(const Frame& frame) const;
  BlockId push_block(BlockId parent);
  ScopeId push_scope(ScopeKind kind, const syntax::Node& node, ScopeId parent, LoopId loop_outside);
  LoopId push_loop(LoopKind kind, const syntax::Node& node, const syntax::Node& iterable, LoopId parent, ScopeId scope);
  void add_binding(ScopeId scope, BindingKind kind, const syntax::Node& target, const Frame& frame);
  void add_reference(const Frame& frame, const syntax::Node& node, Use use);
  SymbolId symbol_in(ScopeId scope, std::string_view name);
  SymbolId find_symbol(ScopeId scope, std::string_view name) const;
  ScopeId binding_scope(ScopeId scope, std::string_view name) const;
  bool declared(const std::vector<std::string_view>& names, std::string_view name) const;

  Model& model_;
  std::vector<Frame> frames_;
};

}  // namespace pyperf::semantic
