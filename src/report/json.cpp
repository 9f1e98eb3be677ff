// `json`: an array shaped like ruff's (code, filename, location, end_location, message, noqa_row,
// url, fix) plus name, severity, loop_depth and the cost-model complexities.

#include <nlohmann/json.hpp>

#include "lint/rule_docs.hpp"
#include "report/reporter.hpp"

namespace pyperf::report {

void write_json(const ReportInput& input, std::ostream& out) {
  nlohmann::json array = nlohmann::json::array();
  for (const app::FileResult& file : input.run.files) {
    const std::string filename = absolute_path(file.path);
    for (const lint::Diagnostic& d : file.diagnostics) {
      nlohmann::json cost = nullptr;
      if (!d.cost_before.empty() || !d.cost_after.empty()) {
        cost = {{"before", d.cost_before}, {"after", d.cost_after}};
      }
      array.push_back({
          {"code", d.rule->code},
          {"name", d.rule->name},
          {"filename", filename},
          {"location", {{"row", d.start.line}, {"column", d.start.column}}},
          {"end_location", {{"row", d.end.line}, {"column", d.end.column}}},
          {"message", d.message},
          {"noqa_row", d.start.line},
          {"url", lint::doc_url(*d.rule)},
          {"fix", nullptr},
          {"severity", lint::to_string(d.severity)},
          {"loop_depth", d.loop_depth},
          {"cost", cost},
      });
    }
  }
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pyperf::report
