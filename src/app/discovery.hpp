#pragma once
// Turns the paths on the command line into the sorted list of files to lint, each with the
// settings of its closest configuration file.

#include <string>
#include <vector>

#include "app/config.hpp"

namespace pyperf::app {

struct SourceFile {
  std::string path;        // as shown to the user (relative when the argument was)
  bool explicit_ = false;  // named on the command line (always linted, whatever its name)
  const ProjectSettings* settings = nullptr;
};

struct Discovery {
  std::vector<SourceFile> files;    // sorted by path, no duplicates
  std::vector<std::string> errors;  // "path: reason", one per path that could not be walked
};

// Directories are walked for *.py and *.pyi files. Each entry is checked against the settings of
// its directory: `exclude`/`extend-exclude` (by name or path) and, with `respect-gitignore`, what
// git ignores. Paths named on the command line are always taken; symbolic links met during the
// walk (to files or directories) are skipped. Throws ConfigError when a configuration file on the
// way is broken.
Discovery discover(const std::vector<std::string>& paths, ConfigResolver& configs);

}  // namespace pyperf::app
