// `grouped` (ruff's): the file's name, then its findings indented, `row:col CODE message`, with
// the positions aligned, `[*]` after the code of a finding the settings would fix; a blank line
// after each file.

#include <algorithm>
#include <string>

#include <fmt/core.h>

#include "report/reporter.hpp"
#include "report/style.hpp"

namespace pyperf::report {

void write_grouped(const ReportInput& input, std::ostream& out) {
  const Style s{input.color};
  for (const auto& [file, diagnostics] : input.view.files()) {
    if (diagnostics.empty()) continue;
    std::size_t row_width = 0;
    std::size_t col_width = 0;
    for (const lint::Diagnostic* d : diagnostics) {
      row_width = std::max(row_width, std::to_string(d->start.line).size());
      col_width = std::max(col_width, std::to_string(d->start.column).size());
    }
    out << s.bold() << printable(file->path) << s.reset() << ":\n";
    for (const lint::Diagnostic* d : diagnostics) {
      out << fmt::format("  {:>{}}:{:<{}} ", d->start.line, row_width, d->start.column, col_width) << s.code()
          << d->rule->code << s.reset() << (fix_applies(*d, input.fix_threshold) ? " [*] " : " ")
          << printable(d->message) << '\n';
    }
    out << '\n';
  }
}

}  // namespace pyperf::report
