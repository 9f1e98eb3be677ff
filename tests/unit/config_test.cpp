// Configuration parsing: keys, types, errors with file and line, requires-python, rule options,
// and the layering of the command line over a file.

#include <algorithm>

#include <catch2/catch.hpp>

#include "app/config.hpp"
#include "lint/registry.hpp"

using pyperf::app::ConfigError;
using pyperf::app::parse_config;
using TargetVersion = pyperf::cost::PythonVersion;

namespace {

pyperf::app::ConfigFile parse(const std::string& text, bool pyproject = false) {
  return parse_config(text, "conf.toml", "/repo", pyproject);
}

std::string error_of(const std::string& text, bool pyproject = false) {
  try {
    parse(text, pyproject);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> codes(const std::vector<const pyperf::lint::Rule*>& rules) {
  std::vector<std::string> out;
  out.reserve(rules.size());
  for (const auto* rule : rules) out.emplace_back(rule->meta().code);
  return out;
}

}  // namespace

TEST_CASE("every key parses into the config", "[config]") {
  const auto c = parse(R"(
select = ["PPL1", "quadratic-list-sum"]
extend-select = ["PPL002"]
ignore = ["PPL102"]
exclude = ["generated"]
extend-exclude = ["legacy/*.py"]
respect-gitignore = false
target-version = "py311"
output-format = "json-lines"
preview = true
[per-file-ignores]
"tests/**" = ["PPL4"]
)");
  REQUIRE(c.select);
  CHECK(*c.select == std::vector<std::string>{"PPL1", "quadratic-list-sum"});
  CHECK(c.extend_select == std::vector<std::string>{"PPL002"});
  CHECK(c.ignore == std::vector<std::string>{"PPL102"});
  CHECK(*c.exclude == std::vector<std::string>{"generated"});
  CHECK(c.extend_exclude == std::vector<std::string>{"legacy/*.py"});
  CHECK(c.respect_gitignore == false);
  CHECK(c.target_version == TargetVersion::Py311);
  CHECK(c.output_format == pyperf::report::OutputFormat::JsonLines);
  CHECK(c.preview == true);
  REQUIRE(c.per_file_ignores.size() == 1);
  CHECK(c.per_file_ignores[0].pattern.matches("/repo/tests/x/a.py", "a.py"));
  CHECK_FALSE(c.per_file_ignores[0].rules.empty());
  // Every documented key is one the parser knows (the docs and the parser share one table).
  for (const auto& key : pyperf::app::config_keys()) {
    INFO(key.name);
    CHECK(error_of(std::string(key.name) + " = 12345\n").find("unknown key") == std::string::npos);
  }
}

TEST_CASE("pyproject.toml: the table, requires-python, and skipping files without the table", "[config]") {
  const auto without = parse("[project]\nname = \"x\"\nrequires-python = \">=3.11\"\n", true);
  CHECK_FALSE(without.applies);
  const auto with = parse("[project]\nrequires-python = \">=3.10\"\n[tool.pyperf-lint]\nignore = [\"PPL1\"]\n", true);
  CHECK(with.applies);
  CHECK(with.requires_python == TargetVersion::Py310);
  CHECK(with.ignore == std::vector<std::string>{"PPL1"});
  CHECK(error_of("[tool]\npyperf-lint = 3\n", true) ==
        "conf.toml:2: `tool.pyperf-lint` must be a table, found an integer");
  // In a standalone file the keys sit at the top: a [tool.pyperf-lint] table is an unknown key.
  CHECK(error_of("[tool.pyperf-lint]\nselect = []\n").find("conf.toml:1: unknown key `tool`") == 0);
}

TEST_CASE("configuration errors name the file, the line and what was expected", "[config]") {
  CHECK(error_of("\n\nselectt = [\"PPL1\"]\n") ==
        "conf.toml:3: unknown key `selectt` in the configuration (expected one of: select, extend-select, ignore, "
        "per-file-ignores, exclude, extend-exclude, respect-gitignore, force-exclude, target-version, output-format, "
        "preview, fix, unsafe-fixes, fixable, extend-fixable, unfixable, extend-safe-fixes, extend-unsafe-fixes)");
  CHECK(error_of("select = \"PPL1\"\n") == "conf.toml:1: `select` must be an array of strings, found a string");
  CHECK(error_of("select = [\n  \"PPL1\",\n  3,\n]\n") ==
        "conf.toml:3: `select` must be an array of strings, found an integer in it");
  CHECK(error_of("ignore = [\"PPL1\", \"PPL9\"]\n") ==
        "conf.toml:1: unknown rule selector 'PPL9' in `ignore` (expected a code like PPL102, a prefix like PPL1, a "
        "rule name, or ALL)");
  CHECK(error_of("preview = \"yes\"\n") == "conf.toml:1: `preview` must be true or false, found a string");
  CHECK(error_of("target-version = \"py27\"\n") ==
        "conf.toml:1: `target-version` must be one of \"py39\", \"py310\", \"py311\", \"py312\", \"py313\", found "
        "\"py27\"");
  CHECK(error_of("output-format = \"xml\"\n").find("conf.toml:1: `output-format` must be one of \"full\",") == 0);
  CHECK(error_of("exclude = [\"[abc\"]\n") ==
        "conf.toml:1: invalid glob '[abc' in `exclude`: unclosed `[` character class");
  CHECK(error_of("[per-file-ignores]\n\"{a\" = [\"PPL1\"]\n") ==
        "conf.toml:2: invalid glob '{a' in `per-file-ignores`: unclosed `{` alternatives");
  CHECK(error_of("per-file-ignores = [\"x\"]\n").find("conf.toml:1: `per-file-ignores` must be a table") == 0);
  CHECK(error_of("select = [\"PPL1\"]\n\nbroken = = 3\n").find("conf.toml:3: invalid TOML: ") == 0);
  CHECK(error_of("[lint]\nselect = []\n").find("(pyperf-lint's keys are not nested under `lint`)") !=
        std::string::npos);
  // Rules without options have no table.
  CHECK(error_of("[literal-list-membership]\nmax = 3\n") ==
        "conf.toml:1: unknown key `literal-list-membership` in the configuration: rule `literal-list-membership` has "
        "no options (a rule's table is only accepted for rules that declare options)");
}

TEST_CASE("rule options are checked against the rule's declaration", "[config]") {
  static constexpr pyperf::lint::RuleOption kOptions[] = {
      {"min-length", pyperf::lint::OptionType::Int, "3", "shortest display flagged"},
      {"allow", pyperf::lint::OptionType::StringList, "[]", "names left alone"},
  };
  pyperf::lint::RuleMeta meta{};
  meta.name = "some-rule";
  meta.options = kOptions;
  const auto values = pyperf::app::parse_rule_options(meta, "min-length = 5\nallow = [\"a\"]\n", "p.toml");
  CHECK(std::get<std::int64_t>(values.at("min-length")) == 5);
  CHECK(std::get<std::vector<std::string>>(values.at("allow")) == std::vector<std::string>{"a"});
  CHECK_THROWS_WITH(pyperf::app::parse_rule_options(meta, "\nmin-length = \"5\"\n", "p.toml"),
                    "p.toml:2: `some-rule.min-length` must be an integer, found a string");
  CHECK_THROWS_WITH(pyperf::app::parse_rule_options(meta, "max = 1\n", "p.toml"),
                    "p.toml:1: unknown option `max` for rule `some-rule` (expected one of: min-length, allow)");
}

TEST_CASE("target-version from requires-python", "[config]") {
  CHECK(pyperf::cost::from_requires_python(">=3.10") == TargetVersion::Py310);
  CHECK(pyperf::cost::from_requires_python(">= 3.11, <4") == TargetVersion::Py311);
  CHECK(pyperf::cost::from_requires_python("~=3.12.1") == TargetVersion::Py312);
  CHECK(pyperf::cost::from_requires_python("==3.13.*") == TargetVersion::Py313);
  CHECK(pyperf::cost::from_requires_python(">3.9") == TargetVersion::Py310);
  CHECK(pyperf::cost::from_requires_python(">3.9.1") == TargetVersion::Py39);
  CHECK(pyperf::cost::from_requires_python(">=3.7") == TargetVersion::Py39);    // below what we know: the oldest
  CHECK(pyperf::cost::from_requires_python(">=3.14") == TargetVersion::Py313);  // above: the newest
  CHECK_FALSE(pyperf::cost::from_requires_python("<4"));
  CHECK_FALSE(pyperf::cost::from_requires_python("nonsense"));
}

TEST_CASE("requires-python must be a PEP 440 specifier set", "[config]") {
  using pyperf::cost::is_version_specifier;
  for (const char* good :
       {"",         " ",        ">=3.9",  ">= 3.9", ">=3.9,",       ">=3.9,,<4",  ">=3.9, <4, !=3.10.*", "==3.*",
        "~=3.10",   "~=3.12.1", ">=v3.9", "===foo", "==3.10+local", ">=3.9.0rc1", ">=3.10.post1",        ">=3.10.dev0",
        "<=3.12a1", "==1!3.10", ">3",     "<4"}) {
    CAPTURE(good);
    CHECK(is_version_specifier(good));
  }
  for (const char* bad : {"banana", "3.10", "=>3.9", ">=3.9;", ">=", ">=3.9 <4", ">=3.x", "== 3.10 .*", "3"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_version_specifier(bad));
  }
}

TEST_CASE("selection layers: the command line refines the file like ruff", "[config]") {
  using pyperf::lint::SelectionLayer;
  auto layered = [](SelectionLayer file, SelectionLayer cli) {
    const SelectionLayer layers[] = {std::move(file), std::move(cli)};
    const auto result = pyperf::lint::select_rules(layers, false);
    REQUIRE(result.error.empty());
    return codes(result.rules);
  };
  const auto all = codes(pyperf::lint::select_rules(pyperf::lint::Selection{}).rules);
  // The command line's ignore adds to the file's.
  auto only = layered({std::nullopt, {}, {"PPL102"}}, {std::nullopt, {}, {"PPL305"}});
  CHECK(std::find(only.begin(), only.end(), "PPL102") == only.end());
  CHECK(std::find(only.begin(), only.end(), "PPL305") == only.end());
  CHECK(only.size() + 2 == all.size());
  // The command line's select starts over (PPL001, parse-error, is in every selection).
  CHECK(layered({std::vector<std::string>{"PPL1"}, {}, {"PPL102"}}, {std::vector<std::string>{"PPL102"}, {}, {}}) ==
        std::vector<std::string>{"PPL001", "PPL102"});
  // extend-select adds to the file's select.
  CHECK(layered({std::vector<std::string>{"PPL102"}, {}, {}}, {std::nullopt, {"PPL305"}, {}}) ==
        std::vector<std::string>{"PPL001", "PPL102", "PPL305"});
  // An empty select in the file selects nothing but parse errors.
  CHECK(layered({std::vector<std::string>{}, {}, {}}, {}) == std::vector<std::string>{"PPL001"});
}
