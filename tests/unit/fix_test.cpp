// Fix application (lint/fixer) and the edit helpers rules build fixes with (lint/fix): edits that
// overlap wait for the next round, identical edits merge, a fix that breaks the syntax leaves the
// file untouched, and encoding, BOM and line endings survive.

#include <functional>

#include <fmt/core.h>

#include <catch2/catch.hpp>

#include "lint/context.hpp"
#include "lint/fixer.hpp"
#include "lint/registry.hpp"
#include "syntax/language.hpp"

namespace {

using pyperf::lint::Applicability;
using pyperf::lint::Context;
using pyperf::lint::FixBuilder;
using pyperf::lint::FixPolicy;
using pyperf::lint::RuleMeta;
using pyperf::syntax::Kind;
using pyperf::syntax::Node;

constexpr Kind kIdentifiers[] = {Kind::Identifier};

constexpr RuleMeta kMeta{
    .code = "PPL098",
    .name = "test-fixer",
    .summary = "Rewrites identifiers for the test",
    .fix_title = "Rewrite",
    .severity = pyperf::lint::Severity::Info,
    .tier = pyperf::lint::Tier::Micro,
    .stability = pyperf::lint::Stability::Preview,
    .fix = pyperf::lint::FixAvailability::Always,
    .kinds = kIdentifiers,
    .cost_before = "",
    .cost_after = "",
};

// Reports every identifier `fix_fn` gives a fix for.
class Fixing final : public pyperf::lint::Rule {
 public:
  using FixFn = std::function<std::optional<pyperf::lint::Fix>(const Node&, Context&)>;
  explicit Fixing(FixFn fn) : fn_(std::move(fn)) {}
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Node& node, Context& ctx) const override {
    auto fix = fn_(node, ctx);
    if (!fix) return;
    ctx.report(node, "fixable").fix = std::move(fix);
  }

 private:
  FixFn fn_;
};

pyperf::lint::FixOutcome run(const Fixing& rule, const std::string& code, FixPolicy policy = {}) {
  const pyperf::lint::Rule* rules[] = {&rule};
  const pyperf::lint::Checker checker(rules);
  pyperf::syntax::Parser parser(pyperf::syntax::Language::python());
  return pyperf::lint::fix_source("t.py", code, checker, parser, policy);
}

// Renames `old` to `new`, safely.
Fixing renaming(std::string old_name, std::string new_name, Applicability level = Applicability::Safe) {
  return Fixing([=](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) != old_name) return std::nullopt;
    return FixBuilder(level, "rename").replace(node, new_name).build();
  });
}

}  // namespace

TEST_CASE("fixes apply until nothing is left, and are counted per rule", "[fix]") {
  const Fixing rule = renaming("a", "b");
  const auto outcome = run(rule, "a = 1\nprint(a)\n");
  REQUIRE(outcome.fixed);
  CHECK(*outcome.fixed == "b = 1\nprint(b)\n");
  CHECK(outcome.count() == 2);
  CHECK(outcome.by_rule.at("PPL098") == 2);
  CHECK(outcome.result.diagnostics.empty());
}

TEST_CASE("unsafe fixes need the unsafe threshold, and extend-safe-fixes promotes them", "[fix]") {
  const Fixing rule = renaming("a", "b", Applicability::Unsafe);
  CHECK_FALSE(run(rule, "a = 1\n").fixed);
  FixPolicy unsafe;
  unsafe.threshold = Applicability::Unsafe;
  CHECK(run(rule, "a = 1\n", unsafe).fixed == "b = 1\n");
  FixPolicy promoted;
  promoted.extend_safe.insert("PPL098");
  CHECK(run(rule, "a = 1\n", promoted).fixed == "b = 1\n");
  FixPolicy unfixable = unsafe;
  unfixable.unfixable.insert("PPL098");
  CHECK_FALSE(run(rule, "a = 1\n", unfixable).fixed);
}

TEST_CASE("a fix that would leave a syntax error is refused and names its rule", "[fix]") {
  const Fixing rule = renaming("a", "(");
  const std::string code = "a = 1\n";
  const auto outcome = run(rule, code);
  CHECK_FALSE(outcome.fixed);
  CHECK(outcome.count() == 0);
  CHECK(outcome.result.error.find("PPL098 (test-fixer) at line 1") != std::string::npos);
}

TEST_CASE("no fix is applied to a file that does not parse", "[fix]") {
  const Fixing rule = renaming("a", "b");
  CHECK_FALSE(run(rule, "a = (\n").fixed);
}

TEST_CASE("identical edits of two fixes merge; overlapping ones wait for the next round", "[fix]") {
  const Fixing rule([](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) != "x") return std::nullopt;
    return FixBuilder(Applicability::Safe, "x")
        .replace(node, "y")
        .insert(0, "import os\n")  // the same insertion from every fix: one import
        .build();
  });
  const auto outcome = run(rule, "x = 1\nx\n");
  REQUIRE(outcome.fixed);
  // Both fixes ran in one round (their own edits are disjoint); the shared import appears once.
  CHECK(*outcome.fixed == "import os\ny = 1\ny\n");

  // `f(x)` as a whole and `x` inside it overlap: the outer call is rewritten first, and the
  // inner fix is found again on the new text.
  const Fixing nested([](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) == "f") return FixBuilder(Applicability::Safe, "f").replace(node.parent(), "g(x)").build();
    if (ctx.text(node) == "x") return FixBuilder(Applicability::Safe, "x").replace(node, "y").build();
    return std::nullopt;
  });
  const auto two_rounds = run(nested, "f(x)\n");
  CHECK(two_rounds.fixed == "g(y)\n");
  CHECK(two_rounds.count() == 2);
}

TEST_CASE("fixes keep the file's BOM, line endings and declared encoding", "[fix]") {
  const Fixing rule = renaming("a", "bb");
  CHECK(run(rule,
            "\xEF\xBB\xBF"
            "a = 1\r\nprint(a)\r\n")
            .fixed ==
        "\xEF\xBB\xBF"
        "bb = 1\r\nprint(bb)\r\n");
  CHECK(run(rule, "a = 1\rprint(a)\r").fixed == "bb = 1\rprint(bb)\r");
  // Latin-1: the é (0xE9) stays one byte.
  CHECK(run(rule, "# -*- coding: latin-1 -*-\na = '\xE9'\n").fixed == "# -*- coding: latin-1 -*-\nbb = '\xE9'\n");
  // Inserted line breaks take the file's ending.
  const Fixing inserting([](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) != "a") return std::nullopt;
    const Node statement = node.parent().parent();
    return FixBuilder(Applicability::Safe, "insert")
        .replace(node, "c")
        .add(pyperf::lint::insert_line_before(statement, "z = 0", ctx))
        .build();
  });
  CHECK(run(inserting, "if 1:\r\n    a = 1\r\n").fixed == "if 1:\r\n    z = 0\r\n    c = 1\r\n");
}

TEST_CASE("a character the declared encoding cannot spell is not written", "[fix]") {
  const Fixing rule = renaming("a", "\xCE\xB1");  // Greek alpha: not in latin-1
  const auto outcome = run(rule, "# coding: latin-1\na = 1\n");
  CHECK_FALSE(outcome.fixed);
  CHECK_FALSE(outcome.result.warnings.empty());
}

namespace {

// Rewrites `q` to `deque(q)` with the import helper, to see where the import goes.
const Fixing& importing() {
  static const Fixing rule([](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) != "q") return std::nullopt;
    const auto name = pyperf::lint::import_name("collections", "deque", ctx);
    if (!name) return std::nullopt;
    FixBuilder fix(Applicability::Safe, "deque");
    fix.replace(node, name->name + "(r)");
    if (name->edit) fix.add(name->edit);
    return fix.build();
  });
  return rule;
}

std::string imported(const std::string& code) {
  return run(importing(), code).fixed.value_or("<unchanged>");
}

}  // namespace

TEST_CASE("imports go after the docstring, __future__ imports and the import block", "[fix][imports]") {
  CHECK(imported("q\n") == "from collections import deque\ndeque(r)\n");
  CHECK(imported("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nq\n") ==
        "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nfrom collections import deque\ndeque(r)\n");
  CHECK(imported("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport os  # why\n\nq\n") ==
        "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport os  # why\nfrom collections import deque\n\n"
        "deque(r)\n");
  // An existing `from collections import …` grows; an existing deque import is reused.
  CHECK(imported("from collections import OrderedDict\nq\n") ==
        "from collections import OrderedDict, deque\ndeque(r)\n");
  CHECK(imported("from collections import deque\nq\n") == "from collections import deque\ndeque(r)\n");
  // The name means something else somewhere: no fix.
  CHECK(imported("def f(deque):\n    return deque\nq\n") == "<unchanged>");
  CHECK(imported("from mylib import deque\nq\n") == "<unchanged>");
  CHECK(imported("from collections import *\nq\n") == "<unchanged>");
  CHECK(imported("x.deque\nq\n") == "<unchanged>");
}

TEST_CASE("fresh names clash with nothing in the file", "[fix]") {
  const Fixing rule([](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) != "q") return std::nullopt;
    return FixBuilder(Applicability::Safe, "name").replace(node, pyperf::lint::fresh_name("seen", ctx)).build();
  });
  CHECK(run(rule, "q\n").fixed == "seen\n");
  CHECK(run(rule, "seen = 1\nq\n").fixed == "seen = 1\nseen_2\n");
  CHECK(run(rule, "seen = seen_2 = 1\nq\n").fixed == "seen = seen_2 = 1\nseen_3\n");
}

TEST_CASE("different insertions at one point apply in one round, in the order of their findings", "[fix]") {
  const Fixing rule([](const Node& node, Context& ctx) -> std::optional<pyperf::lint::Fix> {
    if (ctx.text(node) != "a" && ctx.text(node) != "b") return std::nullopt;
    if (!node.parent().is(Kind::ComparisonOperator)) return std::nullopt;
    const Node loop = ctx.semantic().scope(0).node.named_child(0);
    return FixBuilder(Applicability::Safe, "hoist")
        .replace(node, std::string(ctx.text(node)) + "_set")
        .add(pyperf::lint::insert_line_before(loop, fmt::format("{}_set = set({})", ctx.text(node), ctx.text(node)),
                                              ctx))
        .build();
  });
  const auto outcome = run(rule, "for x in y:\n    x in a or x in b\n");
  CHECK(outcome.fixed == "a_set = set(a)\nb_set = set(b)\nfor x in y:\n    x in a_set or x in b_set\n");
}
