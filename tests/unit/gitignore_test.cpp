// gitignore patterns with git's semantics, and the lookup of ignore files in a directory tree.
// tests/e2e/test_inputs.py compares the whole matcher with git itself on a generated tree.

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "app/git_ignore.hpp"

using pyperf::app::GitGlob;
using pyperf::app::GitIgnore;
using pyperf::app::IgnoreFile;
using pyperf::app::IgnorePattern;

namespace {
namespace fs = std::filesystem;

bool glob(std::string_view pattern, std::string_view text) {
  return GitGlob::compile(pattern).matches(text);
}

// The verdict of a one-file ignore list for `path` (a file, or a directory when it ends in `/`).
std::optional<bool> decide(std::string_view lines, std::string_view path) {
  const bool is_dir = path.ends_with('/');
  if (is_dir) path.remove_suffix(1);
  return IgnoreFile::parse(lines).decide(path, is_dir);
}

bool ignored(std::string_view lines, std::string_view path) {
  return decide(lines, path).value_or(false);
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "pyperf-gitignore-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string at(const std::string& name) const { return (path / name).string(); }
};

// Sets an environment variable for one scope.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> saved;
  ScopedEnv(std::string variable, const std::string& value) : name(std::move(variable)) {
    if (const char* old = std::getenv(name.c_str())) saved = old;
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (saved) {
      ::setenv(name.c_str(), saved->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
};

}  // namespace

TEST_CASE("wildcards never cross a slash, classes and escapes", "[gitignore]") {
  CHECK(glob("*.py", "mod.py"));
  CHECK_FALSE(glob("*.py", "pkg/mod.py"));
  CHECK(glob("a?c", "abc"));
  CHECK_FALSE(glob("a?c", "a/c"));
  CHECK_FALSE(glob("a?c", "aéc"));  // byte-wise, as git
  CHECK(glob("[a-c]x", "bx"));
  CHECK_FALSE(glob("[a-c]x", "dx"));
  CHECK(glob("[!a-c]x", "dx"));
  CHECK_FALSE(glob("[^a-c]x", "ax"));
  CHECK_FALSE(glob("a[!x]b", "a/b"));
  CHECK(glob("[]]", "]"));
  CHECK(glob("[!]]", "a"));
  CHECK_FALSE(glob("[!]]", "]"));
  CHECK(glob("[a-]", "-"));
  CHECK(glob("[-a]", "-"));
  CHECK(glob("[a-c-e]", "-"));
  CHECK_FALSE(glob("[a-c-e]", "d"));
  CHECK(glob("[\\]]", "]"));
  CHECK(glob("[[:digit:]][[:upper:]]", "1A"));
  CHECK_FALSE(glob("[[:digit:]]", "a"));
  CHECK(glob("[[:x]", ":"));  // no `:]` before `]`: a plain `[`, `:` and `x`
  CHECK_FALSE(glob("[[:nope:]]", "a"));
  CHECK_FALSE(glob("[abc", "a"));  // unclosed: never matches
  CHECK_FALSE(glob("[abc", "[abc"));
  CHECK(glob("\\*", "*"));
  CHECK_FALSE(glob("\\*", "a"));
  CHECK_FALSE(glob("abc\\", "abc"));  // a trailing backslash never matches
  CHECK(glob("a*b*c", "aXbYbZc"));
  CHECK_FALSE(glob("a*b*c", "aXbYbZ"));
}

TEST_CASE("double stars", "[gitignore]") {
  CHECK(glob("**/foo", "foo"));
  CHECK(glob("**/foo", "a/b/foo"));
  CHECK_FALSE(glob("**/foo", "a/xfoo"));
  CHECK(glob("foo/**", "foo/a"));
  CHECK(glob("foo/**", "foo/a/b"));
  CHECK_FALSE(glob("foo/**", "foo"));
  CHECK(glob("a/**/b", "a/b"));
  CHECK(glob("a/**/b", "a/x/y/b"));
  CHECK_FALSE(glob("a/**/b", "a/xb"));
  CHECK(glob("a/***/b", "a/x/y/b"));
  CHECK_FALSE(glob("a**b", "a/b"));  // not a whole component: one `*`
  CHECK(glob("a**b", "axxb"));
  CHECK_FALSE(glob("x/a**/b", "x/ac/d/b"));
  // git compares the text before the first wildcard apart, so there `**` starts a component.
  CHECK(GitGlob::compile("x/a**/b", true).matches("x/ac/d/b"));
}

TEST_CASE("hostile patterns match in polynomial time", "[gitignore]") {
  const std::string text(2000, 'a');
  std::string stars;
  for (int i = 0; i < 200; ++i) stars += "*a";
  CHECK_FALSE(glob(stars + "*b", text));
  std::string dirs;
  for (int i = 0; i < 200; ++i) dirs += "**/a";
  std::string path;
  for (int i = 0; i < 1000; ++i) path += "a/";
  CHECK_FALSE(glob(dirs + "/**/b", path + "c"));
  CHECK(glob(dirs + "/**/b", path + "b"));
}

TEST_CASE("lines: comments, blanks, trailing spaces, escapes", "[gitignore]") {
  CHECK_FALSE(IgnorePattern::parse(""));
  CHECK_FALSE(IgnorePattern::parse("# comment"));
  CHECK(ignored("\\#hash.py\n", "#hash.py"));
  CHECK(ignored(" #x.py\n", " #x.py"));  // not a comment: the `#` is not first
  CHECK(ignored("\\!bang.py\n", "!bang.py"));
  CHECK(ignored("trail.py   \n", "trail.py"));
  CHECK_FALSE(ignored("trail.py   \n", "trail.py "));
  CHECK(ignored("space\\ \n", "space "));
  CHECK_FALSE(ignored("space\\ \n", "space"));
  CHECK(ignored("tab.py\t\n", "tab.py\t"));  // only spaces are trimmed
  CHECK(ignored("crlf.py\r\nnext.py\r\n", "crlf.py"));
  CHECK(ignored("crlf.py\r\nnext.py\r\n", "next.py"));
  CHECK(
      ignored("\xEF\xBB\xBF"
              "bom.py\n",
              "bom.py"));
  CHECK(ignored("a.py\nlast.py", "last.py"));  // no newline at the end
  CHECK_FALSE(ignored("   \n", "x"));
  CHECK_FALSE(ignored("!\n", "x"));
}

TEST_CASE("anchoring, directories, negation and the last match", "[gitignore]") {
  CHECK(ignored("mod.py\n", "deep/er/mod.py"));  // no slash: the name at any depth
  CHECK(ignored("/mod.py\n", "mod.py"));
  CHECK_FALSE(ignored("/mod.py\n", "sub/mod.py"));
  CHECK(ignored("sub/mod.py\n", "sub/mod.py"));  // a middle slash anchors
  CHECK_FALSE(ignored("sub/mod.py\n", "x/sub/mod.py"));
  CHECK(ignored("build/\n", "build/"));
  CHECK(ignored("build/\n", "a/build/"));
  CHECK_FALSE(ignored("build/\n", "build"));  // a file named build
  CHECK(ignored("a/build/\n", "a/build/"));
  CHECK_FALSE(ignored("a/build/\n", "x/a/build/"));
  CHECK(ignored("*.py\n!keep.py\n", "x.py"));
  CHECK(decide("*.py\n!keep.py\n", "keep.py") == false);
  CHECK(ignored("!keep.py\n*.py\n", "keep.py"));  // the last matching line wins
  CHECK(decide("x.py\n", "y.py") == std::nullopt);
  CHECK(ignored("**\n", "anything"));
}

TEST_CASE("ignore files in a tree: precedence, nesting, repository roots", "[gitignore]") {
  TempDir tmp;
  const TempDir home;
  const ScopedEnv no_xdg("XDG_CONFIG_HOME", "");
  const ScopedEnv fake_home("HOME", home.path.string());
  home.write(".config/git/ignore", "global.py\nexcluded.py\n");
  fs::create_directories(tmp.at("repo/.git/info"));
  tmp.write("repo/.git/info/exclude", "excluded.py\n!global.py\n");
  tmp.write("repo/.gitignore", "*.gen.py\nsub/local.py\n");
  tmp.write("repo/sub/.gitignore", "!keep.gen.py\n");
  tmp.write("repo/vendored/.git", "gitdir: ../.git/modules/vendored\n");
  fs::create_directories(tmp.at("repo/.git/modules/vendored/info"));
  tmp.write("repo/.git/modules/vendored/info/exclude", "sub_excluded.py\n");
  tmp.write("repo/vendored/.gitignore", "inner.py\n");
  tmp.write("outside/.gitignore", "*.py\n");

  GitIgnore git;
  const auto at = [&](const std::string& name) { return tmp.at(name); };
  CHECK(git.ignored(at("repo/a.gen.py"), false));
  CHECK(git.ignored(at("repo/sub/a.gen.py"), false));
  CHECK_FALSE(git.ignored(at("repo/sub/keep.gen.py"), false));  // the deeper file wins
  CHECK(git.ignored(at("repo/sub/local.py"), false));
  CHECK(git.ignored(at("repo/excluded.py"), false));      // info/exclude
  CHECK_FALSE(git.ignored(at("repo/global.py"), false));  // info/exclude wins over global
  CHECK_FALSE(git.ignored(at("repo/x/y/global.py"), false));
  CHECK_FALSE(git.ignored(at("repo/plain.py"), false));
  // The nested repository: its own chain and info/exclude (found through the `.git` file); the
  // outer .gitignore and info/exclude do not reach inside, the global file does.
  CHECK_FALSE(git.ignored(at("repo/vendored/a.gen.py"), false));
  CHECK(git.ignored(at("repo/vendored/excluded.py"), false));  // the global file
  CHECK(git.ignored(at("repo/vendored/global.py"), false));    // the outer `!global.py` does not apply
  CHECK(git.ignored(at("repo/vendored/inner.py"), false));
  CHECK(git.ignored(at("repo/vendored/sub_excluded.py"), false));
  // No `.git` above: nothing is ignored.
  CHECK_FALSE(git.ignored(at("outside/a.py"), false));
}

TEST_CASE("a worktree's .git file leads to the shared info/exclude", "[gitignore]") {
  TempDir tmp;
  fs::create_directories(tmp.at("main/.git/info"));
  fs::create_directories(tmp.at("main/.git/worktrees/wt"));
  tmp.write("main/.git/info/exclude", "shared.py\n");
  tmp.write("main/.git/worktrees/wt/commondir", "../..\n");
  tmp.write("wt/.git", "gitdir: " + tmp.at("main/.git/worktrees/wt") + "\n");
  GitIgnore git;
  CHECK(git.ignored(tmp.at("wt/shared.py"), false));
  CHECK_FALSE(git.ignored(tmp.at("wt/other.py"), false));
}

TEST_CASE("ignore files that are links, FIFOs or directories are skipped", "[gitignore]") {
  TempDir tmp;
  fs::create_directories(tmp.at("repo/.git"));
  tmp.write("elsewhere", "*.py\n");
  fs::create_directories(tmp.at("repo/linked"));
  fs::create_symlink(tmp.at("elsewhere"), tmp.at("repo/linked/.gitignore"));
  fs::create_directories(tmp.at("repo/fifo"));
  REQUIRE(::mkfifo(tmp.at("repo/fifo/.gitignore").c_str(), 0600) == 0);
  fs::create_directories(tmp.at("repo/dir/.gitignore"));
  GitIgnore git;
  CHECK_FALSE(git.ignored(tmp.at("repo/linked/a.py"), false));
  CHECK_FALSE(git.ignored(tmp.at("repo/fifo/a.py"), false));  // returns instead of waiting for a writer
  CHECK_FALSE(git.ignored(tmp.at("repo/dir/a.py"), false));
}

TEST_CASE("core.excludesFile from the user's own configuration", "[gitignore]") {
  TempDir tmp;
  const TempDir home;
  const ScopedEnv no_xdg("XDG_CONFIG_HOME", "");
  const ScopedEnv fake_home("HOME", home.path.string());
  home.write(".config/git/ignore", "default.py\n");
  home.write("my-ignores", "mine.py\n");
  home.write(".gitconfig", "[user]\n\tname = x\n[Core]  # comment\n\tExcludesFile = \"~/my-ignores\" ; why\n");
  fs::create_directories(tmp.at("repo/.git"));
  // The repository's own configuration is never read.
  tmp.write("repo/.git/config", "[core]\n\texcludesFile = " + tmp.at("repo/evil") + "\n");
  tmp.write("repo/evil", "*.py\n");
  GitIgnore git;
  CHECK(git.ignored(tmp.at("repo/mine.py"), false));
  CHECK_FALSE(git.ignored(tmp.at("repo/default.py"), false));  // replaced by the configured file
  CHECK_FALSE(git.ignored(tmp.at("repo/other.py"), false));
}
