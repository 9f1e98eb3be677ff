#include "app/glob.hpp"

#include <cstdint>

namespace pyperf::app {
namespace {

// Brace and `**/` expansion multiply; a pattern needing more alternatives than this is refused.
constexpr std::size_t kMaxAlternatives = 256;

struct Char {
  std::uint32_t code;
  std::size_t length;
};

// The UTF-8 character at `i`; an invalid byte stands for itself (length 1).
Char char_at(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 < 0x80U ? 1 : (b0 >> 5U) == 0x6U ? 2 : (b0 >> 4U) == 0xEU ? 3 : (b0 >> 3U) == 0x1EU ? 4 : 0;
  if (len == 0 || i + len > s.size()) return {b0, 1};
  std::uint32_t code = len == 1 ? b0 : len == 2 ? (b0 & 0x1FU) : len == 3 ? (b0 & 0x0FU) : (b0 & 0x07U);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) return {b0, 1};
    code = (code << 6U) | (b & 0x3FU);
  }
  return {code, len};
}

// End (one past `]`) of the class starting at `open` (the `[`), or npos when it is not closed.
std::size_t class_end(std::string_view p, std::size_t open) {
  std::size_t i = open + 1;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading `]` is a member
  while (i < p.size() && p[i] != ']') i += p[i] == '\\' && i + 1 < p.size() ? 2 : 1;
  return i < p.size() ? i + 1 : std::string_view::npos;
}

// Whether `c` is in the class p[open, end).
bool class_contains(std::string_view p, std::size_t open, std::size_t end, std::uint32_t c) {
  std::size_t i = open + 1;
  const bool negated = p[i] == '!' || p[i] == '^';
  if (negated) ++i;
  bool found = false;
  bool first = true;
  while (i < end - 1) {
    if (p[i] == ']' && !first) break;
    first = false;
    if (p[i] == '\\' && i + 1 < end - 1) ++i;
    const Char low = char_at(p, i);
    i += low.length;
    std::uint32_t high = low.code;
    if (i + 1 < end - 1 && p[i] == '-') {
      std::size_t j = i + 1;
      if (p[j] == '\\' && j + 1 < end - 1) ++j;
      const Char h = char_at(p, j);
      high = h.code;
      i = j + h.length;
    }
    if (low.code <= c && c <= high) found = true;
  }
  return found != negated;
}

// Iterative wildcard match: `*` backtracks to the last star only, which is exact because every
// other token consumes exactly one character.
bool match_alternative(std::string_view p, std::string_view t) {
  std::size_t pi = 0;
  std::size_t ti = 0;
  std::size_t star_p = std::string_view::npos;
  std::size_t star_t = 0;
  while (ti < t.size()) {
    if (pi < p.size()) {
      const char c = p[pi];
      if (c == '*') {
        while (pi < p.size() && p[pi] == '*') ++pi;
        star_p = pi;
        star_t = ti;
        continue;
      }
      if (c == '?') {
        ti += char_at(t, ti).length;
        ++pi;
        continue;
      }
      if (c == '[') {
        const std::size_t end = class_end(p, pi);
        const Char ch = char_at(t, ti);
        if (class_contains(p, pi, end, ch.code)) {
          ti += ch.length;
          pi = end;
          continue;
        }
      } else {
        const std::size_t lit = c == '\\' && pi + 1 < p.size() ? pi + 1 : pi;
        if (p[lit] == t[ti]) {
          pi = lit + 1;
          ++ti;
          continue;
        }
      }
    }
    if (star_p == std::string_view::npos) return false;
    star_t += char_at(t, star_t).length;
    ti = star_t;
    pi = star_p;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

// Splits the first top-level `{…}` into its alternatives; false when there is none.
bool expand_first_brace(const std::string& p, std::vector<std::string>& out) {
  std::size_t open = std::string::npos;
  std::size_t depth = 0;
  std::vector<std::size_t> commas;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] == '[') {
      i = class_end(p, i) - 1;
      continue;
    }
    if (p[i] == '{') {
      if (depth++ == 0) open = i;
    } else if (p[i] == ',' && depth == 1) {
      commas.push_back(i);
    } else if (p[i] == '}' && depth > 0 && --depth == 0) {
      std::size_t from = open + 1;
      commas.push_back(i);
      for (const std::size_t to : commas) {
        out.push_back(p.substr(0, open) + p.substr(from, to - from) + p.substr(i + 1));
        from = to + 1;
      }
      return true;
    }
  }
  return false;
}

// Rewrites the first whole-component `**` so that plain `*` (which crosses `/`) covers it:
// `**/` becomes "" or `*/`; a final `**` becomes `*`. False when there is none.
bool expand_first_globstar(const std::string& p, std::vector<std::string>& out) {
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] == '[') {
      i = class_end(p, i) - 1;
      continue;
    }
    if (p[i] != '*' || p[i + 1] != '*' || (i > 0 && p[i - 1] != '/')) continue;
    if (i + 2 == p.size()) {
      out.push_back(p.substr(0, i) + "*");
      return true;
    }
    if (p[i + 2] != '/') continue;
    out.push_back(p.substr(0, i) + p.substr(i + 3));
    out.push_back(p.substr(0, i) + "*/" + p.substr(i + 3));
    return true;
  }
  return false;
}

std::string validate(std::string_view p) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      if (i + 1 == p.size()) return "a trailing `\\` escapes nothing";
      ++i;
    } else if (p[i] == '[') {
      const std::size_t end = class_end(p, i);
      if (end == std::string_view::npos) return "unclosed `[` character class";
      i = end - 1;
    } else if (p[i] == '{') {
      ++depth;
    } else if (p[i] == '}') {
      if (depth == 0) return "unmatched `}`";
      --depth;
    }
  }
  return depth == 0 ? "" : "unclosed `{` alternatives";
}

}  // namespace

std::optional<Glob> Glob::compile(std::string_view pattern, std::string* error) {
  if (std::string problem = validate(pattern); !problem.empty()) {
    if (error != nullptr) *error = std::move(problem);
    return std::nullopt;
  }
  Glob glob;
  glob.pattern_ = std::string(pattern);
  std::vector<std::string> pending{glob.pattern_};
  while (!pending.empty()) {
    std::string p = std::move(pending.back());
    pending.pop_back();
    std::vector<std::string> expanded;
    if (expand_first_brace(p, expanded) || expand_first_globstar(p, expanded)) {
      pending.insert(pending.end(), expanded.begin(), expanded.end());
    } else {
      glob.alternatives_.push_back(std::move(p));
    }
    if (glob.alternatives_.size() + pending.size() > kMaxAlternatives) {
      if (error != nullptr) *error = "too many `{…}` / `**` combinations";
      return std::nullopt;
    }
  }
  return glob;
}

bool Glob::matches(std::string_view path) const {
  for (const std::string& alternative : alternatives_) {
    if (match_alternative(alternative, path)) return true;
  }
  return false;
}

std::string escape_glob(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\\' || c == ',') out += '\\';
    out += c;
  }
  return out;
}

std::optional<PathPattern> PathPattern::compile(std::string_view pattern, std::string_view root, std::string* error) {
  PathPattern out;
  out.written_ = std::string(pattern);
  std::string_view rel = pattern;
  while (rel.size() > 1 && rel.back() == '/') rel.remove_suffix(1);  // `build/` names the directory
  std::string base(root);
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  while (rel.starts_with("./")) rel.remove_prefix(2);
  while (rel.starts_with("../")) {
    rel.remove_prefix(3);
    const std::size_t slash = base.find_last_of('/');
    base.erase(slash == 0 || slash == std::string::npos ? 1 : slash);
  }
  std::string absolute;
  if (rel.starts_with('/')) {
    absolute = std::string(rel);
  } else {
    absolute = escape_glob(base);
    if (absolute.empty() || absolute.back() != '/') absolute += '/';
    absolute += rel;
  }
  out.absolute_ = Glob::compile(absolute, error);
  if (!out.absolute_) return std::nullopt;
  if (rel.find('/') == std::string_view::npos) {
    out.basename_ = Glob::compile(rel, error);
    if (!out.basename_) return std::nullopt;
  }
  return out;
}

bool PathPattern::matches(std::string_view absolute, std::string_view basename) const {
  if (absolute_ && absolute_->matches(absolute)) return true;
  return basename_ && basename_->matches(basename);
}

}  // namespace pyperf::app
