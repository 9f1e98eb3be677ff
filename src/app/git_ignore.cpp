#include "app/git_ignore.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

#include "app/config.hpp"

extern char** environ;

namespace pyperf::app {
namespace {

// Runs `argv` with stdin and stderr on /dev/null; its stdout, or nullopt when it cannot be run or
// fails. Variables that would point git at another repository (set inside git hooks) are dropped.
std::optional<std::string> capture(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("GIT_DIR=") || entry.starts_with("GIT_WORK_TREE=") || entry.starts_with("GIT_INDEX_FILE=") ||
        entry.starts_with("GIT_COMMON_DIR=")) {
      continue;
    }
    env.push_back(*e);
  }
  env.push_back(nullptr);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    return std::nullopt;
  }
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

}  // namespace

bool GitIgnore::ignored(const std::string& absolute) {
  const std::string& root = root_of(parent_directory(absolute));
  if (root.empty()) return false;
  return ignored_in(root).contains(absolute);
}

const std::string& GitIgnore::root_of(const std::string& dir) {
  std::vector<std::string> chain;
  std::string current = dir;
  std::string root;
  for (;;) {
    if (const auto it = root_of_dir_.find(current); it != root_of_dir_.end()) {
      root = it->second;
      break;
    }
    chain.push_back(current);
    std::error_code ec;
    if (std::filesystem::exists(current + (current == "/" ? ".git" : "/.git"), ec)) {
      root = current;
      break;
    }
    const std::string parent = parent_directory(current);
    if (parent == current) break;
    current = parent;
  }
  for (const std::string& d : chain) root_of_dir_[d] = root;
  return root_of_dir_[dir];
}

const std::unordered_set<std::string>& GitIgnore::ignored_in(const std::string& root) {
  if (const auto it = ignored_.find(root); it != ignored_.end()) return it->second;
  std::unordered_set<std::string> paths;
  const auto listing =
      capture({"git", "-C", root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"});
  if (listing) {
    const std::string prefix = root == "/" ? "/" : root + "/";
    std::size_t start = 0;
    while (start < listing->size()) {
      std::size_t end = listing->find('\0', start);
      if (end == std::string::npos) end = listing->size();
      std::string relative = listing->substr(start, end - start);
      while (!relative.empty() && relative.back() == '/') relative.pop_back();  // directories end with `/`
      if (!relative.empty()) paths.insert(prefix + relative);
      start = end + 1;
    }
  }
  return ignored_.emplace(root, std::move(paths)).first->second;
}

}  // namespace pyperf::app
