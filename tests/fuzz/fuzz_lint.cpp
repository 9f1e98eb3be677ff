// libFuzzer target: arbitrary bytes as the contents of one Python file, through the path a file
// read from disk takes (lint_source: BOM, coding cookie, NUL and UTF-8 checks, parse, every rule
// including the preview ones, noqa suppression), then through every output format and both
// statistics forms. A crash, a sanitizer report, an exception or a broken invariant below fails.
//
// Built twice: with libFuzzer (PYPERF_FUZZ, scripts/fuzz), and with replay_main.cpp as a plain
// program that runs the seeds and tests/fuzz/regressions/ in every ordinary build (ctest fuzz.replay).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cost/python_version.hpp"
#include "lint/checker.hpp"
#include "lint/fixer.hpp"
#include "lint/registry.hpp"
#include "lint/result.hpp"
#include "report/reporter.hpp"
#include "report/view.hpp"
#include "syntax/language.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace {

using namespace pyperf;

// Built once: one checker per target version (they differ only in which micro advice holds), and
// one parser reused for every input, as each worker thread of the app reuses its own.
struct Linter {
  std::vector<lint::Checker> checkers;
  syntax::Parser parser{syntax::Language::python()};

  Linter() {
    for (const cost::PythonVersion version : cost::kPythonVersions) {
      checkers.emplace_back(lint::all_rules(), lint::Options{version});
    }
  }
};

void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz_lint: invariant broken: %s\n", what);
  std::abort();
}

bool is_json(std::string_view format) {
  return format == "json" || format == "sarif" || format == "gitlab";
}

// The machine-readable formats must stay parseable whatever the source held.
void check_output(std::string_view format, const std::string& text) {
  if (is_json(format)) {
    require(nlohmann::json::accept(text), "a JSON report does not parse");
  } else if (format == "json-lines") {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      require(nlohmann::json::accept(line), "a json-lines line does not parse");
    }
  }
}

void render(const report::View& view, bool color) {
  for (const report::Format& format : report::formats()) {
    std::ostringstream out;
    format.write({view, color && format.for_people}, out);
    check_output(format.name, out.str());
  }
  std::ostringstream text;
  report::write_statistics({view, color}, text, false);
  std::ostringstream json;
  report::write_statistics({view, false}, json, true);
  require(nlohmann::json::accept(json.str()), "the JSON statistics do not parse");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Linter linter;
  // The options come from the input's length rather than from a prefix byte, so that every input,
  // seeds included, is a Python file as it stands; libFuzzer varies lengths freely. One rendering
  // per input: the reporters cost more than linting a small input.
  const lint::Checker& checker = linter.checkers[size % linter.checkers.size()];
  const report::Order order = (size / 5) % 2 == 0 ? report::Order::Path : report::Order::Impact;
  const bool color = (size / 10) % 2 == 1;
  const int min_impact = (size / 20) % 4 == 0 ? static_cast<int>(size % 101) : 0;

  lint::RunResult run;
  // libFuzzer may pass a null `data` with size 0.
  std::string bytes = size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
  run.files.push_back(lint::lint_source("fuzz/input.py", std::move(bytes), checker, linter.parser));

  for (const lint::Diagnostic& d : run.files.front().diagnostics) {
    require(d.rule != nullptr, "a diagnostic without its rule");
    require(d.start_byte <= d.end_byte, "a diagnostic ends before it starts");
    require(d.start.line <= d.end.line, "a diagnostic's end line is before its start line");
    if (!d.fix) continue;
    require(!d.fix->edits.empty() && d.fix->spans.size() == d.fix->edits.size(), "a fix without located edits");
    for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
      require(d.fix->edits[i].start <= d.fix->edits[i].end && d.fix->edits[i].end <= size, "a fix edit out of range");
      require(i == 0 || d.fix->edits[i - 1].end <= d.fix->edits[i].start, "the edits of a fix overlap");
    }
  }
  render(report::View(run, order, min_impact), color);

  // Every fix, unsafe ones included, applied to a fixed point (one input in three: it re-lints):
  // a fix that leaves a syntax error is a rule's bug, which the fixer refuses with an internal error.
  if (size % 3 == 0) {
    lint::FixPolicy policy;
    policy.threshold = lint::Applicability::Unsafe;
    const std::string source = size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
    const lint::FixOutcome outcome = lint::fix_source("fuzz/input.py", source, checker, linter.parser, policy);
    require(outcome.result.error.find("internal error") == std::string::npos, "a fix leaves a syntax error");
    if (outcome.fixed) {
      auto loaded = syntax::SourceText::load(*outcome.fixed);
      require(loaded.source.has_value(), "a fixed file does not decode");
      const syntax::Tree tree = linter.parser.parse(loaded.source->text());
      require(tree && !tree.root().has_error(), "a fixed file does not parse");
    }
  }
  return 0;
}
