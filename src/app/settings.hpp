#pragma once
// Everything one run needs, filled from the command line (and later configuration files).

#include <cstdint>
#include <string>
#include <vector>

#include "lint/registry.hpp"

namespace pyperf::app {

enum class OutputFormat { Full, Concise, Json };
enum class ColorMode { Auto, Always, Never };

struct Settings {
  std::vector<std::string> paths;
  lint::Selection selection;
  OutputFormat output_format = OutputFormat::Full;
  ColorMode color = ColorMode::Auto;
  bool exit_zero = false;
  bool quiet = false;
  unsigned threads = 0;                      // 0: one per core
  std::uint64_t max_file_size = 10'000'000;  // bytes; larger files are skipped with an error
};

// Exit codes, as ruff and flake8 use them.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

}  // namespace pyperf::app
