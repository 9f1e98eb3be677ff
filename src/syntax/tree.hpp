#pragma once
// RAII owners over tree-sitter (Parser, Tree: move-only) and Node, a cheap borrowed value that
// knows its grammar tables. Children are iterated with a cursor: ts_node_child(i) and
// ts_node_next_sibling are linear per call, which is quadratic over wide nodes.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "syntax/language.hpp"

namespace pyperf::syntax {

class Node {
 public:
  Node() = default;
  Node(TSNode node, const Language* language) : node_(node), language_(language) {}

  bool null() const noexcept { return ts_node_is_null(node_); }
  explicit operator bool() const noexcept { return !null(); }

  Kind kind() const noexcept { return null() ? Kind::Other : language_->kind(ts_node_symbol(node_)); }
  bool is(Kind kind) const noexcept { return !null() && this->kind() == kind; }
  bool named() const noexcept { return ts_node_is_named(node_); }
  bool is_error() const noexcept { return ts_node_is_error(node_); }
  bool is_missing() const noexcept { return ts_node_is_missing(node_); }
  bool has_error() const noexcept { return ts_node_has_error(node_); }
  const char* grammar_type() const noexcept { return ts_node_type(node_); }

  std::uint32_t start_byte() const noexcept { return ts_node_start_byte(node_); }
  std::uint32_t end_byte() const noexcept { return ts_node_end_byte(node_); }
  std::string_view text(std::string_view source) const noexcept {
    return source.substr(start_byte(), end_byte() - start_byte());
  }

  Node field(Field field) const noexcept {
    return {ts_node_child_by_field_id(node_, language_->field(field)), language_};
  }
  std::uint32_t child_count() const noexcept { return ts_node_child_count(node_); }
  std::uint32_t named_child_count() const noexcept { return ts_node_named_child_count(node_); }
  // O(index): fine for the first few children of small nodes; use children() to iterate.
  Node child(std::uint32_t index) const noexcept { return {ts_node_child(node_, index), language_}; }
  Node named_child(std::uint32_t index) const noexcept { return {ts_node_named_child(node_, index), language_}; }
  // O(depth): tree-sitter finds parents by descending from the root.
  Node parent() const noexcept { return {ts_node_parent(node_), language_}; }
  // The smallest node spanning [start, end): O(depth), one descent from this node.
  Node descendant_for_bytes(std::uint32_t start, std::uint32_t end) const noexcept {
    return {ts_node_descendant_for_byte_range(node_, start, end), language_};
  }
  // O(depth + siblings): use on rare sites only.
  Node prev_named_sibling() const noexcept { return {ts_node_prev_named_sibling(node_), language_}; }

  TSNode raw() const noexcept { return node_; }
  const Language* language() const noexcept { return language_; }
  // Identity within one tree.
  friend bool operator==(const Node& a, const Node& b) noexcept { return ts_node_eq(a.node_, b.node_); }

  class Children;
  Children children() const;        // every child, named or not, with its field
  Children named_children() const;  // named children only

 private:
  TSNode node_{};
  const Language* language_ = nullptr;
};

// A forward range over a node's children driven by a tree cursor.
class Node::Children {
 public:
  class Iterator {
   public:
    Iterator() = default;
    Iterator(TSTreeCursor* cursor, const Language* language, bool named_only);
    Node operator*() const noexcept { return {ts_tree_cursor_current_node(cursor_), language_}; }
    Field field() const noexcept { return language_->field_of(ts_tree_cursor_current_field_id(cursor_)); }
    Iterator& operator++() noexcept;
    bool operator==(const Iterator& other) const noexcept { return done_ == other.done_; }

   private:
    void skip_unnamed() noexcept;
    TSTreeCursor* cursor_ = nullptr;
    const Language* language_ = nullptr;
    bool named_only_ = false;
    bool done_ = true;
  };

  Children(Node parent, bool named_only);
  ~Children();
  Children(const Children&) = delete;
  Children& operator=(const Children&) = delete;

  Iterator begin();
  Iterator end() { return {}; }

 private:
  TSTreeCursor cursor_;
  const Language* language_;
  bool named_only_;
};

inline Node::Children Node::children() const {
  return Children(*this, false);
}
inline Node::Children Node::named_children() const {
  return Children(*this, true);
}

// One step of a path down the tree: a node and the field it fills in the step before it.
struct PathStep {
  Node node;
  Field field = Field::Count_;
};

// The nodes from `ancestor` (first) down to `descendant` (last), found by one cursor descent by
// byte offset: O(depth × siblings passed). Climbing with parent() instead costs a descent from the
// root per step, O(depth²). Empty when `descendant` is not inside `ancestor`.
std::vector<PathStep> path_down(const Node& ancestor, const Node& descendant);

class Tree {
 public:
  Tree() = default;
  Tree(TSTree* tree, const Language* language) : tree_(tree), language_(language) {}
  Node root() const noexcept { return {ts_tree_root_node(tree_.get()), language_}; }
  explicit operator bool() const noexcept { return tree_ != nullptr; }

 private:
  struct Deleter {
    void operator()(TSTree* tree) const noexcept { ts_tree_delete(tree); }
  };
  std::unique_ptr<TSTree, Deleter> tree_;
  const Language* language_ = nullptr;
};

// One parser per thread; not shareable.
class Parser {
 public:
  explicit Parser(const Language& language);
  // Parses UTF-8 text. Returns an empty Tree only when tree-sitter gives up (cancelled).
  Tree parse(std::string_view text);

 private:
  struct Deleter {
    void operator()(TSParser* parser) const noexcept { ts_parser_delete(parser); }
  };
  std::unique_ptr<TSParser, Deleter> parser_;
  const Language* language_;
};

// Installs a faster allocator for tree-sitter when one was linked in (mimalloc). Call once from
// main before any parser exists; a no-op otherwise.
void install_fast_allocator() noexcept;

}  // namespace pyperf::syntax
