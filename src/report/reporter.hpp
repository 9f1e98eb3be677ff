#pragma once
// Reporters turn a run's results into one output format. One file per format; the table in
// reporter.cpp is the only place that knows them all (the CLI, the config parser and the docs
// read their names from it).

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "lint/result.hpp"
#include "report/output_format.hpp"
#include "report/view.hpp"

namespace pyperf::report {

struct ReportInput {
  const View& view;
  bool color = false;
  // Fixes at or above this level are applied by the current settings: `[*]` marks them.
  lint::Applicability fix_threshold = lint::Applicability::Safe;
};

// Whether a finding's fix is one the current settings would apply (`[*]`).
bool fix_applies(const lint::Diagnostic& d, lint::Applicability threshold);

// ruff's `fix` object: applicability, message and edits with 1-based locations; null without a fix.
nlohmann::json fix_json(const lint::Diagnostic& d);

using WriteFn = void (*)(const ReportInput& input, std::ostream& out);

struct Format {
  std::string_view name;
  OutputFormat format;
  WriteFn write;
  bool for_people;  // the summary line follows and colour applies; machine formats stay pure
  std::string_view description;
};

std::span<const Format> formats();
const Format* find_format(std::string_view name);
const Format& format_of(OutputFormat format);

void write_full(const ReportInput& input, std::ostream& out);
void write_concise(const ReportInput& input, std::ostream& out);
void write_grouped(const ReportInput& input, std::ostream& out);
void write_json(const ReportInput& input, std::ostream& out);
void write_json_lines(const ReportInput& input, std::ostream& out);
void write_sarif(const ReportInput& input, std::ostream& out);
void write_github(const ReportInput& input, std::ostream& out);
void write_gitlab(const ReportInput& input, std::ostream& out);
void write_junit(const ReportInput& input, std::ostream& out);
void write_pylint(const ReportInput& input, std::ostream& out);

// `--statistics`: one line per rule, `count  CODE  name`, by count then code (JSON when `json`).
void write_statistics(const ReportInput& input, std::ostream& out, bool json);

// The absolute, normalised form of a reported path (JSON `filename`, like ruff).
std::string absolute_path(std::string_view path);
// The path relative to `base` (default: the working directory) when it lies inside, else absolute.
std::string relative_path(std::string_view path, std::string_view base = {});

// One line of text for a terminal or a log: control characters, C1 controls and invalid UTF-8
// become visible escapes (`\n`, `\x1b`, `\u009b`); other characters stay as they are.
std::string printable(std::string_view text);

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// A file name as the JSON formats carry it (json, json-lines, gitlab): JSON strings hold Unicode,
// a POSIX name any bytes. Every byte that is not part of well-formed UTF-8, and every backslash,
// becomes `\xNN` (two lowercase hex digits); the rest stays. Lossless: replacing each `\xNN` by
// the byte NN gives the name back, so two files never share a name (U+FFFD would merge them).
std::string lossless_name(std::string_view name);

// Length of the well-formed UTF-8 sequence at `i` (1 for ASCII), or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i);

// Fingerprints of `path`'s findings that survive unrelated edits: a hash of the rule, the path,
// the flagged line's text without whitespace, and which occurrence of that text it is, never the
// line number. "<16 hex digits>:<occurrence>", one per diagnostic, in order.
std::vector<std::string> fingerprints(std::string_view path, std::span<const lint::Diagnostic> diagnostics);

// The fingerprint of one finding, counted over all of its file's findings in source order (so a
// filter or another sort order does not change it). Computes each file's list once.
class Fingerprints {
 public:
  explicit Fingerprints(std::string_view base = {}) : base_(base) {}
  // The reported path of the finding's file (relative to `base`) and its fingerprint.
  const std::string& path(const Finding& finding) { return entry(finding.file).path; }
  const std::string& of(const Finding& finding);

 private:
  struct Entry {
    std::string path;
    std::vector<std::string> prints;
  };
  const Entry& entry(const lint::FileResult* file);
  std::string_view base_;
  std::unordered_map<const lint::FileResult*, Entry> files_;
};

// One finding as a JSON object (the `json` and `json-lines` shape).
nlohmann::json diagnostic_json(const lint::FileResult& file, const lint::Diagnostic& d);

}  // namespace pyperf::report
