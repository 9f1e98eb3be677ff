#include "report/reporter.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/core.h>

namespace pyperf::report {
namespace {

constexpr Format kFormats[] = {
    {"full", OutputFormat::Full, write_full, true, "each finding with its source line and a caret underline"},
    {"concise", OutputFormat::Concise, write_concise, true, "one line per finding: `path:row:col: CODE message`"},
    {"grouped", OutputFormat::Grouped, write_grouped, true, "findings grouped under their file's name"},
    {"json", OutputFormat::Json, write_json, false, "a JSON array shaped like ruff's, plus cost and loop depth"},
    {"json-lines", OutputFormat::JsonLines, write_json_lines, false, "one JSON object per line, same fields as json"},
    {"sarif", OutputFormat::Sarif, write_sarif, false, "SARIF 2.1.0 for GitHub code scanning and other viewers"},
    {"github", OutputFormat::Github, write_github, false, "GitHub Actions workflow commands (annotations)"},
    {"gitlab", OutputFormat::Gitlab, write_gitlab, false, "GitLab Code Quality JSON"},
    {"junit", OutputFormat::Junit, write_junit, false, "JUnit XML: a test suite per file, a failure per finding"},
    {"pylint", OutputFormat::Pylint, write_pylint, false,
     "pylint's parseable format: `path:row: [CODE(name), ] message`"},
};

std::uint64_t fnv1a(std::string_view data) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t len = b < 0x80U                  ? 1
                          : b >= 0xC2U && b <= 0xDFU ? 2
                          : (b >> 4U) == 0xEU        ? 3
                          : b >= 0xF0U && b <= 0xF4U ? 4
                                                     : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0U) != 0x80U) return 0;
  }
  if (len < 3) return len;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (len == 3 && ((b == 0xE0U && b1 < 0xA0U) || (b == 0xEDU && b1 >= 0xA0U))) return 0;  // overlong, surrogate
  if (len == 4 && ((b == 0xF0U && b1 < 0x90U) || (b == 0xF4U && b1 >= 0x90U))) return 0;
  return len;
}

std::span<const Format> formats() {
  return kFormats;
}

const Format* find_format(std::string_view name) {
  const auto it =
      std::find_if(std::begin(kFormats), std::end(kFormats), [&](const Format& f) { return f.name == name; });
  return it == std::end(kFormats) ? nullptr : it;
}

const Format& format_of(OutputFormat format) {
  const auto it =
      std::find_if(std::begin(kFormats), std::end(kFormats), [&](const Format& f) { return f.format == format; });
  return it == std::end(kFormats) ? kFormats[0] : *it;
}

std::string absolute_path(std::string_view path) {
  if (path == "-") return "-";  // standard input without --stdin-filename
  std::error_code ec;
  const std::filesystem::path abs = std::filesystem::absolute(std::filesystem::path(path), ec);
  return (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
}

std::string relative_path(std::string_view path, std::string_view base) {
  if (path == "-") return "-";
  std::string root = base.empty() ? absolute_path(".") : absolute_path(base);
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  std::string abs = absolute_path(path);
  if (abs.size() > root.size() + 1 && abs.starts_with(root) && abs[root.size()] == '/') {
    return abs.substr(root == "/" ? 1 : root.size() + 1);
  }
  return abs;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20U || c == 0x7FU) {
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    const std::size_t len = utf8_length(text, i);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (len == 2 && c == 0xC2U && static_cast<unsigned char>(text[i + 1]) < 0xA0U) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));  // C1 control (U+0080-U+009F)
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string lossless_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t len = utf8_length(name, i);
    if (len == 0 || name[i] == '\\') {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(name[i]));
      ++i;
    } else {
      out.append(name.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::vector<std::string> fingerprints(std::string_view path, std::span<const lint::Diagnostic> diagnostics) {
  std::vector<std::string> out;
  std::map<std::string, unsigned> seen;
  for (const lint::Diagnostic& d : diagnostics) {
    std::string key = fmt::format("{}\n{}\n", d.rule->code, path);
    for (const char c : d.source_line) {
      if (c != ' ' && c != '\t' && c != '\f' && c != '\v' && c != '\r' && c != '\n') key += c;
    }
    const unsigned occurrence = ++seen[key];
    out.push_back(fmt::format("{:016x}:{}", fnv1a(key), occurrence));
  }
  return out;
}

const Fingerprints::Entry& Fingerprints::entry(const lint::FileResult* file) {
  auto [it, added] = files_.try_emplace(file);
  if (added) {
    it->second.path = relative_path(file->path, base_);
    it->second.prints = fingerprints(it->second.path, file->diagnostics);
  }
  return it->second;
}

const std::string& Fingerprints::of(const Finding& finding) {
  const Entry& e = entry(finding.file);
  return e.prints[static_cast<std::size_t>(finding.diagnostic - finding.file->diagnostics.data())];
}

}  // namespace pyperf::report
