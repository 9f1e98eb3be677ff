#pragma once
// Turns the paths on the command line into the sorted list of files to lint, each with the
// settings of its closest configuration file.

#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"

namespace pyperf::app {

struct SourceFile {
  std::string path;        // as shown to the user (relative when the argument was)
  bool explicit_ = false;  // named on the command line (always linted, whatever its name)
  const ProjectSettings* settings = nullptr;
};

struct Discovery {
  std::vector<SourceFile> files;      // sorted by path, no duplicates
  std::vector<std::string> errors;    // "path: reason", one per path that could not be walked
  std::vector<std::string> warnings;  // "path: reason", paths deliberately not linted
};

// A Jupyter notebook (`.ipynb`): JSON around the cells, not Python. Notebooks are not supported
// yet; named on the command line one is skipped with a warning (the exit code is unaffected, as
// in ruff before it read notebooks), instead of being parsed as Python and "passing".
bool is_notebook(std::string_view path);
inline constexpr std::string_view kNotebookSkipped = "skipped: Jupyter notebooks (.ipynb) are not supported yet";

// With `force-exclude`, whether a path named on the command line is excluded: it, or a directory
// above it up to its configuration's root, matches `exclude`/`extend-exclude` (as in ruff).
bool force_excluded(const std::string& absolute, ConfigResolver& configs);

// Directories are walked for *.py and *.pyi files. Each entry is checked against the settings of
// its directory: `exclude`/`extend-exclude` (by name or path) and, with `respect-gitignore`, what
// git ignores. Paths named on the command line are always taken; symbolic links met during the
// walk (to files or directories) are skipped; with `force-exclude`, named paths are judged too. Throws ConfigError when
// a configuration file on the way is broken.
Discovery discover(const std::vector<std::string>& paths, ConfigResolver& configs);

}  // namespace pyperf::app
