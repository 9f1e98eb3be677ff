#pragma once
// The commands behind the CLI: main.cpp parses arguments into these calls and nothing more.

#include <string>
#include <string_view>

#include "app/settings.hpp"

namespace pyperf::app {

// `pyperf-lint [check] PATHS…`: returns the process exit code.
int run_check(const Settings& settings);

// `pyperf-lint rule CODE|NAME` / `rule --all`: prints rule documentation; `format` is "text"
// (markdown), "json", or "table" (the README's rule table).
int run_rule(const std::string& selector, bool all, std::string_view format);

// `pyperf-lint config [KEY]`: the configuration reference (the README's table), or one key.
int run_config(const std::string& key);

// `pyperf-lint debug-tree FILE`: prints the syntax tree with fields (for rule authors).
int run_debug_tree(const std::string& path);

// True when colour should be used for stdout in `mode` (TTY, NO_COLOR, TERM=dumb).
bool use_color(ColorMode mode);

}  // namespace pyperf::app
