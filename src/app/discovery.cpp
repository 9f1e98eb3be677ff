#include "app/discovery.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>
#include <system_error>

#include <fmt/core.h>

namespace pyperf::app {
namespace fs = std::filesystem;

namespace {

// Version control, virtual environments, caches and build output: never first-party source.
constexpr std::array<std::string_view, 27> kSkippedDirectories = {
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
};

bool is_python_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".py" || ext == ".pyi";
}

std::string display(const fs::path& path) {
  std::string s = path.lexically_normal().generic_string();
  if (s.size() > 1 && s.back() == '/') s.pop_back();
  return s.empty() ? "." : s;
}

void walk_directory(const fs::path& root, Discovery& out) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out.errors.push_back(fmt::format("{}: cannot read directory: {}", display(dir), ec.message()));
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      const fs::path& path = entry.path();
      std::error_code type_ec;
      const bool is_link = entry.is_symlink(type_ec);
      if (entry.is_directory(type_ec)) {
        if (is_link) continue;  // never follow directory links: no cycles, no escaping the tree
        if (!is_skipped_directory(path.filename().string())) pending.push_back(path);
        continue;
      }
      if (!is_python_file(path)) continue;
      if (entry.is_regular_file(type_ec) || is_link || type_ec) {
        // Links to files are linted; a dangling link is reported when it is read.
        out.files.push_back({display(path), false});
      }
    }
    if (ec) out.errors.push_back(fmt::format("{}: cannot read directory: {}", display(dir), ec.message()));
  }
}

}  // namespace

bool is_skipped_directory(std::string_view name) {
  return std::find(kSkippedDirectories.begin(), kSkippedDirectories.end(), name) != kSkippedDirectories.end();
}

Discovery discover(const std::vector<std::string>& paths) {
  Discovery out;
  for (const std::string& arg : paths) {
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(fmt::format("{}: {}", arg, ec ? ec.message() : "No such file or directory"));
      continue;
    }
    if (fs::is_directory(status)) {
      walk_directory(path, out);
    } else {
      out.files.push_back({display(path), true});
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
