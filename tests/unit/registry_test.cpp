#include <algorithm>

#include <catch2/catch.hpp>

#include "lint/registry.hpp"

using namespace pyperf::lint;

namespace {

bool has(const std::vector<const Rule*>& rules, std::string_view code) {
  return std::any_of(rules.begin(), rules.end(), [&](const Rule* r) { return r->meta().code == code; });
}

}  // namespace

TEST_CASE("rules are sorted by code and found by code or name", "[registry]") {
  const auto rules = all_rules();
  REQUIRE(rules.size() >= 2);
  CHECK(std::is_sorted(rules.begin(), rules.end(),
                       [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; }));
  CHECK(find_rule("PPL102") == find_rule("literal-list-membership"));
  CHECK(find_rule("ppl102") == find_rule("PPL102"));
  CHECK(find_rule("PPL999") == nullptr);
  CHECK(find_rule("no-such-rule") == nullptr);
}

TEST_CASE("selection by code, prefix, name and ALL, ignore wins", "[registry]") {
  Selection all;
  const auto everything = select_rules(all);
  REQUIRE(everything.error.empty());
  CHECK(has(everything.rules, "PPL001"));
  CHECK(has(everything.rules, "PPL102"));

  Selection prefix;
  prefix.select = {"PPL1"};
  const auto ones = select_rules(prefix);
  CHECK(has(ones.rules, "PPL102"));
  CHECK_FALSE(has(ones.rules, "PPL002"));

  Selection by_name;
  by_name.select = {"literal-list-membership"};
  CHECK(select_rules(by_name).rules.size() == 2);  // and PPL001

  Selection ignored;
  ignored.ignore = {"PPL10"};
  const auto rest = select_rules(ignored);
  CHECK_FALSE(has(rest.rules, "PPL102"));
  CHECK(has(rest.rules, "PPL001"));

  Selection extended;
  extended.select = {"PPL001"};
  extended.extend_select = {"PPL102"};
  CHECK(select_rules(extended).rules.size() == 2);

  Selection unknown;
  unknown.select = {"PPL9"};
  CHECK(select_rules(unknown).error.find("unknown rule selector 'PPL9'") == 0);
  Selection unknown_ignore;
  unknown_ignore.ignore = {"bogus"};
  CHECK_FALSE(select_rules(unknown_ignore).error.empty());
}

TEST_CASE("parse errors are selected whatever the selection; only an exact ignore drops them", "[registry]") {
  Selection narrow;
  narrow.select = {"PPL101"};
  CHECK(has(select_rules(narrow).rules, "PPL001"));

  for (const char* broad : {"ALL", "PPL", "PPL0", "PPL00"}) {
    Selection ignored;
    ignored.ignore = {broad};
    CHECK(has(select_rules(ignored).rules, "PPL001"));
    CHECK(rules_ignored_by(broad).size() + 1 == rules_matching(broad).size());
  }
  for (const char* exact : {"PPL001", "ppl001", "parse-error"}) {
    Selection ignored;
    ignored.select = {"PPL101"};
    ignored.ignore = {exact};
    CHECK_FALSE(has(select_rules(ignored).rules, "PPL001"));
    CHECK(rules_ignored_by(exact).size() == 1);
  }

  // Layers: the file's exact ignore holds under a command line that only adds; a command line
  // that selects anew starts over, with PPL001.
  const SelectionLayer file{std::nullopt, {}, {"PPL001"}};
  const SelectionLayer adds{std::nullopt, {"PPL102"}, {}};
  const SelectionLayer selects{std::vector<std::string>{"PPL102"}, {}, {}};
  const SelectionLayer kept[] = {file, adds};
  CHECK_FALSE(has(select_rules(kept, false).rules, "PPL001"));
  const SelectionLayer restarted[] = {file, selects};
  CHECK(has(select_rules(restarted, false).rules, "PPL001"));
}
