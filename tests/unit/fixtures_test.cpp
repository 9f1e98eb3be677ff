// Runs every rule fixture (fixtures/<family>/<CODE>.py) and matches its findings against the
// inline `# expect:` annotations, exactly and both ways.

#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "lint/registry.hpp"
#include "lint/result.hpp"
#include "support/fixture.hpp"

namespace fs = std::filesystem;
using pyperf::testing::compare;
using pyperf::testing::parse_fixture;
using pyperf::testing::read_text;

namespace {

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(PYPERF_SOURCE_DIR) / "fixtures")) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".py") continue;
    if (p.parent_path().filename() == "demo" || p.string().find("/demo/") != std::string::npos) continue;
    out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("rule fixtures match their annotations exactly", "[fixtures]") {
  const auto files = fixture_files();
  REQUIRE(!files.empty());
  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const std::string text = read_text(file.string());
      const auto fixture = parse_fixture(file.lexically_relative(PYPERF_SOURCE_DIR).string(), text);
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
    }
  }
}
