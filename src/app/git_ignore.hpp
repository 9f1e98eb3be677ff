#pragma once
// `respect-gitignore`: asks git itself which paths it ignores (.gitignore files at every level,
// .git/info/exclude, core.excludesFile, negations), once per repository, with
//   git -C ROOT ls-files -z --others --ignored --exclude-standard --directory
// Without git, or outside a work tree, nothing is ignored. Local only: git never uses the network
// for this.

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace pyperf::app {

class GitIgnore {
 public:
  // Whether git ignores the file or directory at `absolute` (normalised, no trailing slash).
  bool ignored(const std::string& absolute);

 private:
  const std::string& root_of(const std::string& dir);  // "" outside any work tree
  const std::unordered_set<std::string>& ignored_in(const std::string& root);

  std::unordered_map<std::string, std::string> root_of_dir_;
  std::unordered_map<std::string, std::unordered_set<std::string>> ignored_;
};

}  // namespace pyperf::app
