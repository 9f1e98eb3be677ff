#include "app/git_ignore.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <utility>

#include "app/config.hpp"

namespace pyperf::app {
namespace {

constexpr std::size_t kMaxIgnoreFile = 8 << 20;  // bytes; a larger "ignore file" is not one
constexpr std::size_t kMaxSmallFile = 1 << 20;   // .git files, commondir, git configuration

// The content of a regular file of at most `limit` bytes, or nullopt. Opened without blocking
// (a FIFO would wait for a writer forever) and, unless `follow_links`, without following a
// symbolic link, so a checkout cannot make us read a device or hang.
std::optional<std::string> read_regular_file(const std::string& path, bool follow_links, std::size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (follow_links ? 0 : O_NOFOLLOW));
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) > limit) {
    ::close(fd);
    return std::nullopt;
  }
  std::string out;
  char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > limit) {  // grew while we read it
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return out;
}

std::string join(const std::string& dir, std::string_view name) {
  std::string out = dir;
  if (out.empty() || out.back() != '/') out += '/';
  out += name;
  return out;
}

// The index where the part of a path below `dir` starts.
std::size_t offset_below(const std::string& dir) {
  return dir == "/" ? 1 : dir.size() + 1;
}

std::string_view trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string_view first_line(std::string_view text) {
  return trim(text.substr(0, text.find('\n')));
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Where the repository rooted at `root` keeps info/exclude. `.git` is a directory, or a file
// `gitdir: PATH` (worktrees, submodules); a git directory may hold `commondir`, naming the
// directory shared by all worktrees, which is where info/ lives.
std::string exclude_file_of(const std::string& root) {
  std::string git_dir = join(root, ".git");
  if (const auto pointer = read_regular_file(git_dir, true, kMaxSmallFile)) {
    const std::string_view line = first_line(*pointer);
    if (!line.starts_with("gitdir:")) return {};
    const std::string_view target = trim(line.substr(7));
    if (target.empty()) return {};
    git_dir = target.front() == '/' ? std::string(target) : join(root, target);
  }
  if (const auto common = read_regular_file(join(git_dir, "commondir"), true, kMaxSmallFile)) {
    const std::string_view target = first_line(*common);
    if (!target.empty()) git_dir = target.front() == '/' ? std::string(target) : join(git_dir, target);
  }
  return join(git_dir, "info/exclude");
}

IgnoreFile read_ignore_file(const std::string& path, bool follow_links) {
  const auto text = read_regular_file(path, follow_links, kMaxIgnoreFile);
  return text ? IgnoreFile::parse(*text) : IgnoreFile{};
}

// A git configuration value after `=`: quotes removed, `\"` `\\` `\n` `\t` `\b` unescaped, an
// unquoted `#` or `;` starts a comment, blanks around the value dropped.
std::string config_value(std::string_view raw) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '#' || c == ';')) {
      break;
    } else if (c == '\\' && i + 1 < raw.size()) {
      const char e = raw[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e;
    } else {
      out += c;
    }
  }
  return std::string(trim(out));
}

// `core.excludesFile` in one of the user's git configuration files: nullopt when the file or the
// key is absent. A small reader for the one key; `[include]` is not followed.
std::optional<std::string> configured_excludes_file(const std::string& config_path) {
  const auto text = read_regular_file(config_path, true, kMaxSmallFile);
  if (!text) return std::nullopt;
  std::optional<std::string> value;
  bool in_core = false;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = trim(rest.substr(0, newline));
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    if (!line.empty() && line.front() == '[') {
      const std::size_t close = line.find(']');
      in_core = close != std::string_view::npos && equals_ignoring_case(trim(line.substr(1, close - 1)), "core");
      line = close == std::string_view::npos ? std::string_view{} : trim(line.substr(close + 1));
    }
    if (!in_core || line.empty() || line.front() == '#' || line.front() == ';') continue;
    const std::size_t key_end = std::min(line.find_first_of("= \t"), line.size());
    if (!equals_ignoring_case(line.substr(0, key_end), "excludesfile")) continue;
    const std::string_view after = trim(line.substr(key_end));
    if (after.empty() || after.front() != '=') continue;
    value = config_value(after.substr(1));
  }
  return value;
}

// The user's global excludes file (see the header), or an empty file.
IgnoreFile read_global_excludes() {
  const char* home_env = std::getenv("HOME");
  const char* xdg_env = std::getenv("XDG_CONFIG_HOME");
  const std::string home = home_env != nullptr ? home_env : "";
  std::string xdg = xdg_env != nullptr ? xdg_env : "";
  if (xdg.empty() && !home.empty()) xdg = join(home, ".config");

  std::optional<std::string> configured;
  if (!xdg.empty()) configured = configured_excludes_file(join(xdg, "git/config"));
  if (!home.empty()) {
    if (auto value = configured_excludes_file(join(home, ".gitconfig"))) configured = std::move(value);
  }
  std::string path;
  if (configured) {
    path = *configured;
    if (path.starts_with("~/") && !home.empty()) path = join(home, path.substr(2));
    if (!path.starts_with("/")) return {};  // relative to git's working directory: not ours to guess
  } else if (!xdg.empty()) {
    path = join(xdg, "git/ignore");
  } else {
    return {};
  }
  return read_ignore_file(path, true);
}

// The named POSIX class `[:name:]` (ASCII only, as git's own ctype), added to `set`; false for
// an unknown name.
bool add_posix_class(std::string_view name, std::bitset<256>& set) {
  const auto add = [&set](auto predicate) {
    for (int c = 0; c < 128; ++c) {
      if (predicate(c)) set.set(static_cast<std::size_t>(c));
    }
    return true;
  };
  const auto upper = [](int c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](int c) { return c >= 'a' && c <= 'z'; };
  const auto digit = [](int c) { return c >= '0' && c <= '9'; };
  const auto alpha = [&](int c) { return upper(c) || lower(c); };
  const auto graph = [](int c) { return c > 0x20 && c < 0x7f; };
  if (name == "alnum") return add([&](int c) { return alpha(c) || digit(c); });
  if (name == "alpha") return add(alpha);
  if (name == "blank") return add([](int c) { return c == ' ' || c == '\t'; });
  if (name == "cntrl") return add([](int c) { return c < 0x20 || c == 0x7f; });
  if (name == "digit") return add(digit);
  if (name == "graph") return add(graph);
  if (name == "lower") return add(lower);
  if (name == "print") return add([](int c) { return c >= 0x20 && c < 0x7f; });
  if (name == "punct") return add([&](int c) { return graph(c) && !alpha(c) && !digit(c); });
  if (name == "space") return add([](int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (name == "upper") return add(upper);
  if (name == "xdigit") return add([&](int c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); });
  return false;
}

// Parses the bracket expression starting at glob[i] == '[' into `set`; returns the index after
// its `]`, or npos when it is malformed. A `]` right after `[` or `[!` is a member; `-` between
// two members is a range; `\x` is x.
std::size_t parse_class(std::string_view glob, std::size_t i, std::bitset<256>& set) {
  std::size_t k = i + 1;
  bool negated = false;
  if (k < glob.size() && (glob[k] == '!' || glob[k] == '^')) {
    negated = true;
    ++k;
  }
  int previous = -1;  // the last single member, a possible range start
  for (bool first = true;; first = false) {
    if (k >= glob.size()) return std::string_view::npos;
    const auto c = static_cast<unsigned char>(glob[k]);
    if (c == ']' && !first) {
      ++k;
      break;
    }
    if (c == '\\') {
      if (k + 1 >= glob.size()) return std::string_view::npos;
      previous = static_cast<unsigned char>(glob[k + 1]);
      set.set(static_cast<std::size_t>(previous));
      k += 2;
    } else if (c == '-' && previous >= 0 && k + 1 < glob.size() && glob[k + 1] != ']') {
      k += 1;
      if (glob[k] == '\\') {
        if (++k >= glob.size()) return std::string_view::npos;
      }
      const auto last = static_cast<unsigned char>(glob[k]);
      for (int m = previous; m <= last; ++m) set.set(static_cast<std::size_t>(m));
      previous = -1;
      k += 1;
    } else if (c == '[' && k + 1 < glob.size() && glob[k + 1] == ':') {
      const std::size_t close = glob.find(']', k + 2);
      if (close == std::string_view::npos) return std::string_view::npos;
      if (close > k + 2 && glob[close - 1] == ':') {
        if (!add_posix_class(glob.substr(k + 2, close - 1 - (k + 2)), set)) return std::string_view::npos;
        previous = -1;
        k = close + 1;
      } else {  // no `:]` before the next `]`: the `[` is a member
        set.set('[');
        previous = '[';
        k += 1;
      }
    } else {
      set.set(c);
      previous = c;
      k += 1;
    }
  }
  if (negated) set.flip();
  set.reset('/');  // never a directory separator
  set.reset(0);
  return k;
}

}  // namespace

GitGlob GitGlob::compile(std::string_view glob, bool star_star_at_first_wildcard) {
  GitGlob out;
  const std::size_t first_wildcard = glob.find_first_of("*?[\\");
  std::size_t i = 0;
  while (i < glob.size()) {
    const char c = glob[i];
    if (c == '\\') {
      if (i + 1 >= glob.size()) {  // a trailing backslash escapes nothing: git never matches it
        out.valid_ = false;
        return out;
      }
      out.tokens_.push_back({Kind::Byte, static_cast<unsigned char>(glob[i + 1])});
      i += 2;
    } else if (c == '?') {
      out.tokens_.push_back({Kind::AnyByte});
      i += 1;
    } else if (c == '[') {
      std::bitset<256> set;
      const std::size_t end = parse_class(glob, i, set);
      if (end == std::string_view::npos) {
        out.valid_ = false;
        return out;
      }
      out.classes_.push_back(set);
      out.tokens_.push_back({Kind::Class, 0, out.classes_.size() - 1});
      i = end;
    } else if (c == '*') {
      std::size_t j = i;
      while (j < glob.size() && glob[j] == '*') ++j;
      const bool starts_component =
          i == 0 || glob[i - 1] == '/' || (star_star_at_first_wildcard && i == first_wildcard);
      Kind kind = Kind::Star;
      if (j - i >= 2 && starts_component) {
        if (j == glob.size()) {
          kind = Kind::AnyPath;
        } else if (glob[j] == '/') {
          kind = Kind::Dirs;
          j += 1;
        } else if (glob[j] == '\\' && j + 1 < glob.size() && glob[j + 1] == '/') {
          kind = Kind::Dirs;
          j += 2;
        }
      }
      out.tokens_.push_back({kind});
      out.has_star_ = true;
      i = j;
    } else {
      out.tokens_.push_back({Kind::Byte, static_cast<unsigned char>(c)});
      i += 1;
    }
  }
  const auto is_one_byte = [](const Token& token) {
    return token.kind == Kind::Byte || token.kind == Kind::AnyByte || token.kind == Kind::Class;
  };
  for (const Token& token : out.tokens_) out.min_length_ += is_one_byte(token) ? 1 : 0;
  while (out.head_ < out.tokens_.size() && is_one_byte(out.tokens_[out.head_])) ++out.head_;
  while (out.has_star_ && is_one_byte(out.tokens_[out.tokens_.size() - 1 - out.tail_])) ++out.tail_;
  return out;
}

bool GitGlob::one_byte(const Token& token, unsigned char byte) const {
  switch (token.kind) {
    case Kind::Byte:
      return byte == token.byte;
    case Kind::AnyByte:
      return byte != '/';
    case Kind::Class:
      return classes_[token.set].test(byte);
    default:
      return false;
  }
}

bool GitGlob::matches(std::string_view text) const {
  if (!valid_ || text.size() < min_length_ || (!has_star_ && text.size() != min_length_)) return false;
  // The fixed-width ends are compared in place, which settles the usual `*.ext`, `name` and
  // `dir/name` patterns; only what lies between the first and the last star needs more.
  const auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < head_; ++i) {
    if (!one_byte(tokens_[i], byte(i))) return false;
  }
  if (!has_star_) return true;
  const std::size_t tail_text = text.size() - tail_;
  const std::size_t tail_tokens = tokens_.size() - tail_;
  for (std::size_t i = 0; i < tail_; ++i) {
    if (!one_byte(tokens_[tail_tokens + i], byte(tail_text + i))) return false;
  }
  return matches_between_stars(head_, tail_tokens, text.substr(head_, tail_text - head_));
}

bool GitGlob::matches_between_stars(std::size_t first, std::size_t last, std::string_view text) const {
  if (last - first == 1) {
    switch (tokens_[first].kind) {
      case Kind::Star:
        return text.find('/') == std::string_view::npos;
      case Kind::AnyPath:
        return true;
      case Kind::Dirs:
        return text.empty() || text.back() == '/';
      default:
        break;
    }
  }
  // Which text positions each prefix of the tokens can end at, one token at a time: time is
  // tokens × text whatever the stars (backtracking can be exponential on hostile patterns).
  const std::size_t n = text.size();
  thread_local std::vector<unsigned char> reach;
  thread_local std::vector<unsigned char> next;
  reach.assign(n + 1, 0);
  reach[0] = 1;
  const auto byte = [&text](std::size_t j) { return static_cast<unsigned char>(text[j]); };
  for (std::size_t t = first; t < last; ++t) {
    const Token& token = tokens_[t];
    next.assign(n + 1, 0);
    bool any = false;
    switch (token.kind) {
      case Kind::Byte:
      case Kind::AnyByte:
      case Kind::Class:
        for (std::size_t j = 0; j < n; ++j) {
          if (reach[j] == 0 || !one_byte(token, byte(j))) continue;
          next[j + 1] = 1;
          any = true;
        }
        break;
      case Kind::Star:  // any run of bytes within one component
        for (std::size_t j = 0; j <= n; ++j) {
          next[j] = reach[j] != 0 || (j > 0 && next[j - 1] != 0 && byte(j - 1) != '/');
          any = any || next[j] != 0;
        }
        break;
      case Kind::AnyPath:  // anything at all
        for (std::size_t j = 0; j <= n; ++j) {
          next[j] = reach[j] != 0 || (j > 0 && next[j - 1] != 0);
          any = any || next[j] != 0;
        }
        break;
      case Kind::Dirs: {  // nothing, or anything ending with `/`
        bool seen = false;
        for (std::size_t j = 0; j <= n; ++j) {
          next[j] = reach[j] != 0 || (seen && byte(j - 1) == '/');
          seen = seen || reach[j] != 0;
          any = any || next[j] != 0;
        }
        break;
      }
    }
    if (!any) return false;
    reach.swap(next);
  }
  return reach[n] != 0;
}

std::optional<IgnorePattern> IgnorePattern::parse(std::string_view line) {
  if (line.empty() || line.front() == '#') return std::nullopt;
  // Trailing spaces go unless escaped (`\ `); tabs stay.
  std::size_t end = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      i = std::min(i + 1, line.size() - 1);
      end = i + 1;
    } else if (line[i] != ' ') {
      end = i + 1;
    }
  }
  std::string_view glob = line.substr(0, end);
  IgnorePattern out;
  if (glob.starts_with('!')) {
    out.negated_ = true;
    glob.remove_prefix(1);
  }
  if (glob.ends_with('/')) {
    out.dir_only_ = true;
    glob.remove_suffix(1);
  }
  out.anchored_ = glob.find('/') != std::string_view::npos;
  if (out.anchored_ && glob.starts_with('/')) glob.remove_prefix(1);
  out.glob_ = GitGlob::compile(glob, out.anchored_);
  return out;
}

bool IgnorePattern::matches(std::string_view relative, std::string_view basename, bool is_dir) const {
  if (dir_only_ && !is_dir) return false;
  return glob_.matches(anchored_ ? relative : basename);
}

IgnoreFile IgnoreFile::parse(std::string_view text) {
  IgnoreFile out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (auto pattern = IgnorePattern::parse(line)) out.patterns_.push_back(std::move(*pattern));
  }
  return out;
}

std::optional<bool> IgnoreFile::decide(std::string_view relative, bool is_dir) const {
  const std::size_t slash = relative.find_last_of('/');
  const std::string_view basename = slash == std::string_view::npos ? relative : relative.substr(slash + 1);
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->matches(relative, basename, is_dir)) return !it->negated();
  }
  return std::nullopt;
}

bool GitIgnore::ignored(const std::string& absolute, bool is_dir) {
  const Directory& dir = directory(parent_directory(absolute));
  if (dir.repository == nullptr) return false;
  const std::string_view path = absolute;
  for (const Directory* d = &dir; d != nullptr; d = d->parent) {
    if (d->rules.empty()) continue;
    if (const auto verdict = d->rules.decide(path.substr(std::min(d->offset, path.size())), is_dir)) return *verdict;
  }
  const std::string_view relative = path.substr(std::min(dir.repository->offset, path.size()));
  if (const auto verdict = dir.repository->exclude.decide(relative, is_dir)) return *verdict;
  if (const auto verdict = global().decide(relative, is_dir)) return *verdict;
  return false;
}

const GitIgnore::Directory& GitIgnore::directory(const std::string& absolute_dir) {
  if (const auto it = directories_.find(absolute_dir); it != directories_.end()) return *it->second;
  // Climb to the closest directory already known or holding `.git`, then build back down.
  std::vector<std::string> missing;  // deepest first
  const Directory* known = &outside_;
  std::string current = absolute_dir;
  for (;;) {
    if (const auto it = directories_.find(current); it != directories_.end()) {
      known = it->second.get();
      break;
    }
    struct stat st {};
    if (::stat(join(current, ".git").c_str(), &st) == 0) {
      auto& repository = *repositories_.emplace_back(std::make_unique<Repository>());
      repository.offset = offset_below(current);
      repository.exclude = read_ignore_file(exclude_file_of(current), true);
      auto root = std::make_unique<Directory>();
      root->repository = &repository;
      root->offset = repository.offset;
      root->rules = read_ignore_file(join(current, ".gitignore"), false);
      known = directories_.emplace(current, std::move(root)).first->second.get();
      break;
    }
    missing.push_back(current);
    std::string parent = parent_directory(current);
    if (parent == current) break;  // the file system root: outside any repository
    current = std::move(parent);
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    auto dir = std::make_unique<Directory>();
    if (known->repository != nullptr) {
      dir->repository = known->repository;
      dir->parent = known;
      dir->offset = offset_below(*it);
      dir->rules = read_ignore_file(join(*it, ".gitignore"), false);
    }
    known = directories_.emplace(*it, std::move(dir)).first->second.get();
  }
  return *known;
}

const IgnoreFile& GitIgnore::global() {
  if (!global_) global_ = read_global_excludes();
  return *global_;
}

}  // namespace pyperf::app
