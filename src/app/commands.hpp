#pragma once
// The commands behind the CLI: main.cpp parses arguments into these calls and nothing more.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// True when colour should be used for stdout in `mode`. Auto: NO_COLOR (set, non-empty) turns it
// off, then FORCE_COLOR (set, non-empty) on even without a terminal, then TERM=dumb off, else
// only on a terminal.
bool use_color(ColorMode mode);

// The candidate closest to `word` (a mistyped option), when one is close enough to be what was
// meant: one edit apart (two for words over three letters), or containing it (`--format` →
// `--output-format`).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pyperf::app
