#include <string>

#include <catch2/catch.hpp>

#include "syntax/language.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"
#include "syntax/walk.hpp"

using namespace pyperf::syntax;

namespace {

struct Counter {
  std::size_t entered = 0;
  std::size_t left = 0;
  std::size_t depth = 0;
  std::size_t max_depth = 0;
  std::size_t calls = 0;
  bool skip_calls = false;
  bool enter(const Node& node, Field) {
    ++entered;
    max_depth = std::max(max_depth, ++depth);
    if (node.is(Kind::Call)) {
      ++calls;
      if (skip_calls) {
        --depth;
        return false;
      }
    }
    return true;
  }
  void leave(const Node&) {
    ++left;
    --depth;
  }
};

}  // namespace

TEST_CASE("the kind table resolves every kind we use", "[syntax]") {
  const Language& lang = Language::python();
  CHECK(kind_name(Kind::Call) == "call");
  CHECK(kind_name(Kind::KwNotIn) == "not in");
  CHECK(field_name(Field::Left) == "left");
  Parser parser(lang);
  const auto src = SourceText::from_utf8("x in y\nprint(x)\n");
  const Tree tree = parser.parse(src.text());
  REQUIRE(tree);
  CHECK(tree.root().is(Kind::Module));
  const Node stmt = tree.root().named_child(0);
  CHECK(stmt.is(Kind::ExpressionStatement));
  CHECK(stmt.named_child(0).is(Kind::ComparisonOperator));
}

TEST_CASE("the cursor walk enters and leaves every node, and can skip subtrees", "[syntax]") {
  Parser parser(Language::python());
  const auto src = SourceText::from_utf8("def f(a):\n    return g(a, h(a))\n");
  const Tree tree = parser.parse(src.text());
  Counter all;
  walk(tree.root(), all);
  CHECK(all.entered == all.left);
  CHECK(all.calls == 2);
  CHECK(all.depth == 0);

  Counter skipping;
  skipping.skip_calls = true;
  walk(tree.root(), skipping);
  CHECK(skipping.calls == 1);  // h(a) is inside the skipped g(...)
  CHECK(skipping.entered == skipping.left + 1);
}

TEST_CASE("deeply nested input walks without recursion", "[syntax]") {
  const std::size_t depth = 100000;
  std::string text = "x = " + std::string(depth, '(') + "1" + std::string(depth, ')') + "\n";
  Parser parser(Language::python());
  const auto src = SourceText::from_utf8(text);
  const Tree tree = parser.parse(src.text());
  Counter counter;
  walk(tree.root(), counter);
  CHECK(counter.max_depth > depth);
  CHECK(counter.entered == counter.left);
}

TEST_CASE("511+ nested indentation levels do not crash the patched scanner", "[syntax]") {
  std::string text;
  for (int i = 0; i < 600; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
  text += std::string(600, ' ') + "y = 'string'\n";
  Parser parser(Language::python());
  const auto src = SourceText::from_utf8(text);
  const Tree tree = parser.parse(src.text());
  REQUIRE(tree);
  CHECK(tree.root().has_error());  // tree-sitter-python stops at 511 levels; CPython at 100
}

TEST_CASE("children iterate with fields, named or all", "[syntax]") {
  Parser parser(Language::python());
  const auto src = SourceText::from_utf8("f(a, b=1, *c)\n");
  const Tree tree = parser.parse(src.text());
  const Node call = tree.root().named_child(0).named_child(0);
  REQUIRE(call.is(Kind::Call));
  CHECK(call.field(Field::Function).text(src.text()) == "f");
  std::vector<std::string> named;
  for (const Node child : call.field(Field::Arguments).named_children()) named.emplace_back(child.text(src.text()));
  CHECK(named == std::vector<std::string>{"a", "b=1", "*c"});
  std::size_t all = 0;
  for (const Node child : call.field(Field::Arguments).children()) {
    (void)child;
    ++all;
  }
  CHECK(all == 7);  // ( a , b=1 , *c )
}
