// Scopes, bindings and name resolution on small snippets.

#include <string>

#include <catch2/catch.hpp>

#include "semantic/model.hpp"
#include "support/snippet.hpp"

using namespace pyperf;
using semantic::BindingKind;

namespace {

// The shared snippet plus the questions these tests ask about names.
class Snippet : public testing::Snippet {
 public:
  using testing::Snippet::Snippet;
  bool builtin(const std::string& name, int nth = 0) const { return model().is_builtin(ident(name, nth), name); }
  const semantic::Reference* ref(const std::string& name, int nth = 0) const {
    return model().reference_at(ident(name, nth));
  }
  const semantic::Binding* binding(const std::string& name, int nth = 0) const {
    return model().binding_at(ident(name, nth));
  }
  // Scope kind of the symbol a reference resolves to.
  semantic::ScopeKind resolved_scope(const std::string& name, int nth = 0) const {
    const auto* r = ref(name, nth);
    REQUIRE(r != nullptr);
    REQUIRE(r->symbol != semantic::kNone);
    return model().scope(model().symbol(r->symbol).scope).kind;
  }
};

}  // namespace

TEST_CASE("builtins resolve unless shadowed", "[semantic]") {
  Snippet s("a = sum(x)\n");
  CHECK(s.builtin("sum"));

  Snippet shadow("sum = 0\nb = sum(x)\n");
  CHECK_FALSE(shadow.builtin("sum", 1));

  Snippet def("def sorted(x):\n    return x\ny = sorted(z)\n");
  CHECK_FALSE(def.builtin("sorted", 1));

  Snippet imported("from mylib import sum as sum\nz = sum(x)\n");
  CHECK_FALSE(imported.builtin("sum", 2));

  Snippet later("def f():\n    return sum(x)\nsum = 1\n");  // module binding after the function still shadows
  CHECK_FALSE(later.builtin("sum"));

  Snippet star("from m import *\nz = sum(x)\n");
  CHECK_FALSE(star.builtin("sum"));

  Snippet local_elsewhere("def f():\n    sum = 1\ndef g():\n    return sum(x)\n");
  CHECK(local_elsewhere.builtin("sum", 1));
}

TEST_CASE("class bodies are not visible from methods or comprehensions", "[semantic]") {
  Snippet s(
      "class C:\n"
      "    sum = 1\n"
      "    def m(self):\n"
      "        return sum(x)\n"
      "    v = [sum(i) for i in y]\n"
      "    w = sum\n");
  CHECK(s.builtin("sum", 1));
  CHECK(s.builtin("sum", 2));
  CHECK_FALSE(s.builtin("sum", 3));  // directly in the class body
}

TEST_CASE("function locals are local wherever they are bound", "[semantic]") {
  Snippet s("x = 1\ndef f():\n    print(x)\n    x = 2\n");
  CHECK(s.resolved_scope("x", 1) == semantic::ScopeKind::Function);

  Snippet g("x = 1\ndef f():\n    global x\n    x = 2\n    return x\n");
  CHECK(g.resolved_scope("x", 3) == semantic::ScopeKind::Module);

  Snippet n("def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x = 2\n    return x\n");
  const auto* b = n.binding("x", 2);
  REQUIRE(b != nullptr);
  CHECK(n.model().scope(n.model().symbol(b->symbol).scope).kind == semantic::ScopeKind::Function);
  CHECK(n.model().scope(n.model().symbol(b->symbol).scope).node == n.ident("outer").parent());
}

TEST_CASE("comprehension variables do not leak, walrus does", "[semantic]") {
  Snippet s("ys = [x for x in xs]\nz = x\nw = [(y := v) for v in vs]\nq = y\n");
  CHECK(s.ref("x", 2)->symbol == semantic::kNone);  // module x is never bound
  CHECK(s.resolved_scope("y", 1) == semantic::ScopeKind::Module);
  // The first iterable is evaluated in the enclosing scope.
  CHECK(s.ref("xs")->scope == 0);
}

TEST_CASE("binding kinds and targets", "[semantic]") {
  Snippet s(
      "import a.b.c\n"
      "import d as e\n"
      "from m import p, q as r\n"
      "t: list[int] = []\n"
      "u, (v, *w) = f()\n"
      "for i in range(3):\n"
      "    pass\n"
      "with open(p) as fh:\n"
      "    pass\n"
      "try:\n"
      "    pass\n"
      "except E as err:\n"
      "    pass\n"
      "def g(a1, a2=1, *args, k: int = 2, **kw):\n"
      "    del a1\n"
      "    a2 += 1\n"
      "match t:\n"
      "    case [cap, *rest] if cap:\n"
      "        pass\n"
      "    case Point(x=px) | Color.RED:\n"
      "        pass\n");
  CHECK(s.binding("a")->kind == BindingKind::Import);
  CHECK(s.binding("b") == nullptr);
  CHECK(s.binding("e")->kind == BindingKind::Import);
  CHECK(s.binding("p")->kind == BindingKind::ImportFrom);
  CHECK(s.binding("q") == nullptr);
  CHECK(s.binding("r")->kind == BindingKind::ImportFrom);
  CHECK(s.binding("t")->kind == BindingKind::Assignment);
  CHECK(s.binding("t")->annotation);
  CHECK(s.binding("u")->unpacked);
  CHECK(s.binding("w")->unpacked);
  CHECK(s.binding("i")->kind == BindingKind::ForTarget);
  CHECK(s.binding("fh")->kind == BindingKind::WithTarget);
  CHECK(s.binding("err")->kind == BindingKind::ExceptTarget);
  CHECK(s.ref("E") != nullptr);
  CHECK(s.binding("a1")->kind == BindingKind::Parameter);
  CHECK(s.binding("args")->kind == BindingKind::Parameter);
  CHECK(s.binding("k")->annotation);
  CHECK(s.binding("kw")->kind == BindingKind::Parameter);
  CHECK(s.binding("a1", 1)->kind == BindingKind::Deletion);
  CHECK(s.binding("a2", 1)->kind == BindingKind::AugmentedAssignment);
  CHECK(s.ref("a2", 1) != nullptr);
  CHECK(s.binding("cap")->kind == BindingKind::MatchCapture);
  CHECK(s.binding("rest")->kind == BindingKind::MatchCapture);
  CHECK(s.ref("cap", 1) != nullptr);  // the guard reads it
  CHECK(s.ref("Point") != nullptr);
  CHECK(s.binding("px")->kind == BindingKind::MatchCapture);
  CHECK(s.binding("x") == nullptr);  // keyword in a class pattern
  CHECK(s.ref("Color") != nullptr);
  CHECK(s.binding("RED") == nullptr);
}

TEST_CASE("loop depth counts for, while and comprehension clauses, not function bodies", "[semantic]") {
  Snippet s(
      "for a in xs:\n"
      "    while b:\n"
      "        c = [d for e in es for f in fs]\n"
      "    def inner():\n"
      "        return g\n");
  const auto& m = s.model();
  CHECK(m.loop_depth(s.ref("xs")->loop) == 0);
  CHECK(m.loop_depth(s.ref("b")->loop) == 2);
  CHECK(m.loop_depth(s.ref("es")->loop) == 2);
  CHECK(m.loop_depth(s.ref("fs")->loop) == 3);
  CHECK(m.loop_depth(s.ref("d")->loop) == 4);
  CHECK(m.loop_depth(s.ref("g")->loop) == 0);
  CHECK(m.loop(s.ref("d")->loop).kind == semantic::LoopKind::Comprehension);
}

// ---- what values are ----

namespace {

std::string kind(const Snippet& s, const std::string& name, int nth) {
  return std::string(semantic::to_string(s.model().kind_of(s.ident(name, nth)).kind));
}

}  // namespace

TEST_CASE("kinds from literals, comprehensions, constructors and builtin results", "[semantic][kinds]") {
  Snippet s(
      "a = [1]\nb = (1,)\nc = {1}\nd = {}\ne = [x for x in y]\nf = list(y)\ng = sorted(y)\nh = 'a b'.split()\n"
      "i = dict(y)\nj = frozenset(y)\nk = b'x'\nl = 'x'\nm = set()\nn = [0] * 3\no = a + a\np = a[1:]\n"
      "use(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)\n");
  CHECK(kind(s, "a", 2) == "list");
  CHECK(kind(s, "b", 3) == "tuple");  // the text search also finds the b in 'a b' and b'x'
  CHECK(kind(s, "c", 1) == "set");
  CHECK(kind(s, "d", 1) == "dict");
  CHECK(kind(s, "e", 1) == "list");
  CHECK(kind(s, "f", 1) == "list");
  CHECK(kind(s, "g", 1) == "list");
  CHECK(kind(s, "h", 1) == "list");
  CHECK(kind(s, "i", 1) == "dict");
  CHECK(kind(s, "j", 1) == "frozenset");
  CHECK(kind(s, "k", 1) == "bytes");
  CHECK(kind(s, "l", 1) == "str");
  CHECK(kind(s, "m", 1) == "set");
  CHECK(kind(s, "n", 1) == "list");
  CHECK(kind(s, "o", 1) == "list");
  CHECK(kind(s, "p", 1) == "list");
  CHECK(s.model().kind_of(s.ident("e", 1)).evidence == semantic::Evidence::Comprehension);
  CHECK(s.model().kind_of(s.ident("f", 1)).evidence == semantic::Evidence::Constructor);
}

TEST_CASE("constructors resolve through imports, shadowed builtins do not count", "[semantic][kinds]") {
  Snippet s(
      "import collections\nimport collections as c2\nfrom collections import deque as dq, Counter\n"
      "a = collections.deque()\nb = dq()\nc = c2.OrderedDict()\nd = Counter(x)\ne = collections.defaultdict(list)\n"
      "use(a, b, c, d, e)\n");
  CHECK(kind(s, "a", 1) == "deque");
  CHECK(kind(s, "b", 1) == "deque");
  CHECK(kind(s, "c", 1) == "OrderedDict");
  CHECK(kind(s, "d", 1) == "Counter");
  CHECK(kind(s, "e", 1) == "defaultdict");
  CHECK(s.model().qualified_name(s.ident("dq", 1)) == "collections.deque");

  Snippet shadow("def list(x):\n    return x\na = list(y)\nuse(a)\n");
  CHECK(kind(shadow, "a", 1) == "unknown");
  Snippet star("from mylib import *\na = list(y)\nuse(a)\n");
  CHECK(kind(star, "a", 1) == "unknown");
}

TEST_CASE("annotations on locals, parameters and self attributes", "[semantic][kinds]") {
  Snippet s(
      "from typing import List, Optional, Sequence\nimport typing as t\n"
      "def f(a: list[int], b: List[str], c: t.List[int], d: Optional[list], e: Sequence[int], g, *args, **kw):\n"
      "    h: list[int] = g\n"
      "    use(a, b, c, d, e, g, h, args, kw)\n");
  CHECK(kind(s, "a", 1) == "list");
  CHECK(kind(s, "b", 1) == "list");
  CHECK(kind(s, "c", 1) == "list");
  CHECK(kind(s, "d", 1) == "unknown");  // Optional: the None case is not ruled out
  CHECK(kind(s, "e", 1) == "unknown");  // abstract
  CHECK(kind(s, "g", 2) == "unknown");  // unannotated parameter
  CHECK(kind(s, "h", 1) == "list");
  CHECK(kind(s, "args", 1) == "tuple");
  CHECK(kind(s, "kw", 1) == "dict");
  CHECK(s.model().kind_of(s.ident("a", 1)).evidence == semantic::Evidence::Annotation);

  Snippet cls(
      "class Q:\n"
      "    waiting: list[str]\n"
      "    def __init__(self):\n"
      "        self.items = []\n"
      "        self.waiting = []\n"
      "        self.mixed = []\n"
      "    def reset(self):\n"
      "        self.mixed = set()\n"
      "    def use(self):\n"
      "        return self.items, self.waiting, self.mixed, self.nothing\n");
  const auto attr_kind = [&](const std::string& name) {
    return std::string(semantic::to_string(cls.model().kind_of(cls.ident(name, 0).parent()).kind));
  };
  (void)attr_kind;
  const auto& m = cls.model();
  const auto kind_at = [&](const std::string& attr, int nth) {
    return std::string(semantic::to_string(m.kind_of(cls.ident(attr, nth).parent()).kind));
  };
  CHECK(kind_at("items", 1) == "list");
  CHECK(kind_at("waiting", 2) == "list");
  CHECK(kind_at("mixed", 2) == "unknown");  // list in one method, set in another
  CHECK(kind_at("nothing", 0) == "unknown");
}

TEST_CASE("the binding that reaches a use decides, branches that disagree give unknown", "[semantic][kinds]") {
  Snippet straight("a = []\na = set()\nuse(a)\n");
  CHECK(kind(straight, "a", 2) == "set");

  Snippet branch("a = []\nif c:\n    a = set()\nuse(a)\n");
  CHECK(kind(branch, "a", 2) == "unknown");

  Snippet both("if c:\n    a = [1]\nelse:\n    a = [2]\nuse(a)\n");
  CHECK(kind(both, "a", 2) == "list");

  Snippet loop("a = []\nfor x in y:\n    use(a)\n    a = set()\n");
  CHECK(kind(loop, "a", 1) == "unknown");  // the second iteration sees the set

  Snippet loop_same("a = []\nfor x in y:\n    a = a + [x]\nuse(a)\n");
  CHECK(kind(loop_same, "a", 3) == "list");

  Snippet aug("s = ''\nfor x in y:\n    s += x\nuse(s)\n");
  CHECK(kind(aug, "s", 2) == "str");

  Snippet deleted("a = []\ndel a\na = 1\nuse(a)\n");
  CHECK(kind(deleted, "a", 3) == "int");

  Snippet closure("a = []\ndef f():\n    return a\na = set()\n");
  CHECK(kind(closure, "a", 1) == "unknown");  // the function may run after either binding
}

TEST_CASE("usage: mutation, escape, shape", "[semantic][usage]") {
  Snippet s(
      "def f(items):\n"
      "    q = [1, 2]\n"
      "    q.append(3)\n"
      "    r = [1, 2]\n"
      "    print(len(r), r[0], r[-1])\n"
      "    t = [1, 2]\n"
      "    items.extend(t)\n"
      "    u = [3]\n"
      "    v = u[1:]\n"
      "    return r\n");
  const auto& m = s.model();
  const auto q = m.usage(m.variable_of(s.ident("q")));
  CHECK(q.mutated);
  CHECK_FALSE(q.escapes);
  const auto r = m.usage(m.variable_of(s.ident("r")));
  CHECK_FALSE(r.mutated);
  CHECK_FALSE(r.indexed);  // only the ends
  CHECK(r.escapes);        // returned
  const auto t = m.usage(m.variable_of(s.ident("t")));
  CHECK(t.escapes);  // passed to unknown code
  CHECK(m.usage(m.variable_of(s.ident("u"))).sliced);

  Snippet all("__all__ = ['public']\npublic = [1]\n_private = [2]\n");
  CHECK(all.model().usage(all.model().variable_of(all.ident("public", 1))).exported);
  CHECK_FALSE(all.model().usage(all.model().variable_of(all.ident("_private"))).exported);
}

TEST_CASE("loop invariance: rebinding, mutation, and calls that could reach the value", "[semantic][usage]") {
  Snippet s(
      "def f(xs, ys):\n"
      "    a = [1, 2]\n"
      "    b = [1, 2]\n"
      "    for x in xs:\n"
      "        use(x in a)\n"
      "        b.append(x)\n"
      "    for y in ys:\n"
      "        consume(ys)\n");
  const auto& m = s.model();
  const auto loop_of = [&](const std::string& name, int nth) { return m.reference_at(s.ident(name, nth))->loop; };
  CHECK(m.invariant_in(m.variable_of(s.ident("a", 1)), loop_of("a", 1)));
  CHECK_FALSE(m.invariant_in(m.variable_of(s.ident("b", 1)), loop_of("b", 1)));
  // A parameter could be mutated by the opaque call inside the loop.
  CHECK_FALSE(m.invariant_in(m.variable_of(s.ident("ys", 2)), loop_of("ys", 2)));
}

TEST_CASE("calls cannot mutate what they cannot reach", "[semantic][usage]") {
  Snippet s(
      "def f(xs, ids: list[str], out: list[str], kept: list[str]):\n"
      "    for x in xs:\n"
      "        g(x in ids)\n"
      "    for x in xs:\n"
      "        g(x in out)\n"
      "    consume(out)\n"
      "    def cb():\n"
      "        kept.append(1)\n"
      "    for x in xs:\n"
      "        g(x in kept)\n");
  const auto& m = s.model();
  const auto loop_of = [&](const std::string& name, int nth) { return m.reference_at(s.ident(name, nth))->loop; };
  // A parameter that no call is handed is stable across g(): only its caller holds it.
  CHECK(m.invariant_in(m.variable_of(s.ident("ids", 1)), loop_of("ids", 1)));
  // Handed to consume() (anywhere in the function): consume may keep it and g may change it.
  CHECK_FALSE(m.invariant_in(m.variable_of(s.ident("out", 1)), loop_of("out", 1)));
  // Captured by a nested function: a call may run it.
  CHECK_FALSE(m.invariant_in(m.variable_of(s.ident("kept", 2)), loop_of("kept", 2)));

  Snippet cls(
      "class C:\n"
      "    def __init__(self, names):\n"
      "        self.names = list(names)\n"
      "        self.names.append('x')\n"
      "        self.seen = []\n"
      "    def helper(self):\n"
      "        return 1\n"
      "    def reset(self):\n"
      "        self.seen = []\n"
      "    def run(self, items):\n"
      "        for i in items:\n"
      "            self.helper(i in self.names)\n"
      "        for i in items:\n"
      "            self.helper(i in self.seen)\n"
      "        for i in items:\n"
      "            if i in self.seen:\n"
      "                other(i)\n");
  const auto& cm = cls.model();
  const auto attr = [&](const std::string& name, int nth) { return cls.ident(name, nth).parent(); };
  const auto cloop = [&](int nth) { return cm.reference_at(cls.ident("i", nth))->loop; };
  // Set up in __init__ only: no method can change it.
  CHECK(cm.invariant_in(cm.variable_of(attr("names", 3)), cloop(1)));
  // reset() rebinds it and the loop calls a method of self: it may be reset().
  CHECK_FALSE(cm.invariant_in(cm.variable_of(attr("seen", 2)), cloop(3)));
  // other() is not handed the instance (its argument is the element, not self).
  CHECK(cm.invariant_in(cm.variable_of(attr("seen", 3)), cloop(5)));
}

TEST_CASE("more evidence: string splits, compiled patterns, unpacked displays", "[semantic][kinds]") {
  Snippet s(
      "import re, os\n"
      "def f(s, line, df, p):\n"
      "    a = s.split('\\n')\n"
      "    b = line.rstrip().split(',')\n"
      "    c = s.splitlines()\n"
      "    d = s.split()\n"
      "    e = os.path.split(s)\n"
      "    g = df.name.str.split(',')\n"
      "    pat = re.compile(p)\n"
      "    h = pat.findall(s)\n"
      "    i = pat.split(s)\n"
      "    j, k = [], set()\n"
      "    l, *m = [], []\n"
      "    use(a, b, c, d, e, g, h, i, j, k, l)\n");
  CHECK(kind(s, "a", 1) == "list");
  CHECK(kind(s, "b", 1) == "list");
  CHECK(kind(s, "c", 1) == "list");
  CHECK(kind(s, "d", 1) == "unknown");  // node.split() of a user class may return anything
  CHECK(kind(s, "e", 1) == "unknown");  // a module's function: os.path.split returns a tuple
  CHECK(kind(s, "g", 1) == "unknown");  // a pandas .str accessor returns a Series
  CHECK(kind(s, "h", 1) == "list");
  CHECK(kind(s, "i", 1) == "list");
  CHECK(kind(s, "j", 1) == "list");
  CHECK(kind(s, "k", 1) == "set");
  CHECK(kind(s, "l", 1) == "unknown");  // a starred target: the positions do not line up
}

TEST_CASE("what functions of the module return", "[semantic][kinds]") {
  Snippet s(
      "import functools\n"
      "CACHE = []\n"
      "def fresh(t):\n"
      "    if t:\n"
      "        return []\n"
      "    out = [x for x in t]\n"
      "    return out\n"
      "def annotated(t) -> list[str]:\n"
      "    return helper(t)\n"
      "def shared():\n"
      "    return CACHE\n"
      "@functools.lru_cache\n"
      "def cached():\n"
      "    return []\n"
      "def maybe(t):\n"
      "    if t:\n"
      "        return []\n"
      "def gen(t):\n"
      "    yield t\n"
      "    return []\n"
      "def mixed(t):\n"
      "    if t:\n"
      "        return set()\n"
      "    return []\n"
      "a = fresh(1)\nb = annotated(1)\nc = shared()\nd = cached()\ne = maybe(1)\nf = gen(1)\ng = mixed(1)\n"
      "use(a, b, c, d, e, f, g)\n");
  CHECK(kind(s, "a", 1) == "list");
  CHECK(s.model().kind_of(s.ident("a", 1)).evidence == semantic::Evidence::CallResult);
  CHECK(kind(s, "b", 1) == "list");
  CHECK(kind(s, "c", 1) == "unknown");  // one shared list for every caller
  CHECK(kind(s, "d", 1) == "unknown");  // decorated
  CHECK(kind(s, "e", 1) == "unknown");  // may fall off the end: None
  CHECK(kind(s, "f", 1) == "unknown");  // a generator
  CHECK(kind(s, "g", 1) == "unknown");  // returns disagree
}

TEST_CASE("instances of classes of the module and their fields", "[semantic][kinds]") {
  Snippet s(
      "from dataclasses import dataclass\n"
      "from typing import Mapping, NamedTuple\n"
      "@dataclass\n"
      "class Player:\n"
      "    hand: list[str]\n"
      "class Row(NamedTuple):\n"
      "    tags: set[str]\n"
      "class Other:\n"
      "    hand: set[str]\n"
      "def play(player: Player, rows: list[Row], rooms: dict[str, list[int]], m: Mapping[str, int], cards):\n"
      "    p = Player([])\n"
      "    for row in rows:\n"
      "        use(row.tags)\n"
      "    for members in rooms.values():\n"
      "        use(members)\n"
      "    for name in rooms:\n"
      "        use(name)\n"
      "    q = p if cards else Other()\n"
      "    use(player.hand, p.hand, m, q)\n");
  const auto& m = s.model();
  const auto attr_kind = [&](const std::string& attr, int nth) {
    return std::string(semantic::to_string(m.kind_of(s.ident(attr, nth).parent()).kind));
  };
  CHECK(kind(s, "player", 1) == "instance");
  CHECK(kind(s, "p", 1) == "instance");
  CHECK(attr_kind("hand", 2) == "list");  // player.hand: the dataclass field
  CHECK(attr_kind("hand", 3) == "list");  // p.hand
  CHECK(kind(s, "row", 1) == "instance");
  CHECK(attr_kind("tags", 1) == "set");    // row.tags: a NamedTuple field through list[Row]
  CHECK(kind(s, "members", 1) == "list");  // dict[str, list[int]].values()
  CHECK(kind(s, "name", 1) == "str");      // iterating the dict gives its keys
  CHECK(kind(s, "m", 1) == "mapping");
  CHECK(kind(s, "q", 1) == "unknown");  // instances of two classes
  // p.hand is the variable `hand` of Player instances held by p.
  const auto v = m.variable_of(s.ident("hand", 3).parent());
  CHECK(v.attribute_class != semantic::kNone);
  CHECK(v.object_symbol != semantic::kNone);

  Snippet loop(
      "class Hand:\n"
      "    def __init__(self):\n"
      "        self.cards = []\n"
      "def f(players: list[Hand], wanted, h: Hand):\n"
      "    for p in players:\n"
      "        use(wanted in p.cards)\n"
      "    for w in wanted:\n"
      "        use(w in h.cards)\n");
  const auto& lm = loop.model();
  // p is another player on every iteration: not the same list.
  const auto cards1 = loop.ident("cards", 1).parent();
  CHECK_FALSE(lm.invariant_in(lm.variable_of(cards1), lm.reference_at(loop.ident("wanted", 1))->loop));
  const auto cards2 = loop.ident("cards", 2).parent();
  CHECK(lm.invariant_in(lm.variable_of(cards2), lm.reference_at(loop.ident("w", 1))->loop));
}

TEST_CASE("truth tests do not let a value escape; calls in raise run once", "[semantic][usage]") {
  Snippet s(
      "def f(lines: list[str], other: list[str], xs):\n"
      "    while lines and not lines[0]:\n"
      "        del lines[0]\n"
      "    keep = other or []\n"
      "    for x in xs:\n"
      "        if x in other:\n"
      "            raise ValueError(describe(x))\n"
      "    for x in xs:\n"
      "        if x in other:\n"
      "            describe(x)\n");
  const auto& m = s.model();
  CHECK_FALSE(m.usage(m.variable_of(s.ident("lines"))).escapes);
  CHECK(m.usage(m.variable_of(s.ident("other"))).escapes);  // `other or []` may be other itself
  // `other` escaped, so calls could reach it; describe() in the raise runs only as the loop is left.
  const auto loop_of = [&](int nth) { return m.reference_at(s.ident("other", nth))->loop; };
  CHECK(m.invariant_in(m.variable_of(s.ident("other", 2)), loop_of(2)));
  CHECK_FALSE(m.invariant_in(m.variable_of(s.ident("other", 3)), loop_of(3)));
}
