// `junit`: JUnit XML, which CI systems render as test results: one <testsuite> per checked file,
// one failing <testcase> per finding, a passing one for a clean file, an <error> for a file that
// could not be checked. Text is XML-escaped; characters XML 1.0 cannot carry at all (control
// characters other than tab, LF and CR; U+FFFE/U+FFFF; invalid UTF-8) become visible escapes.

#include <algorithm>

#include <fmt/core.h>

#include "report/reporter.hpp"

namespace pyperf::report {
namespace {

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = utf8_length(text, i);
    if (len == 0 || (c < 0x20U && c != '\t' && c != '\n' && c != '\r')) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    const std::string_view ch = text.substr(i, len);
    i += len;
    if (ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF") {
      out += ch == "\xEF\xBF\xBE" ? "\\ufffe" : "\\uffff";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&apos;";
    } else if (c == '\r' || (attribute && (c == '\n' || c == '\t'))) {
      out += fmt::format("&#{};", c);  // raw, a parser would normalise them away
    } else {
      out.append(ch);
    }
  }
  return out;
}

}  // namespace

void write_junit(const ReportInput& input, std::ostream& out) {
  const std::vector<FileFindings> files = input.view.files();
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  for (const auto& [file, diagnostics] : files) {
    tests += std::max<std::size_t>(diagnostics.size(), 1);
    failures += diagnostics.size();
    errors += file->error.empty() ? 0 : 1;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"pyperf-lint\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", tests, failures,
                     errors);
  for (const auto& [file, diagnostics] : files) {
    const std::string path = xml_escape(file->path, true);
    const std::size_t count = std::max<std::size_t>(diagnostics.size(), 1);
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", path, count,
                       diagnostics.size(), file->error.empty() ? 0 : 1);
    if (!file->error.empty()) {
      out << fmt::format("    <testcase name=\"pyperf-lint\" classname=\"{}\">\n", path);
      out << fmt::format("      <error message=\"{}\"/>\n", xml_escape(file->error, true));
      out << "    </testcase>\n";
    } else if (diagnostics.empty()) {
      out << fmt::format("    <testcase name=\"pyperf-lint\" classname=\"{}\"/>\n", path);
    }
    for (const lint::Diagnostic* diagnostic : diagnostics) {
      const lint::Diagnostic& d = *diagnostic;
      out << fmt::format("    <testcase name=\"{} ({}) at {}:{}\" classname=\"{}\" file=\"{}\" line=\"{}\">\n",
                         d.rule->code, d.rule->name, d.start.line, d.start.column, path, path, d.start.line);
      out << fmt::format(
          "      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml_escape(d.message, true), d.rule->code,
          xml_escape(fmt::format("{}:{}:{}: {} {}", file->path, d.start.line, d.start.column, d.rule->code, d.message),
                     false));
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace pyperf::report
