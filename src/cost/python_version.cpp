#include "cost/python_version.hpp"

#include <algorithm>
#include <charconv>
#include <regex>
#include <string>

namespace pyperf::cost {
namespace {

constexpr std::array<std::string_view, kPythonVersions.size()> kNames = {"py39", "py310", "py311", "py312", "py313"};

std::size_t index_of(PythonVersion version) {
  return static_cast<std::size_t>(minor_of(version) - minor_of(kOldestVersion));
}

std::optional<PythonVersion> from_minor(int minor) {
  if (minor < minor_of(kOldestVersion) || minor > minor_of(kNewestVersion)) return std::nullopt;
  return static_cast<PythonVersion>(minor);
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string_view to_string(PythonVersion version) {
  return kNames[index_of(version)];
}

std::string dotted(PythonVersion version) {
  return "3." + std::to_string(minor_of(version));
}

std::vector<std::string> python_version_names() {
  return {kNames.begin(), kNames.end()};
}

std::optional<PythonVersion> parse_python_version(std::string_view text) {
  std::string_view minor;
  if (text.starts_with("py3")) {
    minor = text.substr(3);
  } else if (text.starts_with("3.")) {
    minor = text.substr(2);
    if (const auto dot = minor.find('.'); dot != std::string_view::npos) minor = minor.substr(0, dot);
  } else {
    return std::nullopt;
  }
  if (minor.empty() || (minor.size() > 1 && minor.front() == '0')) return std::nullopt;
  const std::optional<int> value = parse_int(minor);
  return value ? from_minor(*value) : std::nullopt;
}

std::optional<PythonVersion> from_requires_python(std::string_view specifier) {
  std::optional<int> lowest;  // minor version of Python 3
  std::size_t start = 0;
  while (start <= specifier.size()) {
    const std::size_t comma = std::min(specifier.find(',', start), specifier.size());
    std::string_view clause = specifier.substr(start, comma - start);
    start = comma + 1;
    while (!clause.empty() && clause.front() == ' ') clause.remove_prefix(1);
    std::string_view op;
    for (std::string_view candidate : {">=", "~=", "===", "==", ">"}) {
      if (clause.starts_with(candidate)) {
        op = candidate;
        break;
      }
    }
    if (op.empty()) continue;  // upper bounds and exclusions do not raise the floor
    clause.remove_prefix(op.size());
    while (!clause.empty() && clause.front() == ' ') clause.remove_prefix(1);
    int major = 0;
    int minor = 0;
    auto [p, ec] = std::from_chars(clause.data(), clause.data() + clause.size(), major);
    if (ec != std::errc() || p == clause.data() + clause.size() || *p != '.') continue;
    auto [q, ec2] = std::from_chars(p + 1, clause.data() + clause.size(), minor);
    if (ec2 != std::errc()) continue;
    const bool has_patch =
        q != clause.data() + clause.size() && *q == '.' && q + 1 != clause.data() + clause.size() && q[1] != '*';
    if (major < 3) continue;
    if (major > 3) minor = 99;
    if (op == ">" && !has_patch) ++minor;  // `>3.9` excludes every 3.9.x
    lowest = std::max(lowest.value_or(0), minor);
  }
  if (!lowest) return std::nullopt;
  return from_minor(std::clamp(*lowest, minor_of(kOldestVersion), minor_of(kNewestVersion)));
}

bool is_version_specifier(std::string_view specifier) {
  // PEP 440: an operator, then a public version (epoch, release, pre, post, dev) with an optional
  // local label; a trailing `.*` only after == and !=; `===` takes any string without blanks.
  static const std::regex kClause = [] {
    const std::string version = R"(v?(?:\d+!)?\d+(?:\.\d+)*)";  // epoch and release
    const std::string suffixes = R"((?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?)"
                                 R"((?:[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?)";
    const std::string local = R"((?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)";
    return std::regex(R"(\s*(?:===\s*[^\s,]+|(?:==|!=)\s*)" + version + R"((?:\.\*|)" + suffixes + local +
                          R"()|(?:~=|<=|>=|<|>)\s*)" + version + suffixes + R"()\s*)",
                      std::regex::icase | std::regex::optimize);
  }();
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = specifier.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? specifier.size() : comma;
    const std::string clause(specifier.substr(start, end - start));
    // Empty clauses are skipped, as the `packaging` library does (">=3.9," is accepted by pip).
    const bool blank = clause.find_first_not_of(" \t") == std::string::npos;
    if (!blank && !std::regex_match(clause, kClause)) return false;
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

}  // namespace pyperf::cost
