// Runs rule fixtures (fixtures/<family>/<CODE>.py) and matches their findings against the inline
// `# expect:` annotations, exactly and both ways.
//
// CTest runs each fixture as its own test, fixture.<CODE> (tests/CMakeLists.txt), so that a
// failing fixture is named in the summary: it sets PYPERF_FIXTURE to the fixture's path (absolute,
// or relative to the source directory). Without it the case runs every fixture. The case is hidden
// ("[.]") so that a plain run of pyperf_tests does not repeat what the fixture.* tests check.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "lint/fixer.hpp"
#include "lint/registry.hpp"
#include "lint/result.hpp"
#include "support/fixture.hpp"
#include "syntax/language.hpp"

namespace fs = std::filesystem;
using pyperf::testing::compare;
using pyperf::testing::parse_fixture;
using pyperf::testing::read_text;

namespace {

const fs::path kRoot = PYPERF_SOURCE_DIR;

std::vector<fs::path> fixture_files() {
  if (const char* one = std::getenv("PYPERF_FIXTURE"); one != nullptr && *one != '\0') {
    const fs::path path(one);
    return {path.is_absolute() ? path : kRoot / path};
  }
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "fixtures")) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".py") continue;
    if (p.parent_path().filename() == "demo" || p.string().find("/demo/") != std::string::npos) continue;
    out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("rule fixtures match their annotations exactly", "[.][fixture]") {
  const auto files = fixture_files();
  REQUIRE(!files.empty());
  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      INFO(file.string());
      REQUIRE(fs::is_regular_file(file));
      const std::string text = read_text(file.string());
      const auto fixture = parse_fixture(file.lexically_relative(kRoot).string(), text);
      pyperf::lint::Selection selection;
      selection.select = fixture.select;
      selection.preview = true;
      const auto selected = pyperf::lint::select_rules(selection);
      INFO(selected.error);
      REQUIRE(selected.error.empty());
      pyperf::lint::Options options;
      if (!fixture.target_version.empty()) {
        const auto version = pyperf::cost::parse_python_version(fixture.target_version);
        REQUIRE(version.has_value());
        options.target_version = *version;
      }
      const auto result = pyperf::lint::lint_source(file.string(), text, selected.rules, options);
      INFO(result.error);
      REQUIRE(result.error.empty());
      const auto problems = compare(fixture, result.diagnostics);
      std::string report;
      for (const auto& p : problems) report += p + "\n";
      INFO(report);
      CHECK(problems.empty());

      // Fixable rules keep goldens: <CODE>.py.fixed (--fix) and <CODE>.py.unsafe.fixed
      // (--unsafe-fixes). PYPERF_UPDATE_GOLDENS=1 rewrites them from the current output.
      const bool fixable = std::any_of(selected.rules.begin(), selected.rules.end(), [](const auto* rule) {
        return rule->meta().fix != pyperf::lint::FixAvailability::None;
      });
      const pyperf::lint::Checker checker(selected.rules, options);
      pyperf::syntax::Parser parser(pyperf::syntax::Language::python());
      for (const bool unsafe : {false, true}) {
        const fs::path golden = file.string() + (unsafe ? ".unsafe.fixed" : ".fixed");
        INFO(golden.string());
        if (!fixable) {
          CHECK_FALSE(fs::exists(golden));  // a golden for a rule without fixes is stale
          continue;
        }
        pyperf::lint::FixPolicy policy;
        policy.threshold = unsafe ? pyperf::lint::Applicability::Unsafe : pyperf::lint::Applicability::Safe;
        const auto outcome = pyperf::lint::fix_source(file.string(), text, checker, parser, policy);
        INFO(outcome.result.error);
        REQUIRE(outcome.result.error.empty());
        const std::string fixed = outcome.fixed.value_or(text);
        // The fixed text is a fixed point: nothing the policy applies is left in it.
        for (const auto& d : outcome.result.diagnostics) {
          INFO(d.rule->code << " at line " << d.start.line << " still has an applicable fix");
          CHECK_FALSE(pyperf::lint::applies(d, policy));
        }
        if (const char* update = std::getenv("PYPERF_UPDATE_GOLDENS"); update != nullptr && *update == '1') {
          std::ofstream(golden, std::ios::binary) << fixed;
        }
        REQUIRE(fs::exists(golden));
        CHECK(read_text(golden.string()) == fixed);
      }
    }
  }
}
