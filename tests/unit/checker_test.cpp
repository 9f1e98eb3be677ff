// The checker's dispatch: a rule's check() runs on the node kinds its metadata declares, and never
// when it declares none (a tool rule the pipeline reports itself, like PPL002 unused-noqa).

#include <catch2/catch.hpp>

#include "lint/registry.hpp"
#include "lint/result.hpp"

namespace {

using pyperf::lint::RuleMeta;
using pyperf::syntax::Kind;

constexpr Kind kComments[] = {Kind::Comment};

constexpr RuleMeta meta_with(std::span<const Kind> kinds) {
  return RuleMeta{
      .code = "PPL099",
      .name = "counting",
      .summary = "Counts the calls of its check",
      .fix_title = "None",
      .severity = pyperf::lint::Severity::Info,
      .tier = pyperf::lint::Tier::Tool,
      .stability = pyperf::lint::Stability::Preview,
      .fix = pyperf::lint::FixAvailability::None,
      .kinds = kinds,
      .cost_before = "",
      .cost_after = "",
  };
}

// Counts its calls: test-only state (a real rule holds none, so that files lint in parallel).
class Counting final : public pyperf::lint::Rule {
 public:
  explicit Counting(RuleMeta meta) : meta_(meta) {}
  const RuleMeta& meta() const override { return meta_; }
  void check(const pyperf::syntax::Node&, pyperf::lint::Context&) const override { ++calls; }
  mutable int calls = 0;

 private:
  RuleMeta meta_;
};

}  // namespace

TEST_CASE("a rule is dispatched on its declared kinds only, and on nothing without any", "[checker]") {
  const std::string source = "# one\nx = 1  # two\n";
  const Counting on_comments(meta_with(kComments));
  const Counting on_nothing(meta_with({}));
  const pyperf::lint::Rule* rules[] = {&on_comments, &on_nothing};
  const auto result = pyperf::lint::lint_source("t.py", source, rules);
  REQUIRE(result.error.empty());
  CHECK(on_comments.calls == 2);
  CHECK(on_nothing.calls == 0);
}

TEST_CASE("PPL002 declares no node kinds and still reports unused directives", "[checker][suppression]") {
  const pyperf::lint::Rule* unused_noqa = pyperf::lint::find_rule("PPL002");
  REQUIRE(unused_noqa != nullptr);
  CHECK(unused_noqa->meta().kinds.empty());
  const pyperf::lint::Rule* rules[] = {unused_noqa};
  const auto result = pyperf::lint::lint_source("t.py", "x = 1  # noqa: PPL102\n", rules);
  REQUIRE(result.error.empty());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].rule->code == "PPL002");
}

namespace {

// The impact and repeat count of each PPL101 finding in `code`.
std::vector<std::pair<int, std::uint32_t>> ppl101(const std::string& code) {
  const pyperf::lint::Rule* rule = pyperf::lint::find_rule("PPL101");
  REQUIRE(rule != nullptr);
  const pyperf::lint::Rule* rules[] = {rule};
  const auto result = pyperf::lint::lint_source("t.py", code, rules);
  REQUIRE(result.error.empty());
  std::vector<std::pair<int, std::uint32_t>> out;
  for (const auto& d : result.diagnostics) out.emplace_back(d.impact, d.loop_depth);
  return out;
}

}  // namespace

TEST_CASE("impact follows how often the code runs and how big the list visibly is", "[checker][impact]") {
  const std::string head = "def f(rows, names: list[str]):\n    for r in rows:\n        for c in r:\n";
  const auto every = ppl101(head + "            if c in names:\n                use(c)\n");
  const auto once = ppl101(head + "            if c in names:\n                use(c)\n            break\n");
  const auto handler = ppl101(head +
                              "            try:\n                use(c)\n            except ValueError:\n"
                              "                if c in names:\n                    use(c)\n");
  REQUIRE(every.size() == 1);
  REQUIRE(once.size() == 1);
  REQUIRE(handler.size() == 1);
  // A statement followed by break leaves the inner loop after one pass: only the outer loop repeats it.
  CHECK(every[0].second == 2);
  CHECK(once[0].second == 1);
  CHECK(once[0].first < every[0].first);
  CHECK(handler[0].first < every[0].first);  // a handler runs when something failed
  // Followed by return in a single loop: one test per call, a set would cost more than it saves.
  CHECK(ppl101("def f(rows, names: list[str]):\n    for r in rows:\n        if r in names:\n"
               "            use(r)\n        return r\n")
            .empty());
  // A visible three-element list saves almost nothing; a module loop runs once, at import.
  const auto small = ppl101(
      "def f(rows):\n    names = ['a', 'b', 'c']\n    for r in rows:\n        if r in names:\n            use(r)\n");
  const auto large = ppl101(
      "def f(rows):\n    names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']\n"
      "    for r in rows:\n        if r in names:\n            use(r)\n");
  const auto single = ppl101(
      "def f(rows, names: list[str]):\n    for r in rows:\n        if r in names:\n"
      "            use(r)\n");
  const auto module = ppl101("names = list(x)\nfor r in rows:\n    if r in names:\n        use(r)\n");
  REQUIRE(small.size() == 1);
  REQUIRE(large.size() == 1);
  REQUIRE(single.size() == 1);
  REQUIRE(module.size() == 1);
  CHECK(small[0].first < large[0].first);
  CHECK(small[0].first <= 40);
  CHECK(module[0].first < single[0].first);
}
