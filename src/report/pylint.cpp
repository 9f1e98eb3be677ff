// `pylint`: pylint's parseable format, `path:row: [CODE(name), ] message`, which editors and CI
// tools with a pylint problem matcher already read.

#include <fmt/core.h>

#include "report/reporter.hpp"

namespace pyperf::report {

void write_pylint(const ReportInput& input, std::ostream& out) {
  for (const app::FileResult& file : input.run.files) {
    const std::string path = printable(file.path);
    for (const lint::Diagnostic& d : file.diagnostics) {
      out << fmt::format("{}:{}: [{}({}), ] {}\n", path, d.start.line, d.rule->code, d.rule->name,
                         printable(d.message));
    }
  }
}

}  // namespace pyperf::report
