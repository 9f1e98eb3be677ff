#pragma once
// The report formats by name: the CLI, the configuration and the reporters share this list.

namespace pyperf::report {

enum class OutputFormat { Full, Concise, Json, JsonLines, Grouped, Sarif, Github, Gitlab, Junit, Pylint };

}  // namespace pyperf::report
