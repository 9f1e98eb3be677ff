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
  CHECK_FALSE(has(ones.rules, "PPL001"));

  Selection by_name;
  by_name.select = {"literal-list-membership"};
  CHECK(select_rules(by_name).rules.size() == 1);

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
