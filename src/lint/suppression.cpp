#include "lint/suppression.hpp"

#include <algorithm>
#include <cctype>

#include "lint/registry.hpp"

namespace pyperf::lint {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && is_space(text[i])) ++i;
  return i;
}

// ruff's code shape: one or more uppercase ASCII letters, then one or more digits.
bool is_code(std::string_view token) {
  std::size_t i = 0;
  while (i < token.size() && token[i] >= 'A' && token[i] <= 'Z') ++i;
  if (i == 0 || i == token.size()) return false;
  return std::all_of(token.begin() + static_cast<std::ptrdiff_t>(i), token.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

const RuleMeta* rule_named(std::string_view name) {
  for (const Rule* rule : all_rules()) {
    if (rule->meta().name == name) return &rule->meta();
  }
  return nullptr;
}

// Reads what follows `noqa` at `i`: nothing (blanket) or `: CODE[, CODE]…`.
std::optional<NoqaDirective> parse_tail(std::string_view text, std::size_t start, std::size_t i) {
  NoqaDirective d;
  d.start = static_cast<std::uint32_t>(start);
  d.end = static_cast<std::uint32_t>(i);
  const std::size_t colon = skip_spaces(text, i);
  if (colon >= text.size() || text[colon] != ':') {
    // `# noqa`, `# noqa # why`, `# noqa why`; but `# noqa1` or `# noqa-x` are not directives.
    if (i < text.size() && !is_space(text[i]) && text[i] != '#') return std::nullopt;
    std::size_t end = colon;
    while (end < text.size() && is_word(text[end])) ++end;
    const std::string_view word = text.substr(colon, end - colon);
    if (!word.empty() && (is_code(word) || rule_named(word) != nullptr)) d.colonless_code = word;
    return d;
  }
  d.blanket = false;
  std::size_t at = colon + 1;
  for (;;) {
    while (at < text.size() && (is_space(text[at]) || text[at] == ',')) ++at;
    std::size_t end = at;
    while (end < text.size() && is_word(text[end])) ++end;
    const std::string_view token = text.substr(at, end - at);
    NoqaCode code{std::string(token), nullptr, false, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
    if (!token.empty() && is_code(token)) {
      const Rule* rule = find_rule(token);
      code.rule = rule != nullptr ? &rule->meta() : nullptr;
      code.ours = rule != nullptr || token.starts_with("PPL");
    } else if (const RuleMeta* named = token.empty() ? nullptr : rule_named(token)) {
      code.rule = named;
      code.ours = true;
    } else {
      break;  // the code list ends at the first word that is not a code
    }
    d.codes.push_back(std::move(code));
    d.end = static_cast<std::uint32_t>(end);
    at = end;
  }
  if (d.codes.empty()) return std::nullopt;  // `# noqa:` without codes: ruff ignores it too
  return d;
}

std::optional<NoqaDirective> parse_at(std::string_view text, std::size_t hash) {
  const std::size_t word = skip_spaces(text, hash + 1);
  if (!starts_with_ci(text, word, "noqa")) return std::nullopt;
  return parse_tail(text, hash, word + 4);
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return is_space(c); });
}

// tree-sitter ends a comment at `\n`, so on a CRLF line the `\r` is the comment's last byte.
std::string_view without_cr(std::string_view comment) {
  while (!comment.empty() && comment.back() == '\r') comment.remove_suffix(1);
  return comment;
}

std::string colonless_warning(std::uint32_t line, const NoqaDirective& d, bool file_level) {
  const std::string_view directive = file_level ? "# pyperf-lint: noqa" : "# noqa";
  return std::to_string(line + 1) + ": `" + std::string(directive) + " " + d.colonless_code +
         "` has no colon: it is read as a blanket `" + std::string(directive) + "` and silences every rule " +
         (file_level ? "in the whole file" : "on its line") + "; write `" + std::string(directive) + ": " +
         d.colonless_code + "` for that rule only";
}

}  // namespace

std::optional<NoqaDirective> parse_noqa(std::string_view comment) {
  comment = without_cr(comment);
  for (std::size_t hash = comment.find('#'); hash != std::string_view::npos; hash = comment.find('#', hash + 1)) {
    if (auto directive = parse_at(comment, hash)) return directive;
  }
  return std::nullopt;
}

std::optional<NoqaDirective> parse_file_noqa(std::string_view comment) {
  constexpr std::string_view kTool = "pyperf-lint";
  comment = without_cr(comment);
  if (!comment.starts_with('#')) return std::nullopt;
  std::size_t i = skip_spaces(comment, 1);
  if (comment.substr(i, kTool.size()) != kTool) return std::nullopt;
  i = skip_spaces(comment, i + kTool.size());
  if (i >= comment.size() || comment[i] != ':') return std::nullopt;
  i = skip_spaces(comment, i + 1);
  if (!starts_with_ci(comment, i, "noqa")) return std::nullopt;
  return parse_tail(comment, 0, i + 4);
}

bool Suppressions::exempts(const RuleMeta& rule) const {
  return file_blanket || std::find(file_exempt.begin(), file_exempt.end(), &rule) != file_exempt.end();
}

Suppressions apply_suppressions(const syntax::SourceText& source, std::span<const CommentRange> comments,
                                std::span<const Rule* const> enabled, std::vector<Diagnostic>& diagnostics) {
  Suppressions out;
  out.enabled = enabled;
  for (const CommentRange& c : comments) {
    const std::string_view text = source.text().substr(c.start_byte, c.end_byte - c.start_byte);
    const std::uint32_t line = source.line_index(c.start_byte);
    if (blank(source.line_text(line).substr(0, c.start_byte - source.line_start(line)))) {
      if (auto file = parse_file_noqa(text)) {
        if (!file->colonless_code.empty()) out.warnings.push_back(colonless_warning(line, *file, true));
        out.file_blanket = out.file_blanket || file->blanket;
        for (const NoqaCode& code : file->codes) {
          if (code.rule != nullptr) out.file_exempt.push_back(code.rule);
        }
        continue;
      }
    }
    if (auto directive = parse_noqa(text)) {
      if (!directive->colonless_code.empty()) out.warnings.push_back(colonless_warning(line, *directive, false));
      std::vector<bool> used(directive->codes.size(), false);
      out.lines.push_back({line, c.start_byte, std::move(*directive), std::move(used)});
    }
  }
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (out.exempts(*d.rule)) return true;
    const std::uint32_t line = source.line_index(d.start_byte);
    const auto it = std::lower_bound(out.lines.begin(), out.lines.end(), line,
                                     [](const LineDirective& ld, std::uint32_t l) { return ld.line < l; });
    if (it == out.lines.end() || it->line != line) return false;
    if (it->directive.blanket) {
      it->blanket_used = true;
      return true;
    }
    for (std::size_t k = 0; k < it->directive.codes.size(); ++k) {
      if (it->directive.codes[k].rule == d.rule) {
        it->used[k] = true;
        return true;
      }
    }
    return false;
  });
  return out;
}

}  // namespace pyperf::lint
