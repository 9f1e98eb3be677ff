#include "app/discovery.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

#include <fmt/core.h>

#include "app/git_ignore.hpp"

namespace pyperf::app {
namespace fs = std::filesystem;

namespace {

bool is_python_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".py" || ext == ".pyi";
}

std::string display(const fs::path& path) {
  std::string s = path.lexically_normal().generic_string();
  if (s.size() > 1 && s.back() == '/') s.pop_back();
  return s.empty() ? "." : s;
}

struct Walker {
  ConfigResolver& configs;
  GitIgnore git;
  Discovery& out;

  bool skipped(const ProjectSettings& settings, const std::string& absolute, const std::string& name, bool is_dir) {
    if (settings.is_excluded(absolute, name)) return true;
    return settings.respect_gitignore && git.ignored(absolute, is_dir);
  }

  void walk(const fs::path& root) {
    struct Dir {
      fs::path shown;
      std::string absolute;
    };
    std::vector<Dir> pending{{root, normalized_absolute(root.string())}};
    while (!pending.empty()) {
      const Dir dir = std::move(pending.back());
      pending.pop_back();
      std::error_code ec;
      fs::directory_iterator it(dir.shown, ec);
      if (ec) {
        out.errors.push_back(fmt::format("{}: cannot read directory: {}", display(dir.shown), ec.message()));
        continue;
      }
      const ProjectSettings& settings = configs.for_directory(dir.absolute);
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        const fs::path& path = entry.path();
        const std::string name = path.filename().string();
        const std::string absolute = dir.absolute == "/" ? "/" + name : dir.absolute + "/" + name;
        std::error_code type_ec;
        // Links are not followed, to directories (cycles) or to files (a link can point outside
        // the tree, and its target would be read and reported under the link's name). A link
        // named on the command line is still linted.
        if (entry.is_symlink(type_ec)) continue;
        if (entry.is_directory(type_ec)) {
          if (!skipped(settings, absolute, name, true)) pending.push_back({path, absolute});
          continue;
        }
        if (!is_python_file(path) || skipped(settings, absolute, name, false)) continue;
        if (entry.is_regular_file(type_ec) || type_ec) {
          out.files.push_back({display(path), false, &settings});  // unreadable: reported when read
        }
      }
      if (ec) out.errors.push_back(fmt::format("{}: cannot read directory: {}", display(dir.shown), ec.message()));
    }
  }
};

}  // namespace

bool force_excluded(const std::string& absolute, ConfigResolver& configs) {
  const ProjectSettings& own = configs.for_file(absolute);
  if (!own.force_exclude) return false;
  // An entry is judged by the settings of the directory holding it, as the walk does; above the
  // root, exclusions written for the project say nothing (a checkout may live under ~/build).
  std::string current = absolute;
  while (true) {
    const std::size_t slash = current.find_last_of('/');
    const std::string_view name = std::string_view(current).substr(slash + 1);
    if (!name.empty() && configs.for_file(current).is_excluded(current, name)) return true;
    current = parent_directory(current);
    if (current.size() <= own.root.size() || !current.starts_with(own.root) || current[own.root.size()] != '/') {
      return false;
    }
  }
}

bool is_notebook(std::string_view path) {
  return fs::path(path).extension() == ".ipynb";
}

Discovery discover(const std::vector<std::string>& paths, ConfigResolver& configs) {
  Discovery out;
  Walker walker{configs, {}, out};
  for (const std::string& arg : paths) {
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(fmt::format("{}: {}", arg, ec ? ec.message() : "No such file or directory"));
      continue;
    }
    if (force_excluded(normalized_absolute(arg), configs)) continue;
    if (fs::is_directory(status)) {
      walker.walk(path);
    } else if (is_notebook(arg)) {
      out.warnings.push_back(fmt::format("{}: {}", arg, kNotebookSkipped));
    } else {
      out.files.push_back({display(path), true, &configs.for_file(normalized_absolute(arg))});
    }
  }
  std::sort(out.files.begin(), out.files.end(), [](const SourceFile& a, const SourceFile& b) {
    if (a.path != b.path) return a.path < b.path;
    return a.explicit_ > b.explicit_;
  });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
                  out.files.end());
  return out;
}

}  // namespace pyperf::app
