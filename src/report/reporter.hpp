#pragma once
// Reporters turn a run's results into one output format. One file per format; this table is the
// only place that knows them all.

#include <ostream>
#include <string_view>

#include "app/runner.hpp"
#include "app/settings.hpp"

namespace pyperf::report {

struct ReportInput {
  const app::RunResult& run;
  bool color = false;
};

using WriteFn = void (*)(const ReportInput& input, std::ostream& out);

void write_full(const ReportInput& input, std::ostream& out);
void write_concise(const ReportInput& input, std::ostream& out);
void write_json(const ReportInput& input, std::ostream& out);

WriteFn reporter_for(app::OutputFormat format);

// The absolute, normalised form of a reported path (JSON `filename`, like ruff).
std::string absolute_path(std::string_view path);

}  // namespace pyperf::report
