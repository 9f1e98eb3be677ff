// `sarif`: SARIF 2.1.0, what GitHub code scanning (upload-sarif) and other viewers read.
// - rules[]: one per reported rule, generated from RuleMeta and the rule's doc (summary, "What it
//   does", the whole doc as help, its URL, the default level, precision and problem.severity);
// - results: ruleId/ruleIndex, level, message, a location relative to %SRCROOT% (the working
//   directory, percent-encoded per RFC 3986), a 1-based region in code points (columnKind), and
//   a primaryLocationLineHash that does not change when unrelated lines move; a region is never
//   empty (a MISSING token covers the character where it is expected);
// - invocations: whether every file could be checked, and a notification per file that could not.

#include <algorithm>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"
#include "report/rule_pages.hpp"

namespace pyperf::report {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/pyperf-lint/pyperf-lint";
constexpr std::string_view kSourceRoot = "%SRCROOT%";

// RFC 3986: unreserved characters and `/` stay, every other byte is %XX.
std::string percent_encode(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    out += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

nlohmann::json artifact_location(const std::string& relative) {
  if (!relative.starts_with('/')) return {{"uri", percent_encode(relative)}, {"uriBaseId", kSourceRoot}};
  return {{"uri", "file://" + percent_encode(relative)}};  // outside the working directory
}

}  // namespace

void write_sarif(const ReportInput& input, std::ostream& out) {
  std::vector<const lint::RuleMeta*> rules;
  for (const Finding& f : input.view.findings()) rules.push_back(f.diagnostic->rule);
  std::sort(rules.begin(), rules.end(), [](const auto* a, const auto* b) { return a->code < b->code; });
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  nlohmann::json descriptors = nlohmann::json::array();
  for (const lint::RuleMeta* meta : rules) descriptors.push_back(sarif_rule(*meta));

  nlohmann::json results = nlohmann::json::array();
  nlohmann::json notifications = nlohmann::json::array();
  for (const lint::FileResult& file : input.view.run().files) {
    if (file.error.empty()) continue;
    notifications.push_back({
        {"level", "error"},
        {"message", {{"text", fmt::format("{}: {}", file.path, file.error)}}},
        {"locations", {{{"physicalLocation", {{"artifactLocation", artifact_location(relative_path(file.path))}}}}}},
    });
  }
  Fingerprints prints;
  for (const Finding& f : input.view.findings()) {
    const lint::Diagnostic& d = *f.diagnostic;
    // A zero-width range (the parser's MISSING token, PPL001) would give viewers nothing to
    // highlight: cover at least the character at the start.
    const bool empty = d.end.line < d.start.line || (d.end.line == d.start.line && d.end.column <= d.start.column);
    const syntax::Position end = empty ? syntax::Position{d.start.line, d.start.column + 1} : d.end;
    const std::string& path = prints.path(f);
    const auto index = std::lower_bound(rules.begin(), rules.end(), d.rule,
                                        [](const auto* a, const auto* b) { return a->code < b->code; }) -
                       rules.begin();
    results.push_back({
        {"ruleId", d.rule->code},
        {"ruleIndex", index},
        {"level", lint::to_string(d.severity, lint::SeverityScale::Sarif)},
        {"message", {{"text", d.message}}},
        {"locations",
         {{{"physicalLocation",
            {{"artifactLocation", artifact_location(path)},
             {"region",
              {{"startLine", d.start.line},
               {"startColumn", d.start.column},
               {"endLine", end.line},
               {"endColumn", end.column}}}}}}}},
        {"partialFingerprints", {{"primaryLocationLineHash", prints.of(f)}}},
        {"properties", {{"loopDepth", d.loop_depth}}},
    });
    if (d.fix && d.fix->applicability != lint::Applicability::Display) {
      // One fix, one artifact: its replacements in source order (SARIF's regions are 1-based in
      // code points, as the result's own region; an insertion deletes an empty region).
      nlohmann::json replacements = nlohmann::json::array();
      for (std::size_t i = 0; i < d.fix->edits.size() && i < d.fix->spans.size(); ++i) {
        const lint::Fix::Span& span = d.fix->spans[i];
        replacements.push_back({{"deletedRegion",
                                 {{"startLine", span.start.line},
                                  {"startColumn", span.start.column},
                                  {"endLine", span.end.line},
                                  {"endColumn", span.end.column}}},
                                {"insertedContent", {{"text", d.fix->edits[i].content}}}});
      }
      results.back()["fixes"] = nlohmann::json::array(
          {{{"description",
             {{"text", fmt::format("{} ({} fix)", d.fix->message, lint::to_string(d.fix->applicability))}}},
            {"artifactChanges", {{{"artifactLocation", artifact_location(path)}, {"replacements", replacements}}}}}});
    }
  }

  std::string root = absolute_path(".");
  if (root.empty() || root.back() != '/') root += '/';
  const nlohmann::json run = {
      {"tool",
       {{"driver",
         {{"name", "pyperf-lint"},
          {"version", PYPERF_VERSION},
          {"semanticVersion", PYPERF_VERSION},
          {"informationUri", kInformationUri},
          {"rules", descriptors}}}}},
      {"originalUriBaseIds", {{kSourceRoot, {{"uri", "file://" + percent_encode(root)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations",
       {{{"executionSuccessful", notifications.empty()}, {"toolExecutionNotifications", notifications}}}},
      {"results", results},
  };
  const nlohmann::json sarif = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", {run}}};
  out << sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pyperf::report
