#include "syntax/tree.hpp"

#include <stdexcept>

#if defined(PYPERF_HAVE_MIMALLOC)
#include <mimalloc.h>
#endif

namespace pyperf::syntax {

Node::Children::Iterator::Iterator(TSTreeCursor* cursor, const Language* language, bool named_only)
    : cursor_(cursor), language_(language), named_only_(named_only), done_(false) {
  skip_unnamed();
}

void Node::Children::Iterator::skip_unnamed() noexcept {
  if (!named_only_) return;
  while (!ts_node_is_named(ts_tree_cursor_current_node(cursor_))) {
    if (!ts_tree_cursor_goto_next_sibling(cursor_)) {
      done_ = true;
      return;
    }
  }
}

Node::Children::Iterator& Node::Children::Iterator::operator++() noexcept {
  if (!ts_tree_cursor_goto_next_sibling(cursor_)) {
    done_ = true;
    return *this;
  }
  skip_unnamed();
  return *this;
}

Node::Children::Children(Node parent, bool named_only)
    : cursor_(ts_tree_cursor_new(parent.raw())), language_(parent.language()), named_only_(named_only) {}

Node::Children::~Children() {
  ts_tree_cursor_delete(&cursor_);
}

Node::Children::Iterator Node::Children::begin() {
  if (!ts_tree_cursor_goto_first_child(&cursor_)) return {};
  return Iterator(&cursor_, language_, named_only_);
}

Parser::Parser(const Language& language) : parser_(ts_parser_new()), language_(&language) {
  if (!parser_ || !ts_parser_set_language(parser_.get(), language.ts())) {
    throw std::runtime_error("cannot initialise the tree-sitter parser for Python");
  }
}

Tree Parser::parse(std::string_view text) {
  TSTree* tree = ts_parser_parse_string(parser_.get(), nullptr, text.data(), static_cast<std::uint32_t>(text.size()));
  return Tree(tree, language_);
}

void install_fast_allocator() noexcept {
#if defined(PYPERF_HAVE_MIMALLOC)
  ts_set_allocator(mi_malloc, mi_calloc, mi_realloc, mi_free);
#endif
}

std::vector<PathStep> path_down(const Node& ancestor, const Node& descendant) {
  std::vector<PathStep> path;
  const std::uint32_t start = descendant.start_byte();
  const std::uint32_t end = descendant.end_byte();
  if (start < ancestor.start_byte() || end > ancestor.end_byte()) return path;
  TSTreeCursor cursor = ts_tree_cursor_new(ancestor.raw());
  const Language* language = ancestor.language();
  path.push_back({ancestor, Field::Count_});
  while (!(path.back().node == descendant)) {
    // The first child ending after `start`; then past siblings that end before `end` (a child
    // that ends where the descendant starts, or a zero-width one).
    bool found = ts_tree_cursor_goto_first_child_for_byte(&cursor, start) >= 0;
    while (found) {
      const TSNode child = ts_tree_cursor_current_node(&cursor);
      if (ts_node_start_byte(child) <= start && ts_node_end_byte(child) >= end) break;
      found = ts_tree_cursor_goto_next_sibling(&cursor);
    }
    if (!found) {
      path.clear();
      break;
    }
    path.push_back({Node(ts_tree_cursor_current_node(&cursor), language),
                    language->field_of(ts_tree_cursor_current_field_id(&cursor))});
  }
  ts_tree_cursor_delete(&cursor);
  return path;
}

}  // namespace pyperf::syntax
