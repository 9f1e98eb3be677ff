#pragma once
// The commands behind the CLI: main.cpp parses arguments into these calls and nothing more.

#include <string>

#include "app/settings.hpp"

namespace pyperf::app {

// `pyperf-lint [check] PATHS…`: returns the process exit code.
int run_check(const Settings& settings);

// `pyperf-lint rule CODE|NAME` / `rule --all`: prints rule documentation (markdown or JSON).
int run_rule(const std::string& selector, bool all, bool json);

// `pyperf-lint debug-tree FILE`: prints the syntax tree with fields (for rule authors).
int run_debug_tree(const std::string& path);

// True when colour should be used for stdout in `mode` (TTY, NO_COLOR, TERM=dumb).
bool use_color(ColorMode mode);

}  // namespace pyperf::app
