#pragma once
// Turns the paths on the command line into the sorted list of files to lint.

#include <string>
#include <vector>

namespace pyperf::app {

struct SourceFile {
  std::string path;        // as shown to the user (relative when the argument was)
  bool explicit_ = false;  // named on the command line (always linted, whatever its name)
};

struct Discovery {
  std::vector<SourceFile> files;    // sorted by path, no duplicates
  std::vector<std::string> errors;  // "path: reason", one per path that could not be walked
};

// Directories are walked for *.py and *.pyi files; directories named in kSkippedDirectories are
// not entered (unless named on the command line); symlinked directories are not followed.
Discovery discover(const std::vector<std::string>& paths);

// Directory names never entered during discovery.
bool is_skipped_directory(std::string_view name);

}  // namespace pyperf::app
