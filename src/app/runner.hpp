#pragma once
// The run loop: reads, validates, parses and checks files in parallel (one parser per worker
// thread, files handed out by an atomic index) and returns results in discovery order, so the
// output is the same whatever the thread schedule.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/settings.hpp"
#include "lint/checker.hpp"
#include "lint/fixer.hpp"
#include "lint/result.hpp"

namespace pyperf::app {

// One file to lint, with the checker of its rules (one checker per distinct rule set).
struct LintJob {
  std::string path;  // read from here, and reported under this name
  const lint::Checker* checker = nullptr;
  std::optional<std::string> contents;      // standard input: linted instead of reading `path`
  const lint::FixPolicy* policy = nullptr;  // which fixes apply (also when not fixing: for `[*]`)
  bool fix = false;                         // apply the policy's fixes
  bool write = false;                       // write fixed files (not with --diff, never standard input)
  bool keep_original = false;               // keep the bytes read, for --diff
};

// Lints every job in one pool of worker threads.
lint::RunResult run(const Settings& settings, const std::vector<LintJob>& jobs);

// Reads a whole regular file (read_regular_file), refusing files larger than `max_size`. Returns an
// error message on failure.
std::string read_file(const std::string& path, std::uint64_t max_size, std::string& out);

}  // namespace pyperf::app
