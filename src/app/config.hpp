#pragma once
// Configuration files, as ruff finds and reads them:
//   .pyperf-lint.toml > pyperf-lint.toml > pyproject.toml ([tool.pyperf-lint]) in one directory;
//   the closest file above each linted file wins, no merging; a pyproject.toml without the table
//   is skipped; --config PATH forces one file, --isolated uses none. Command-line flags override.
// Every key lives in one table (config.cpp): the parser, `pyperf-lint config` and the README
// reference are generated from it. Errors name the file and line: "pyproject.toml:7: …".

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "app/glob.hpp"
#include "app/settings.hpp"
#include "lint/fixer.hpp"
#include "lint/rule.hpp"

namespace pyperf::app {

// A broken configuration: the message is "<file>:<line>: <what is wrong, what was expected>".
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ConfigKeyDoc {
  std::string_view name;
  std::string_view type;
  std::string_view default_value;
  std::string_view description;
};

// Every key of [tool.pyperf-lint], in documentation order.
std::vector<ConfigKeyDoc> config_keys();
// The `output-format` names, for the docs: "`full`, `concise`, …".
std::string output_format_list();

using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;
using RuleOptionValues = std::map<std::string, OptionValue>;

struct PerFileIgnore {
  PathPattern pattern;
  std::vector<std::string> selectors;
  std::vector<const lint::Rule*> rules;  // what the selectors name, preview rules included
  bool negated = false;                  // written "!glob": applies to the files the glob does not match

  bool applies_to(std::string_view absolute, std::string_view basename) const {
    return pattern.matches(absolute, basename) != negated;
  }
  std::string written() const { return negated ? "!" + pattern.pattern() : pattern.pattern(); }
};

// One configuration file as written: keys left out stay unset.
struct ConfigFile {
  bool applies = true;  // false for a pyproject.toml without [tool.pyperf-lint]
  std::string path;     // the file; empty for the built-in defaults
  std::string dir;      // absolute: relative globs are anchored here
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::vector<PerFileIgnore> per_file_ignores;
  std::optional<std::vector<std::string>> exclude;
  std::vector<std::string> extend_exclude;
  std::optional<bool> respect_gitignore;
  std::optional<bool> force_exclude;
  std::optional<cost::PythonVersion> target_version;
  std::optional<cost::PythonVersion> requires_python;  // from [project] requires-python
  std::optional<report::OutputFormat> output_format;
  std::optional<bool> preview;
  std::optional<bool> fix;
  std::optional<bool> unsafe_fixes;
  std::optional<std::vector<std::string>> fixable;
  std::vector<std::string> extend_fixable;
  std::vector<std::string> unfixable;
  std::vector<std::string> extend_safe_fixes;
  std::vector<std::string> extend_unsafe_fixes;
  std::map<std::string, RuleOptionValues> rule_options;  // by rule code
};

// Parses a configuration text. `pyproject`: the keys sit in [tool.pyperf-lint] (`applies` is false
// without that table). Throws ConfigError.
ConfigFile parse_config(std::string_view text, const std::string& path, const std::string& dir, bool pyproject);
// Reads and parses `path`; a file named pyproject.toml is read as one. Throws ConfigError.
ConfigFile load_config(const std::string& path);

// `[tool.pyperf-lint.<rule-name>]` checked against what `meta.options` declares. Throws ConfigError.
RuleOptionValues parse_rule_options(const lint::RuleMeta& meta, std::string_view table_text, const std::string& path);

// The directory names discovery skips unless `exclude` replaces them.
std::vector<std::string_view> default_excludes();

// One configuration file combined with the command line: what linting a file under it needs.
struct ProjectSettings {
  std::string config_path;  // empty: built-in defaults
  std::string root;         // absolute directory relative patterns are anchored to
  std::vector<const lint::Rule*> rules;
  std::vector<PathPattern> exclude;
  std::vector<PerFileIgnore> per_file_ignores;
  bool respect_gitignore = true;
  bool force_exclude = false;  // exclusions apply to paths named on the command line too
  bool preview = false;
  cost::PythonVersion target_version = cost::kOldestVersion;
  std::optional<report::OutputFormat> output_format;  // the file's; the command line's wins
  bool fix = false;                                   // apply fixes (`fix`, --fix, --diff, --fix-only)
  lint::FixPolicy fix_policy;                         // which fixes: threshold and per-rule levels
  ConfigFile file;                                    // as written, for --show-settings

  // The rules for one file: `rules` minus its per-file-ignores. `absolute` is normalised.
  std::vector<const lint::Rule*> rules_for(std::string_view absolute) const;
  // Whether discovery skips this file or directory.
  bool is_excluded(std::string_view absolute, std::string_view basename) const;
};

// Finds and caches the settings for each directory. Throws ConfigError from its lookups.
class ConfigResolver {
 public:
  explicit ConfigResolver(const Settings& cli);

  // The settings of the closest configuration file above `absolute_dir` (normalised).
  const ProjectSettings& for_directory(const std::string& absolute_dir);
  // The settings for a file path (which need not exist): its directory's.
  const ProjectSettings& for_file(const std::string& absolute_file);

 private:
  const ProjectSettings& make(ConfigFile file);
  std::optional<ConfigFile> config_in(const std::string& dir) const;

  const Settings& cli_;
  std::string cwd_;
  const ProjectSettings* fixed_ = nullptr;     // --config or --isolated
  const ProjectSettings* defaults_ = nullptr;  // no configuration file above
  std::deque<ProjectSettings> settings_;       // stable addresses
  std::unordered_map<std::string, const ProjectSettings*> by_dir_;
};

// The absolute, lexically normalised form of `path`, without a trailing slash.
std::string normalized_absolute(std::string_view path);
// The directory holding a normalised absolute path ("/" for "/" itself).
std::string parent_directory(const std::string& absolute);

// `--show-settings`: the resolved settings for one file, as TOML-like text.
std::string describe_settings(const ProjectSettings& settings, const std::string& path, report::OutputFormat format);

}  // namespace pyperf::app
