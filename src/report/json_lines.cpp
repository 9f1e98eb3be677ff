// `json-lines`: one JSON object per finding and line (the `json` fields), for streaming consumers.
// JSON escapes newlines and control characters inside strings, so a record never spans lines.

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace pyperf::report {

void write_json_lines(const ReportInput& input, std::ostream& out) {
  for (const auto& [file, d] : input.view.findings()) {
    out << diagnostic_json(*file, *d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

}  // namespace pyperf::report
