// Scopes, bindings and name resolution on small snippets.

#include <string>

#include <catch2/catch.hpp>

#include "semantic/builder.hpp"
#include "semantic/model.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"
#include "syntax/walk.hpp"

using namespace pyperf;
using semantic::BindingKind;

namespace {

struct Feed {
  semantic::Builder& builder;
  bool enter(const syntax::Node& n, syntax::Field f) {
    builder.enter(n, f);
    return true;
  }
  void leave(const syntax::Node& n) { builder.leave(n); }
};

// Builds the model of `code` and answers questions about the n-th occurrence of a name.
class Snippet {
 public:
  explicit Snippet(std::string code)
      : source_(syntax::SourceText::from_utf8(std::move(code))),
        parser_(syntax::Language::python()),
        tree_(parser_.parse(source_.text())),
        model_(source_) {
    semantic::Builder builder(model_);
    Feed feed{builder};
    syntax::walk(tree_.root(), feed);
    builder.finish();
  }

  // The identifier node of the `nth` (0-based) whole-word occurrence of `name`.
  syntax::Node ident(const std::string& name, int nth = 0) const {
    std::size_t pos = 0;
    const std::string_view text = source_.text();
    for (int seen = 0;; ++pos) {
      pos = text.find(name, pos);
      REQUIRE(pos != std::string_view::npos);
      const bool left_ok =
          pos == 0 || !(std::isalnum(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '_');
      const std::size_t end = pos + name.size();
      const bool right_ok =
          end >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_');
      if (left_ok && right_ok && seen++ == nth) break;
    }
    const auto p = static_cast<std::uint32_t>(pos);
    return {ts_node_named_descendant_for_byte_range(tree_.root().raw(), p, p + static_cast<std::uint32_t>(name.size())),
            tree_.root().language()};
  }

  const semantic::Model& model() const { return model_; }
  bool builtin(const std::string& name, int nth = 0) const { return model_.is_builtin(ident(name, nth), name); }
  const semantic::Reference* ref(const std::string& name, int nth = 0) const {
    return model_.reference_at(ident(name, nth));
  }
  const semantic::Binding* binding(const std::string& name, int nth = 0) const {
    return model_.binding_at(ident(name, nth));
  }
  // Scope kind of the symbol a reference resolves to.
  semantic::ScopeKind resolved_scope(const std::string& name, int nth = 0) const {
    const auto* r = ref(name, nth);
    REQUIRE(r != nullptr);
    REQUIRE(r->symbol != semantic::kNone);
    return model_.scope(model_.symbol(r->symbol).scope).kind;
  }

 private:
  syntax::SourceText source_;
  syntax::Parser parser_;
  syntax::Tree tree_;
  semantic::Model model_;
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

TEST_CASE("comprehension variables do not leak; walrus does", "[semantic]") {
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
