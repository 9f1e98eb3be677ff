// The meta-test: every rule has its source, doc (with every heading), fixture and registry line;
// codes and names are unique and well-formed; cost-table references resolve.

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include <fmt/core.h>
#include <catch2/catch.hpp>

#include "cost/cost_table.hpp"
#include "lint/registry.hpp"
#include "lint/rule_docs.hpp"
#include "support/fixture.hpp"

namespace fs = std::filesystem;
using pyperf::lint::all_rules;

namespace {

const fs::path kRoot = PYPERF_SOURCE_DIR;

constexpr const char* kHeadings[] = {"What it does", "Why is this bad?", "Cost model", "Example",
                                     "Use instead",  "Fix safety",       "Options",    "References"};

}  // namespace

TEST_CASE("rules.def lists each rule once, sorted, one family per hundreds digit", "[meta]") {
  const auto entries = pyperf::lint::registry_entries();
  REQUIRE(!entries.empty());
  std::map<std::string, char> digit_of_family;
  std::map<char, std::string> family_of_digit;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    INFO(entry.code << " " << entry.family);
    CHECK(entry.code == entry.rule->meta().code);
    if (i > 0) CHECK(entries[i - 1].code < entry.code);
    CHECK(std::regex_match(std::string(entry.family), std::regex("[a-z][a-z0-9_]*")));
    CHECK(entry.family != "demo");  // fixtures/demo is the sample project, not a family
    CHECK(pyperf::lint::family_of(entry.rule->meta()) == entry.family);
    // The hundreds digit of a code names its family, in both directions.
    const char digit = entry.code.size() > 3 ? entry.code[3] : '?';
    const std::string family(entry.family);
    CHECK(digit_of_family.emplace(family, digit).first->second == digit);
    CHECK(family_of_digit.emplace(digit, family).first->second == family);
  }
  CHECK(family_of_digit['0'] == "tool");
}

TEST_CASE("every rule has source, doc, fixture and registry line", "[meta]") {
  const std::string registry = pyperf::testing::read_text((kRoot / "rules" / "rules.def").string());
  REQUIRE(!all_rules().empty());
  for (const auto* rule : all_rules()) {
    const auto& meta = rule->meta();
    const std::string code(meta.code);
    const std::string family(pyperf::lint::family_of(meta));
    const std::string snake = pyperf::lint::snake_case(meta.name);
    INFO(code << " " << meta.name);
    CHECK(std::regex_match(code, std::regex("PPL[0-9]{3}")));
    CHECK(std::regex_match(std::string(meta.name), std::regex("[a-z]+(-[a-z0-9]+)*")));
    REQUIRE(!family.empty());
    CHECK(fs::exists(kRoot / "rules" / family / (snake + ".cpp")));
    CHECK(fs::exists(kRoot / "rules" / family / (snake + ".md")));
    // The function rules.def names is the rule's name in snake_case.
    CHECK(registry.find(fmt::format("PYPERF_RULE({}, {}, {})", code, family, snake)) != std::string::npos);
    CHECK(!meta.summary.empty());
    CHECK(meta.summary.back() != '.');
    CHECK(!meta.fix_title.empty());
    // Only tool rules may be dispatched on no node (they judge the run, e.g. the noqa comments).
    CHECK((!meta.kinds.empty() || meta.tier == pyperf::lint::Tier::Tool));

    const std::string_view doc = pyperf::lint::doc_for(meta);
    REQUIRE(!doc.empty());
    std::size_t last = 0;
    for (const char* heading : kHeadings) {
      const auto at = doc.find(std::string("## ") + heading + "\n");
      INFO("heading: " << heading);
      CHECK(at != std::string_view::npos);
      if (at != std::string_view::npos) {
        CHECK(at >= last);  // headings in the fixed order
        last = at;
      }
    }

    if (meta.tier != pyperf::lint::Tier::Tool) {
      CHECK(pyperf::cost::find(meta.cost_before) != nullptr);
      CHECK(pyperf::cost::find(meta.cost_after) != nullptr);
    }

    const fs::path fixture_path = kRoot / "fixtures" / family / (code + ".py");
    REQUIRE(fs::exists(fixture_path));
    const auto fixture =
        pyperf::testing::parse_fixture(fixture_path.string(), pyperf::testing::read_text(fixture_path.string()));
    CHECK(std::find(fixture.select.begin(), fixture.select.end(), code) != fixture.select.end());
    const auto positives = std::count_if(fixture.expectations.begin(), fixture.expectations.end(),
                                         [&](const auto& e) { return e.code == code; });
    CHECK(positives > 0);
    CHECK(fixture.hard_negatives > 0);
  }
}

TEST_CASE("codes and names are unique, no orphan docs or fixtures", "[meta]") {
  std::set<std::string> codes;
  std::set<std::string> names;
  std::set<std::string> docs;
  std::set<std::string> fixtures;
  for (const auto* rule : all_rules()) {
    const auto& meta = rule->meta();
    CHECK(codes.insert(std::string(meta.code)).second);
    CHECK(names.insert(std::string(meta.name)).second);
    const std::string family(pyperf::lint::family_of(meta));
    docs.insert(family + "/" + pyperf::lint::snake_case(meta.name));
    fixtures.insert(family + "/" + std::string(meta.code));
  }
  for (const auto& doc : pyperf::lint::embedded_rule_docs()) {
    if (doc.stem.empty()) continue;
    INFO("doc without a rule: " << doc.family << "/" << doc.stem);
    CHECK(docs.count(std::string(doc.family) + "/" + std::string(doc.stem)) == 1);
  }
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "fixtures")) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".py" || p.string().find("/demo/") != std::string::npos) continue;
    INFO("fixture without a rule: " << p);
    CHECK(fixtures.count(p.parent_path().filename().string() + "/" + p.stem().string()) == 1);
  }
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "rules")) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".cpp") continue;
    INFO("rule source without a registry line: " << p);
    CHECK(docs.count(p.parent_path().filename().string() + "/" + p.stem().string()) == 1);
  }
}

TEST_CASE("cost table ids are unique and complete", "[cost]") {
  std::set<std::string> ids;
  for (const auto& entry : pyperf::cost::table()) {
    INFO(entry.id);
    CHECK(ids.insert(std::string(entry.id)).second);
    CHECK(!entry.collection.empty());
    CHECK(!entry.operation.empty());
    CHECK(!entry.cpython.empty());
    CHECK(static_cast<int>(entry.worst) >= static_cast<int>(entry.average));
  }
  CHECK(pyperf::cost::find("list.contains")->average == pyperf::cost::Complexity::Linear);
  CHECK(pyperf::cost::find("set.contains")->average == pyperf::cost::Complexity::Constant);
  CHECK(pyperf::cost::find("no.such.entry") == nullptr);
  CHECK(pyperf::cost::to_string(pyperf::cost::Complexity::Quadratic) == "O(n²)");
}
