// `json`: an array shaped like ruff's (code, filename, location, end_location, message, noqa_row,
// url, fix) plus name, severity, loop_depth and the cost model's verdict: complexities before and
// after, and the impact estimate (1-100). `filename` is a lossless_name(): bytes that are not UTF-8
// and backslashes as `\xNN`.

#include <nlohmann/json.hpp>

#include "lint/rule_docs.hpp"
#include "report/reporter.hpp"

namespace pyperf::report {

bool fix_applies(const lint::Diagnostic& d, lint::Applicability threshold) {
  return d.fix && d.fix->applicability != lint::Applicability::Display && d.fix->applicability >= threshold;
}

nlohmann::json fix_json(const lint::Diagnostic& d) {
  if (!d.fix) return nullptr;
  nlohmann::json edits = nlohmann::json::array();
  for (std::size_t i = 0; i < d.fix->edits.size() && i < d.fix->spans.size(); ++i) {
    const lint::Fix::Span& span = d.fix->spans[i];
    edits.push_back({{"content", d.fix->edits[i].content},
                     {"location", {{"row", span.start.line}, {"column", span.start.column}}},
                     {"end_location", {{"row", span.end.line}, {"column", span.end.column}}}});
  }
  return {{"applicability", lint::to_string(d.fix->applicability)}, {"message", d.fix->message}, {"edits", edits}};
}

nlohmann::json diagnostic_json(const lint::FileResult& file, const lint::Diagnostic& d) {
  nlohmann::json cost = nullptr;
  if (!d.cost_before.empty() || !d.cost_after.empty()) {
    cost = {{"before", d.cost_before}, {"after", d.cost_after}, {"impact", d.impact}};
  }
  return {
      {"code", d.rule->code},
      {"name", d.rule->name},
      {"filename", lossless_name(absolute_path(file.path))},
      {"location", {{"row", d.start.line}, {"column", d.start.column}}},
      {"end_location", {{"row", d.end.line}, {"column", d.end.column}}},
      {"message", d.message},
      {"noqa_row", d.start.line},
      {"url", lint::doc_url(*d.rule)},
      {"fix", fix_json(d)},
      {"severity", lint::to_string(d.severity)},
      {"loop_depth", d.loop_depth},
      {"cost", cost},
  };
}

void write_json(const ReportInput& input, std::ostream& out) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& [file, d] : input.view.findings()) array.push_back(diagnostic_json(*file, *d));
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pyperf::report
