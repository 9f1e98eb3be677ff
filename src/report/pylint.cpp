// `pylint`: pylint's parseable format, `path:row: [CODE(name), ] message`, which editors and CI
// tools with a pylint problem matcher already read.

#include <fmt/core.h>

#include "report/reporter.hpp"

namespace pyperf::report {

void write_pylint(const ReportInput& input, std::ostream& out) {
  for (const auto& [file, d] : input.view.findings()) {
    out << fmt::format("{}:{}: [{}({}), ] {}\n", printable(file->path), d->start.line, d->rule->code, d->rule->name,
                       printable(d->message));
  }
}

}  // namespace pyperf::report
