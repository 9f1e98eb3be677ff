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
#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"

namespace pyperf::app {

struct FileResult {
  std::string path;
  std::vector<lint::Diagnostic> diagnostics;
  std::string error;  // non-empty when the file could not be read, decoded or checked
};

struct RunResult {
  std::vector<FileResult> files;  // in discovery (path) order
  std::size_t diagnostic_count() const;
  std::size_t error_count() const;
};

// One file to lint, with the checker of its rules (one checker per distinct rule set).
struct LintJob {
  std::string path;  // read from here, and reported under this name
  const lint::Checker* checker = nullptr;
  std::optional<std::string> contents;  // standard input: linted instead of reading `path`
};

// Lints every job in one pool of worker threads.
RunResult run(const Settings& settings, const std::vector<LintJob>& jobs);

// Reads a whole file, refusing files larger than `max_size`. Returns an error message on failure.
std::string read_file(const std::string& path, std::uint64_t max_size, std::string& out);

// Lints one in-memory source. Used by run() and by the test-suite.
FileResult lint_source(const std::string& path, std::string bytes, std::span<const lint::Rule* const> rules,
                       lint::Options options = {});

}  // namespace pyperf::app
