#include "lint/rule_docs.hpp"

#include <fmt/core.h>

#include "lint/registry.hpp"

namespace pyperf::lint {

std::string snake_case(std::string_view kebab) {
  std::string out(kebab);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

std::string_view doc_for(const RuleMeta& meta) {
  const std::string stem = snake_case(meta.name);
  const std::string_view family = family_of(meta);
  for (const RuleDoc& doc : embedded_rule_docs()) {
    if (doc.family == family && doc.stem == stem) return doc.markdown;
  }
  return {};
}

std::string_view doc_section(std::string_view markdown, std::string_view heading) {
  const std::string marker = fmt::format("## {}\n", heading);
  std::size_t start = markdown.find(marker);
  if (start == std::string_view::npos) return {};
  start += marker.size();
  std::size_t end = markdown.find("\n## ", start - 1);
  if (end == std::string_view::npos) end = markdown.size();
  std::string_view body = markdown.substr(start, end - start);
  while (!body.empty() && (body.front() == '\n' || body.front() == ' ')) body.remove_prefix(1);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.remove_suffix(1);
  return body;
}

std::string doc_url(const RuleMeta& meta) {
  return fmt::format("https://github.com/pyperf-lint/pyperf-lint/blob/main/rules/{}/{}.md", family_of(meta),
                     snake_case(meta.name));
}

}  // namespace pyperf::lint
