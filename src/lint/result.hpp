#pragma once
// What linting produces: the findings of each file, or why it could not be checked. The lint layer
// makes these; reporters read them; the app only moves them from one to the other.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lint/checker.hpp"
#include "lint/diagnostic.hpp"
#include "lint/options.hpp"
#include "lint/rule.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

struct FileResult {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  std::string error;                           // non-empty when the file could not be read, decoded or checked
  std::vector<std::string> warnings;           // "LINE: message" about the input (a `# noqa` without colon)
  std::map<std::string, std::size_t> fixed;    // fixes applied, per rule code
  std::optional<std::string> fixed_source;     // the file's bytes after the fixes, when some applied
  std::optional<std::string> original_source;  // the bytes read, kept when a diff is wanted
  std::size_t fixed_count() const;
};

struct RunResult {
  std::vector<FileResult> files;  // in discovery (path) order
  std::size_t error_count() const;
};

// Decodes, parses and checks one in-memory source with `parser` (one per thread).
FileResult lint_source(const std::string& path, std::string bytes, const Checker& checker, syntax::Parser& parser);

// The same with a checker of its own for `rules`; for tools and the test-suite.
FileResult lint_source(const std::string& path, std::string bytes, std::span<const Rule* const> rules,
                       Options options = {});

}  // namespace pyperf::lint
