// `github`: GitHub Actions workflow commands, which the runner turns into annotations:
//   ::warning title=pyperf-lint (CODE),file=…,line=…,col=…,endLine=…,endColumn=…::path:row:col: CODE message
// Escaping follows the runner's rules (actions/toolkit command.ts): in the message `%`, CR and LF;
// in property values also `:` and `,`, which would otherwise end the value. Bytes that are not
// UTF-8 (possible in file names) become U+FFFD: the runner reads UTF-8.

#include <fmt/core.h>

#include "report/reporter.hpp"

namespace pyperf::report {
namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
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
    const std::string path = valid_utf8(relative_path(file->path));
    out << fmt::format("::{} title={},file={},line={},col={},endLine={},endColumn={}::{}\n",
                       lint::to_string(d.severity, lint::SeverityScale::GithubCommand),
                       escape_property(fmt::format("pyperf-lint ({})", d.rule->code)), escape_property(path),
                       d.start.line, d.start.column, d.end.line, d.end.column,
                       escape_data(fmt::format("{}:{}:{}: {} {}", path, d.start.line, d.start.column, d.rule->code,
                                               valid_utf8(d.message))));
  }
}

}  // namespace pyperf::report
