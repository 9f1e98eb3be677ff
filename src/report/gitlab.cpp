// `gitlab`: GitLab Code Quality JSON (a subset of the Code Climate spec). Paths are relative to
// $CI_PROJECT_DIR when set (as ruff does), else to the working directory; fingerprints are the
// stable ones of fingerprints(), so merge requests show findings as new only when they are.

#include <cstdlib>

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace pyperf::report {
namespace {

std::string_view gitlab_severity(lint::Severity severity) {
  switch (severity) {
    case lint::Severity::Error:
      return "major";
    case lint::Severity::Warning:
      return "minor";
    case lint::Severity::Info:
      return "info";
  }
  return "minor";
}

}  // namespace

void write_gitlab(const ReportInput& input, std::ostream& out) {
  const char* project_dir = std::getenv("CI_PROJECT_DIR");
  const std::string_view base = project_dir != nullptr ? project_dir : "";
  nlohmann::json array = nlohmann::json::array();
  for (const app::FileResult& file : input.run.files) {
    const std::string path = relative_path(file.path, base);
    const std::vector<std::string> prints = fingerprints(path, file.diagnostics);
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      const lint::Diagnostic& d = file.diagnostics[i];
      array.push_back({
          {"type", "issue"},
          {"check_name", d.rule->code},
          {"description", fmt::format("{} {}", d.rule->code, d.message)},
          {"categories", nlohmann::json::array({"Performance"})},
          {"severity", gitlab_severity(d.severity)},
          {"fingerprint", prints[i]},
          {"location", {{"path", path}, {"lines", {{"begin", d.start.line}, {"end", d.end.line}}}}},
      });
    }
  }
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pyperf::report
