#include "lint/result.hpp"

#include <algorithm>

#include "syntax/language.hpp"
#include "syntax/source.hpp"

namespace pyperf::lint {

std::size_t RunResult::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(files.begin(), files.end(), [](const FileResult& f) { return !f.error.empty(); }));
}

std::size_t FileResult::fixed_count() const {
  std::size_t n = 0;
  for (const auto& [code, count] : fixed) n += count;
  return n;
}

FileResult lint_source(const std::string& path, std::string bytes, const Checker& checker, syntax::Parser& parser) {
  FileResult result;
  result.path = path;
  auto loaded = syntax::SourceText::load(std::move(bytes));
  if (!loaded.source) {
    result.error = loaded.error;
    return result;
  }
  result.diagnostics = checker.check(*loaded.source, parser, &result.warnings);
  return result;
}

FileResult lint_source(const std::string& path, std::string bytes, std::span<const Rule* const> rules,
                       Options options) {
  const Checker checker(rules, options);
  syntax::Parser parser(syntax::Language::python());
  return lint_source(path, std::move(bytes), checker, parser);
}

}  // namespace pyperf::lint
