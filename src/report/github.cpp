// `github`: GitHub Actions workflow commands, which the runner turns into annotations:
//   ::warning title=pyperf-lint (CODE),file=…,line=…,col=…,endLine=…,endColumn=…::path:row:col: CODE message
// Escaping follows the runner's rules (actions/toolkit command.ts): in the message `%`, CR and LF;
// in property values also `:` and `,`, which would otherwise end the value. The runner copies the
// rest into the job log as it is, so other control characters (ESC, BEL, DEL, C1) and bytes that
// are not UTF-8 (possible in file names) become visible escapes, as in the text formats
// (printable(): `\x1b`, `\u009b`, `\xff`); they cannot recolour or rewrite the log.

#include <fmt/core.h>

#include "report/reporter.hpp"

namespace pyperf::report {
namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  std::size_t run = 0;  // start of the characters not yet written: they go through printable()
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '%' && c != '\r' && c != '\n') continue;
    out += printable(text.substr(run, i - run));
    out += c == '%' ? "%25" : c == '\r' ? "%0D" : "%0A";
    run = i + 1;
  }
  out += printable(text.substr(run));
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void write_github(const ReportInput& input, std::ostream& out) {
  for (const auto& [file, diagnostic] : input.view.findings()) {
    const lint::Diagnostic& d = *diagnostic;
    const std::string path = relative_path(file->path);
    out << fmt::format(
        "::{} title={},file={},line={},col={},endLine={},endColumn={}::{}\n",
        lint::to_string(d.severity, lint::SeverityScale::GithubCommand),
        escape_property(fmt::format("pyperf-lint ({})", d.rule->code)), escape_property(path), d.start.line,
        d.start.column, d.end.line, d.end.column,
        escape_data(fmt::format("{}:{}:{}: {} {}", path, d.start.line, d.start.column, d.rule->code, d.message)));
  }
}

}  // namespace pyperf::report
