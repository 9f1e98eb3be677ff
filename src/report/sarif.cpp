// `sarif`: SARIF 2.1.0, what GitHub code scanning (upload-sarif) and other viewers read.
// - rules[]: one per reported rule, generated from RuleMeta and the rule's doc (summary, "What it
//   does", the whole doc as help, its URL, the default level);
// - results: ruleId/ruleIndex, level, message, a location relative to %SRCROOT% (the working
//   directory, percent-encoded per RFC 3986), a 1-based region in code points (columnKind), and
//   a primaryLocationLineHash that does not change when unrelated lines move;
// - invocations: whether every file could be checked, and a notification per file that could not.

#include <algorithm>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cost/cost_table.hpp"
#include "lint/rule_docs.hpp"
#include "report/reporter.hpp"

namespace pyperf::report {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/pyperf-lint/pyperf-lint";
constexpr std::string_view kSourceRoot = "%SRCROOT%";

std::string_view level(lint::Severity severity) {
  switch (severity) {
    case lint::Severity::Error:
      return "error";
    case lint::Severity::Warning:
      return "warning";
    case lint::Severity::Info:
      return "note";
  }
  return "warning";
}

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

nlohmann::json rule_descriptor(const lint::RuleMeta& meta) {
  const std::string_view doc = lint::doc_for(meta);
  const std::string what(lint::doc_section(doc, "What it does"));
  nlohmann::json properties = {
      {"tags", nlohmann::json::array({"performance", lint::to_string(meta.tier)})},
      {"tier", lint::to_string(meta.tier)},
      {"stability", lint::to_string(meta.stability)},
  };
  if (const auto* before = cost::find(meta.cost_before); before != nullptr) {
    if (const auto* after = cost::find(meta.cost_after); after != nullptr) {
      properties["cost"] = {{"before", cost::to_string(before->average)}, {"after", cost::to_string(after->average)}};
    }
  }
  return {
      {"id", meta.code},
      {"name", meta.name},
      {"shortDescription", {{"text", meta.summary}}},
      {"fullDescription", {{"text", what.empty() ? std::string(meta.summary) : what}}},
      {"help", {{"text", doc}, {"markdown", doc}}},
      {"helpUri", lint::doc_url(meta)},
      {"defaultConfiguration", {{"level", level(meta.severity)}}},
      {"properties", properties},
  };
}

}  // namespace

void write_sarif(const ReportInput& input, std::ostream& out) {
  std::vector<const lint::RuleMeta*> rules;
  for (const app::FileResult& file : input.run.files) {
    for (const lint::Diagnostic& d : file.diagnostics) rules.push_back(d.rule);
  }
  std::sort(rules.begin(), rules.end(), [](const auto* a, const auto* b) { return a->code < b->code; });
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  nlohmann::json descriptors = nlohmann::json::array();
  for (const lint::RuleMeta* meta : rules) descriptors.push_back(rule_descriptor(*meta));

  nlohmann::json results = nlohmann::json::array();
  nlohmann::json notifications = nlohmann::json::array();
  for (const app::FileResult& file : input.run.files) {
    const std::string path = relative_path(file.path);
    if (!file.error.empty()) {
      notifications.push_back({
          {"level", "error"},
          {"message", {{"text", fmt::format("{}: {}", file.path, file.error)}}},
          {"locations", {{{"physicalLocation", {{"artifactLocation", artifact_location(path)}}}}}},
      });
    }
    const std::vector<std::string> prints = fingerprints(path, file.diagnostics);
    for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
      const lint::Diagnostic& d = file.diagnostics[i];
      const auto index = std::lower_bound(rules.begin(), rules.end(), d.rule,
                                          [](const auto* a, const auto* b) { return a->code < b->code; }) -
                         rules.begin();
      results.push_back({
          {"ruleId", d.rule->code},
          {"ruleIndex", index},
          {"level", level(d.severity)},
          {"message", {{"text", d.message}}},
          {"locations",
           {{{"physicalLocation",
              {{"artifactLocation", artifact_location(path)},
               {"region",
                {{"startLine", d.start.line},
                 {"startColumn", d.start.column},
                 {"endLine", d.end.line},
                 {"endColumn", d.end.column}}}}}}}},
          {"partialFingerprints", {{"primaryLocationLineHash", prints[i]}}},
          {"properties", {{"loopDepth", d.loop_depth}}},
      });
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
