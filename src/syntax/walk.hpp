#pragma once
// The one traversal: an iterative pre/post-order cursor walk. No recursion, so a 200 000-deep
// generated expression cannot overflow the stack. The visitor sees every visible node:
//   bool enter(const Node& node, Field field_in_parent)  // false: skip the subtree, no leave()
//   void leave(const Node& node)

#include <tree_sitter/api.h>

#include "syntax/tree.hpp"

namespace pyperf::syntax {

template <class Visitor>
void walk(const Node& root, Visitor& visitor) {
  const Language* language = root.language();
  TSTreeCursor cursor = ts_tree_cursor_new(root.raw());
  struct CursorGuard {
    TSTreeCursor* c;
    ~CursorGuard() { ts_tree_cursor_delete(c); }
  } guard{&cursor};

  for (;;) {
    const Node node(ts_tree_cursor_current_node(&cursor), language);
    if (visitor.enter(node, language->field_of(ts_tree_cursor_current_field_id(&cursor)))) {
      if (ts_tree_cursor_goto_first_child(&cursor)) continue;
      visitor.leave(node);
    }
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) return;
      visitor.leave(Node(ts_tree_cursor_current_node(&cursor), language));
    }
  }
}

}  // namespace pyperf::syntax
