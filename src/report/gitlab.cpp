// `gitlab`: GitLab Code Quality JSON (a subset of the Code Climate spec). Paths are relative to
// $CI_PROJECT_DIR when set (as ruff does), else to the working directory; fingerprints are the
// stable ones of fingerprints(), so merge requests show findings as new only when they are. Paths
// are lossless_name()s, as in `json`.

#include <cstdlib>

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace pyperf::report {

void write_gitlab(const ReportInput& input, std::ostream& out) {
  const char* project_dir = std::getenv("CI_PROJECT_DIR");
  const std::string_view base = project_dir != nullptr ? project_dir : "";
  nlohmann::json array = nlohmann::json::array();
  Fingerprints prints(base);
  for (const Finding& f : input.view.findings()) {
    const lint::Diagnostic& d = *f.diagnostic;
    array.push_back({
        {"type", "issue"},
        {"check_name", d.rule->code},
        {"description", fmt::format("{} {}", d.rule->code, d.message)},
        {"categories", nlohmann::json::array({"Performance"})},
        {"severity", lint::to_string(d.severity, lint::SeverityScale::GitlabCodeQuality)},
        {"fingerprint", prints.of(f)},
        {"location",
         {{"path", lossless_name(prints.path(f))}, {"lines", {{"begin", d.start.line}, {"end", d.end.line}}}}},
    });
  }
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pyperf::report
