#pragma once
// Fixture files: Python sources with inline expectations.
//   # pyperf-test: select=PPL101[,PPL102] [target-version=py311]
//                                             header: the rules that run, and the target version
//   x in lst  # expect: [PPL101] "substring"  a finding on this line (optionally [PPL101@col])
//   # expect: [PPL101]                        own-line: applies to the next code line (stackable)
//   y in lst  # ok: why this is not a finding (a documented hard negative)
// Comments are found with the real parser, so text in strings is never an annotation.

#include <cstdint>
#include <string>
#include <vector>

#include "lint/diagnostic.hpp"

namespace pyperf::testing {

struct Expectation {
  std::string code;
  std::uint32_t line = 0;
  std::uint32_t column = 0;  // 0: any
  std::string substring;     // empty: any
};

struct Fixture {
  std::string path;
  std::vector<std::string> select;
  std::string target_version;  // empty: the default (the oldest supported)
  std::vector<Expectation> expectations;
  std::uint32_t hard_negatives = 0;  // `# ok:` annotations
  std::vector<std::string> errors;   // malformed annotations
};

Fixture parse_fixture(const std::string& path, const std::string& text);

// Mismatches between expectations and diagnostics, as readable lines; empty when they match
// exactly both ways.
std::vector<std::string> compare(const Fixture& fixture, const std::vector<lint::Diagnostic>& diagnostics);

std::string read_text(const std::string& path);

}  // namespace pyperf::testing
