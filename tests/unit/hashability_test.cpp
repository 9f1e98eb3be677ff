// Visible unhashability of classes, values and collection elements (lint/hashability).

#include <cctype>
#include <string>

#include <catch2/catch.hpp>

#include "lint/hashability.hpp"
#include "semantic/model.hpp"
#include "support/snippet.hpp"

using namespace pyperf;

namespace {

// The shared snippet, asked about the last whole-word occurrence of a name.
class Snippet : public testing::Snippet {
 public:
  using testing::Snippet::Snippet;
  std::string value(const std::string& name) const { return lint::unhashable_value_reason(last(name), model()); }
  std::string elements(const std::string& name) const { return lint::unhashable_elements_reason(last(name), model()); }
  std::string elements_of(const syntax::Node& node) const { return lint::unhashable_elements_reason(node, model()); }
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("classes: __eq__ without __hash__, __hash__ = None, builtin and unhashable bases", "[hashability]") {
  Snippet s(
      "class P:\n    def __eq__(self, o): return True\n"
      "class H:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1\n"
      "class N:\n    __hash__ = None\n"
      "class L(list): pass\n"
      "class Q(P): pass\n"
      "class Plain: pass\n"
      "p1 = P()\nh1 = H()\nn1 = N()\nl1 = L()\nq1 = Q()\nplain1 = Plain()\n"
      "use(p1, h1, n1, l1, q1, plain1)\n");
  CHECK(has(s.value("p1"), "`P` defines `__eq__` without `__hash__`"));
  CHECK(s.value("h1").empty());
  CHECK(has(s.value("n1"), "`__hash__ = None`"));
  CHECK(has(s.value("l1"), "subclasses `list`"));
  CHECK(has(s.value("q1"), "inherits from `P`"));
  CHECK(s.value("plain1").empty());
  CHECK(s.value("P").empty());  // the class object itself hashes fine
}

TEST_CASE("dataclasses: eq without frozen sets __hash__ to None, frozen hashes its fields", "[hashability]") {
  Snippet s(
      "import dataclasses\nfrom dataclasses import dataclass, field\n"
      "@dataclass\nclass A:\n    x: int\n"
      "@dataclass(frozen=True)\nclass F:\n    x: int\n"
      "@dataclasses.dataclass(frozen=True)\nclass G:\n    xs: list[int]\n"
      "@dataclass(frozen=True)\nclass K:\n    xs: list[int] = field(default_factory=list, hash=False)\n"
      "@dataclass(eq=False)\nclass E:\n    x: int\n"
      "@dataclass(unsafe_hash=True)\nclass U:\n    x: int\n"
      "a = A(1)\nf = F(1)\ng = G([])\nk = K()\ne = E(1)\nu = U(1)\n"
      "use(a, f, g, k, e, u)\n");
  CHECK(has(s.value("a"), "not frozen"));
  CHECK(s.value("f").empty());
  CHECK(has(s.value("g"), "field `xs` is a list"));
  CHECK(s.value("k").empty());
  CHECK(s.value("e").empty());
  CHECK(s.value("u").empty());
}

TEST_CASE("values: displays, known kinds, names bound to them, annotations, loop targets", "[hashability]") {
  Snippet s(
      "class P:\n    def __eq__(self, o): return True\n"
      "def f(items, p: P, q: int):\n"
      "    a = [1]\n    b = (1, 2)\n    c = P()\n    d = dict(items)\n"
      "    for e in [P(), P()]:\n        pass\n"
      "    for g in items:\n        pass\n"
      "    use(a, b, c, d, e, g, p, q, [x for x in items], {1: 2})\n");
  CHECK(has(s.value("a"), "list"));
  CHECK(s.value("b").empty());
  CHECK(has(s.value("c"), "`P`"));
  CHECK(has(s.value("d"), "dict"));
  CHECK(has(s.value("e"), "`P`"));
  CHECK(s.value("g").empty());  // unknown items: no evidence
  CHECK(has(s.value("p"), "`P`"));
  CHECK(s.value("q").empty());
}

TEST_CASE("elements: displays, comprehensions, appends, extends, attributes", "[hashability]") {
  Snippet s(
      "def f(items, n):\n"
      "    rows = [[0] * n for _ in items]\n"
      "    grid = [[]] * n\n"
      "    pairs = [(1, 2), (3, 4)]\n"
      "    names = []\n    names.append('a')\n"
      "    paths = []\n    for i in items:\n        paths.append([i])\n"
      "    more = list(paths)\n"
      "    chunks = []\n    chunks.extend([{1}, {2}])\n"
      "    unknown = list(items)\n"
      "    grown = []\n    for i in items:\n        grown += [[i]]\n"
      "    inserted = []\n    inserted.insert(0, {'a': 1})\n"
      "    use(rows, grid, pairs, names, paths, more, chunks, unknown, grown, inserted)\n"
      "class C:\n    def __init__(self):\n        self.table = [{'a': 1}]\n"
      "    def m(self):\n        return self.table\n");
  CHECK(has(s.elements("rows"), "list"));
  CHECK(has(s.elements("grid"), "list"));
  CHECK(s.elements("pairs").empty());
  CHECK(s.elements("names").empty());
  CHECK(has(s.elements("paths"), "list"));
  CHECK(has(s.elements("more"), "list"));
  CHECK(has(s.elements("chunks"), "set"));
  CHECK(s.elements("unknown").empty());
  CHECK(has(s.elements("grown"), "list"));
  CHECK(has(s.elements("inserted"), "dict"));
  CHECK(has(s.elements_of(s.last("table").parent()), "dict"));  // self.table
}
