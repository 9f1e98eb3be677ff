#pragma once
// `respect-gitignore`, read natively: ignore files are data here, never handed to git. Running git
// on a checkout makes it obey that checkout's own .git/config, which can name commands
// (core.fsmonitor, …), so linting a hostile directory would run them. No process is started.
//
// Which files apply to a path, highest precedence first (as `git status` ranks them):
//   1. `.gitignore` in each directory from the path's directory up to the repository root (the
//      deeper file wins);
//   2. `info/exclude` of the repository's git directory;
//   3. the user's global excludes file: `core.excludesFile` from the user's own configuration
//      (`$XDG_CONFIG_HOME/git/config`, else `~/.config/git/config`, then `~/.gitconfig`; only the
//      `[core]` key is read, `[include]` is not followed), else git's default
//      `$XDG_CONFIG_HOME/git/ignore`, else `~/.config/git/ignore`. The repository's own
//      `.git/config` is never read: it is the linted directory's, not the user's.
// Within one file the last matching line wins; a negated line (`!`) that wins re-includes.
// A directory that is ignored is not walked, so nothing below it can be re-included.
//
// A repository root is a directory holding `.git`, a directory or a file `gitdir: PATH` (linked
// worktrees, submodules), which is followed, with its `commondir` file, only to find
// info/exclude: files are read, nothing is executed. A repository nested in another one is its
// own root: the outer `.gitignore` files and info/exclude stop at it, as in ruff and ripgrep;
// the outer rules still decide whether its directory is walked at all. Outside any repository
// nothing is ignored. Matching is case-sensitive and byte-wise (core.ignoreCase is not read).
//
// Hardening: ignore files must be regular files of at most 8 MiB (others are skipped: a FIFO
// would block, a device never ends); an in-tree `.gitignore` that is a symbolic link is skipped,
// as git 2.32 and later do. Matching takes time proportional to pattern length × path length,
// whatever the stars.

#include <bitset>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pyperf::app {

// One gitignore glob (gitignore(5), git's wildmatch with WM_PATHNAME): `*` and `?` never match
// `/`; `[a-z]`, `[!a-z]`, `[^a-z]` and `[[:alpha:]]` classes (never `/`); `\x` is x itself;
// `**` as a whole component matches any number of components (`**/x`, `x/**`, `a/**/b`), elsewhere
// it is a plain `*`. A malformed class (unclosed `[`, unknown `[:name:]`) or a trailing `\`
// makes the glob match nothing, as in git.
class GitGlob {
 public:
  // `star_star_at_first_wildcard`: git compares the literal text before the first wildcard
  // separately for patterns with a `/`, so a `**` right there counts as starting a component
  // (`foo**/bar` crosses directories). Set for those patterns to match git exactly.
  static GitGlob compile(std::string_view glob, bool star_star_at_first_wildcard = false);
  bool matches(std::string_view text) const;

 private:
  enum class Kind : unsigned char { Byte, AnyByte, Class, Star, AnyPath, Dirs };
  struct Token {
    Kind kind;
    unsigned char byte = 0;  // Byte
    std::size_t set = 0;     // Class: index into classes_
  };

  bool one_byte(const Token& token, unsigned char byte) const;
  bool matches_between_stars(std::size_t first, std::size_t last, std::string_view text) const;

  bool valid_ = true;
  std::vector<Token> tokens_;
  std::vector<std::bitset<256>> classes_;
  std::size_t head_ = 0;        // one-byte tokens before the first star (all of them without a star)
  std::size_t tail_ = 0;        // one-byte tokens after the last star
  std::size_t min_length_ = 0;  // one-byte tokens in all
  bool has_star_ = false;       // else the text is exactly min_length_ bytes
};

// One line of an ignore file.
class IgnorePattern {
 public:
  // nullopt for a blank line or a comment. `line` has no line terminator.
  static std::optional<IgnorePattern> parse(std::string_view line);

  // `relative`: the path below the ignore file's directory, `basename` its last component;
  // `is_dir`: it is a directory.
  bool matches(std::string_view relative, std::string_view basename, bool is_dir) const;
  bool negated() const { return negated_; }

 private:
  GitGlob glob_;
  bool negated_ = false;
  bool dir_only_ = false;  // written with a trailing `/`
  bool anchored_ = false;  // has a `/` before the end: matched against `relative`, not its last name
};

// The patterns of one ignore file.
class IgnoreFile {
 public:
  // Lines split at `\n` (a `\r` before it is dropped), a UTF-8 BOM skipped.
  static IgnoreFile parse(std::string_view text);

  // The last matching pattern's verdict: true ignored, false re-included, nullopt no match.
  std::optional<bool> decide(std::string_view relative, bool is_dir) const;
  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<IgnorePattern> patterns_;
};

// What git would ignore, looked up during a directory walk. Ignore files are read once per
// directory and repository; not thread-safe.
class GitIgnore {
 public:
  // Whether `absolute` (normalised, no trailing slash) is ignored by the ignore files of its
  // directory and above; `is_dir`: it is a directory (for patterns ending in `/`). Ancestors
  // being ignored is not checked here: the walk does not enter ignored directories.
  bool ignored(const std::string& absolute, bool is_dir);

 private:
  struct Repository {
    std::size_t offset = 0;  // where the repository-relative part of a path below it starts
    IgnoreFile exclude;      // info/exclude
  };
  struct Directory {
    const Repository* repository = nullptr;  // null outside any repository
    const Directory* parent = nullptr;       // null at the repository root
    std::size_t offset = 0;                  // where the directory-relative part of a path starts
    IgnoreFile rules;                        // its .gitignore
  };

  const Directory& directory(const std::string& absolute_dir);
  const IgnoreFile& global();

  std::unordered_map<std::string, std::unique_ptr<Directory>> directories_;
  std::vector<std::unique_ptr<Repository>> repositories_;
  std::optional<IgnoreFile> global_;  // read on the first lookup inside a repository
  Directory outside_;
};

}  // namespace pyperf::app
