// `full` (default) and `concise` text output. Colour only when the caller decided the terminal
// wants it (a TTY, NO_COLOR unset). Paths and messages go through printable(): a file name with a
// newline or an escape sequence cannot forge lines or drive the terminal.

#include <algorithm>
#include <string>

#include <fmt/core.h>

#include "report/reporter.hpp"
#include "report/style.hpp"

namespace pyperf::report {
namespace {

void write_header(const Style& s, const std::string& path, const lint::Diagnostic& d, std::ostream& out) {
  out << s.bold() << printable(path) << s.reset() << ':' << d.start.line << ':' << d.start.column << ": " << s.code()
      << d.rule->code << s.reset() << ' ' << printable(d.message) << '\n';
}

// Byte offset in `line` of the code point at 1-based `column`.
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U) ++i;
  }
  return i;
}

void write_snippet(const Style& s, const lint::Diagnostic& d, std::ostream& out) {
  const std::string number = std::to_string(d.start.line);
  const std::string gutter(number.size(), ' ');
  const std::string_view line = d.source_line;
  const std::size_t start = byte_of_column(line, d.start.column);
  std::size_t end = d.end.line == d.start.line ? byte_of_column(line, d.end.column) : line.size();
  end = std::max(end, start);
  // Keep tabs in the padding so the carets line up under them on any tab width.
  std::string pad;
  for (std::size_t i = 0; i < start; ++i) {
    if (line[i] == '\t') {
      pad += '\t';
    } else if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U) {
      pad += ' ';
    }
  }
  std::size_t width = 0;
  for (std::size_t i = start; i < end; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U) ++width;
  }
  width = std::max<std::size_t>(width, 1);
  out << s.dim() << gutter << " |" << s.reset() << '\n';
  out << s.dim() << number << " |" << s.reset() << ' ' << line << '\n';
  out << s.dim() << gutter << " |" << s.reset() << ' ' << pad << s.caret() << std::string(width, '^') << ' '
      << d.rule->code << s.reset() << '\n';
  out << s.dim() << gutter << " |" << s.reset() << '\n';
  if (!d.rule->fix_title.empty()) {
    out << s.dim() << gutter << " = " << s.reset() << s.help() << "help" << s.reset() << ": " << d.rule->fix_title
        << '\n';
  }
  if (!d.cost_before.empty() && !d.cost_after.empty()) {
    out << s.dim() << gutter << " = " << s.reset() << s.help() << "cost" << s.reset() << ": " << d.cost_before << " -> "
        << d.cost_after << " per operation, impact " << d.impact << "/100\n";
  }
  out << '\n';
}

}  // namespace

void write_full(const ReportInput& input, std::ostream& out) {
  const Style style{input.color};
  for (const auto& [file, d] : input.view.findings()) {
    write_header(style, file->path, *d, out);
    write_snippet(style, *d, out);
  }
}

void write_concise(const ReportInput& input, std::ostream& out) {
  const Style style{input.color};
  for (const auto& [file, d] : input.view.findings()) write_header(style, file->path, *d, out);
}

}  // namespace pyperf::report
