#pragma once
// What the command line asks for. Configuration files (app/config.hpp) fill what it leaves unset.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cost/python_version.hpp"
#include "lint/registry.hpp"
#include "report/output_format.hpp"

namespace pyperf::app {

enum class ColorMode { Auto, Always, Never };

struct Settings {
  std::vector<std::string> paths;
  lint::Selection selection;                          // the command line's layer over the config file's
  std::optional<report::OutputFormat> output_format;  // unset: the config file's, else full
  std::optional<cost::PythonVersion> target_version;
  ColorMode color = ColorMode::Auto;
  bool exit_zero = false;
  bool quiet = false;
  unsigned threads = 0;                      // 0: one per core
  std::uint64_t max_file_size = 10'000'000;  // bytes; larger files are skipped with an error
  std::string config_file;                   // --config: this file for every path
  bool isolated = false;                     // --isolated: no configuration file at all
  bool force_exclude = false;                // --force-exclude: exclusions apply to named paths too
  bool show_settings = false;
  bool show_files = false;  // --show-files: list what discovery found instead of linting
  bool statistics = false;
  bool sort_by_impact = false;                // --sort impact: the findings that matter most first
  int min_impact = 0;                         // --min-impact N: drop findings the cost model rates lower
  std::string output_file;                    // empty: stdout
  std::optional<std::string> stdin_filename;  // the name standard input is linted as
  std::optional<bool> fix;                    // --fix / --no-fix: apply fixes and write the files
  std::optional<bool> unsafe_fixes;           // --unsafe-fixes / --no-unsafe-fixes
  bool diff = false;                          // --diff: print the fixes as a unified diff, write nothing
  bool fix_only = false;                      // --fix-only: apply fixes, report no remaining finding
  bool show_fixes = false;                    // --show-fixes: list the fixes applied, per file and rule
};

// Exit codes, as ruff and flake8 use them.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

}  // namespace pyperf::app
