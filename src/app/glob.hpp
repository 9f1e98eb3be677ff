#pragma once
// File globs for `exclude` and `per-file-ignores`, with the semantics of ruff's globset patterns:
//   *       any run of characters, `/` included (ruff's globs do not treat `/` specially)
//   **      as a whole path component, also zero components: `a/**/b` matches `a/b`
//   ?       one character;  [abc] [a-z] [!a-z] one character from a class
//   {a,b}   alternatives (nestable);  \x  the character x itself
// Matching is iterative (no recursion, no std::regex), on UTF-8 characters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyperf::app {

class Glob {
 public:
  // The compiled pattern, or nullopt with `error` set ("unclosed `[`", …).
  static std::optional<Glob> compile(std::string_view pattern, std::string* error = nullptr);

  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::vector<std::string> alternatives_;  // brace- and `**/`-expanded: only *, ?, [..], \x left
};

// `pattern` with glob metacharacters escaped, so it matches itself literally (a directory name
// that holds `[` or `*` used as the root of a relative pattern).
std::string escape_glob(std::string_view text);

// A user pattern as ruff anchors it: relative patterns are joined to `root`; a pattern without a
// `/` also matches a path's last component (`exclude = ["migrations"]`).
class PathPattern {
 public:
  static std::optional<PathPattern> compile(std::string_view pattern, std::string_view root,
                                            std::string* error = nullptr);
  // `absolute`: the normalised absolute path; `basename`: its last component.
  bool matches(std::string_view absolute, std::string_view basename) const;
  const std::string& pattern() const { return written_; }

 private:
  std::string written_;
  std::optional<Glob> absolute_;
  std::optional<Glob> basename_;
};

}  // namespace pyperf::app
