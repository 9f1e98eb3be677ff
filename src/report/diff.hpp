#pragma once
// Unified diffs of a file before and after its fixes (`--diff`), as `diff -u` and Python's difflib
// write them: `--- a/PATH`, `+++ b/PATH`, hunks with three lines of context.

#include <string>
#include <string_view>

namespace pyperf::report {

// The unified diff turning `before` into `after`; empty when they are equal. Lines keep their own
// endings; a last line without one is followed by "\ No newline at end of file".
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path, int context = 3);

}  // namespace pyperf::report
