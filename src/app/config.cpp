#include "app/config.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>
#include <toml++/toml.h>
#include <nlohmann/json.hpp>

#include "app/files.hpp"
#include "lint/registry.hpp"
#include "report/reporter.hpp"

namespace pyperf::app {
namespace fs = std::filesystem;
namespace {

// Version control, virtual environments, caches and build output: never first-party source.
constexpr std::array<std::string_view, 27> kDefaultExcludes = {
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
};

// Config files in one directory, the first found wins.
constexpr std::array<std::string_view, 3> kConfigNames = {".pyperf-lint.toml", "pyperf-lint.toml", "pyproject.toml"};

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

// Error reporting for one file: every message names the file and the line.
struct Reader {
  const std::string& path;
  [[noreturn]] void fail(const toml::source_region& where, const std::string& what) const {
    throw ConfigError(fmt::format("{}:{}: {}", path, where.begin.line, what));
  }
};

std::vector<std::string> read_strings(const toml::node& node, const Reader& r, std::string_view key) {
  const toml::array* array = node.as_array();
  if (array == nullptr)
    r.fail(node.source(), fmt::format("`{}` must be an array of strings, found {}", key, type_name(node)));
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    const auto* text = item.as_string();
    if (text == nullptr) {
      r.fail(item.source(), fmt::format("`{}` must be an array of strings, found {} in it", key, type_name(item)));
    }
    out.push_back(text->get());
  }
  return out;
}

std::vector<std::string> read_selectors(const toml::node& node, const Reader& r, std::string_view key) {
  std::vector<std::string> out = read_strings(node, r, key);
  const toml::array& array = *node.as_array();
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (lint::rules_matching(out[i]).empty()) {
      r.fail(array[i].source(), fmt::format("unknown rule selector '{}' in `{}` (expected a code like PPL102, a "
                                            "prefix like PPL1, a rule name, or ALL)",
                                            out[i], key));
    }
  }
  return out;
}

std::vector<std::string> read_globs(const toml::node& node, const Reader& r, std::string_view key,
                                    const std::string& dir) {
  std::vector<std::string> out = read_strings(node, r, key);
  const toml::array& array = *node.as_array();
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::string error;
    if (!PathPattern::compile(out[i], dir, &error)) {
      r.fail(array[i].source(), fmt::format("invalid glob '{}' in `{}`: {}", out[i], key, error));
    }
  }
  return out;
}

bool read_bool(const toml::node& node, const Reader& r, std::string_view key) {
  const auto* value = node.as_boolean();
  if (value == nullptr)
    r.fail(node.source(), fmt::format("`{}` must be true or false, found {}", key, type_name(node)));
  return value->get();
}

std::string read_choice(const toml::node& node, const Reader& r, std::string_view key,
                        const std::vector<std::string_view>& choices) {
  const auto* value = node.as_string();
  const bool known = value != nullptr && std::find(choices.begin(), choices.end(), value->get()) != choices.end();
  if (!known) {
    const std::string found = value != nullptr ? fmt::format("\"{}\"", value->get()) : std::string(type_name(node));
    r.fail(node.source(),
           fmt::format("`{}` must be one of \"{}\", found {}", key, fmt::join(choices, "\", \""), found));
  }
  return value->get();
}

std::vector<std::string_view> format_names() {
  std::vector<std::string_view> names;
  for (const report::Format& format : report::formats()) names.push_back(format.name);
  return names;
}

using ReadFn = void (*)(const toml::node& value, ConfigFile& out, const Reader& r);

struct Key {
  ConfigKeyDoc doc;
  ReadFn read;
};

// The one table of keys: parser, `pyperf-lint config`, --show-settings and README all follow it.
const Key kKeys[] = {
    {{"select", "list of rule selectors", "every stable rule",
      "Rules to enable: codes (`PPL102`), code prefixes (`PPL1`), rule names or `ALL`. Replaces the default set."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.select = read_selectors(v, r, "select"); }},
    {{"extend-select", "list of rule selectors", "`[]`", "Rules to enable on top of `select`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.extend_select = read_selectors(v, r, "extend-select");
     }},
    {{"ignore", "list of rule selectors", "`[]`", "Rules to disable; wins over `select` and `extend-select`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.ignore = read_selectors(v, r, "ignore"); }},
    {{"per-file-ignores", "table: glob → list of rule selectors", "`{}`",
      "Rules to disable in the files a glob matches. Globs are relative to the configuration file's directory; "
      "one without a `/` also matches a file's name (`\"test_*.py\"`). `*`, `**`, `?`, `[a-z]`, `{a,b}`. A glob "
      "written `\"!glob\"` applies to the files it does *not* match, as in ruff."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       const toml::table* table = v.as_table();
       if (table == nullptr) {
         r.fail(v.source(),
                fmt::format("`per-file-ignores` must be a table of glob = [rule selectors], found {}", type_name(v)));
       }
       for (auto&& [key, value] : *table) {
         std::string error;
         std::string_view glob = key.str();
         const bool negated = glob.starts_with('!');
         if (negated) glob.remove_prefix(1);
         auto pattern = PathPattern::compile(glob, out.dir, &error);
         if (!pattern)
           r.fail(key.source(), fmt::format("invalid glob '{}' in `per-file-ignores`: {}", key.str(), error));
         PerFileIgnore entry{std::move(*pattern), read_selectors(value, r, "per-file-ignores"), {}, negated};
         for (const std::string& selector : entry.selectors) {
           const auto rules = lint::rules_ignored_by(selector);
           entry.rules.insert(entry.rules.end(), rules.begin(), rules.end());
         }
         out.per_file_ignores.push_back(std::move(entry));
       }
     }},
    {{"exclude", "list of globs", "tool and build folders (see below)",
      "Files and directories discovery skips, replacing the default list. A glob without a `/` matches a name "
      "anywhere (`\"migrations\"`); others are relative to the configuration file's directory. Files named on "
      "the command line are always linted."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.exclude = read_globs(v, r, "exclude", out.dir); }},
    {{"extend-exclude", "list of globs", "`[]`", "Files and directories to skip on top of `exclude`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.extend_exclude = read_globs(v, r, "extend-exclude", out.dir);
     }},
    {{"respect-gitignore", "boolean", "`true`",
      "Skip files that git ignores (`.gitignore`, `.git/info/exclude`, the global excludes file), read directly: "
      "git is never run. Outside a repository nothing is ignored."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.respect_gitignore = read_bool(v, r, "respect-gitignore");
     }},
    {{"force-exclude", "boolean", "`false`",
      "Apply `exclude` and `extend-exclude` to paths named on the command line too (as `--force-exclude` "
      "does): a named file is skipped when it, or a directory above it up to the configuration file's "
      "directory, is excluded. Meant for pre-commit, which names every changed file."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.force_exclude = read_bool(v, r, "force-exclude");
     }},
    {{"target-version", "string", "from `[project] requires-python`, else `\"py39\"`",
      "The oldest Python version the code supports: `\"py39\"` … `\"py313\"`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       const std::vector<std::string> spelled = cost::python_version_names();
       const std::vector<std::string_view> names(spelled.begin(), spelled.end());
       out.target_version = cost::parse_python_version(read_choice(v, r, "target-version", names));
     }},
    {{"output-format", "string", "`\"full\"`",
      "The report format (one of the names below). Read from the configuration of the working directory; "
      "`--output-format` and `$PYPERF_LINT_OUTPUT_FORMAT` win."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.output_format = report::find_format(read_choice(v, r, "output-format", format_names()))->format;
     }},
    {{"preview", "boolean", "`false`", "Enable preview rules (as `--preview` does)."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.preview = read_bool(v, r, "preview"); }},
    {{"fix", "boolean", "`false`",
      "Apply the fixes and write the changed files, as `--fix` does (`--no-fix` overrides it)."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.fix = read_bool(v, r, "fix"); }},
    {{"unsafe-fixes", "boolean", "`false`",
      "Apply unsafe fixes too, and mark them fixable (`[*]`), as `--unsafe-fixes` does."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.unsafe_fixes = read_bool(v, r, "unsafe-fixes"); }},
    {{"fixable", "list of rule selectors", "`[\"ALL\"]`",
      "Rules whose fixes may be applied; the others only show theirs."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.fixable = read_selectors(v, r, "fixable"); }},
    {{"extend-fixable", "list of rule selectors", "`[]`", "Rules to add to `fixable`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.extend_fixable = read_selectors(v, r, "extend-fixable");
     }},
    {{"unfixable", "list of rule selectors", "`[]`", "Rules whose fixes are never applied; wins over `fixable`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) { out.unfixable = read_selectors(v, r, "unfixable"); }},
    {{"extend-safe-fixes", "list of rule selectors", "`[]`",
      "Rules whose unsafe fixes count as safe (applied by `--fix`)."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.extend_safe_fixes = read_selectors(v, r, "extend-safe-fixes");
     }},
    {{"extend-unsafe-fixes", "list of rule selectors", "`[]`",
      "Rules whose safe fixes count as unsafe (applied only with `--unsafe-fixes`); wins over "
      "`extend-safe-fixes`."},
     [](const toml::node& v, ConfigFile& out, const Reader& r) {
       out.extend_unsafe_fixes = read_selectors(v, r, "extend-unsafe-fixes");
     }},
};

// The codes the selectors name (preview rules included).
std::set<std::string, std::less<>> codes_of(const std::vector<std::string>& selectors) {
  std::set<std::string, std::less<>> codes;
  for (const std::string& selector : selectors) {
    for (const lint::Rule* rule : lint::rules_matching(selector)) codes.emplace(rule->meta().code);
  }
  return codes;
}

std::string_view option_type_name(lint::OptionType type) {
  switch (type) {
    case lint::OptionType::Bool:
      return "true or false";
    case lint::OptionType::Int:
      return "an integer";
    case lint::OptionType::String:
      return "a string";
    case lint::OptionType::StringList:
      return "an array of strings";
  }
  return "?";
}

RuleOptionValues read_rule_options(const lint::RuleMeta& meta, const toml::table& table, const Reader& r) {
  RuleOptionValues values;
  for (auto&& [key, value] : table) {
    // The lambdas capture the structured bindings through init-captures: capturing them directly is
    // C++20, which clang (and so clang-tidy) supports only from version 16.
    const auto option = std::find_if(meta.options.begin(), meta.options.end(),
                                     [&k = key](const lint::RuleOption& o) { return o.name == k.str(); });
    if (option == meta.options.end()) {
      std::vector<std::string_view> names;
      for (const lint::RuleOption& o : meta.options) names.push_back(o.name);
      r.fail(key.source(), fmt::format("unknown option `{}` for rule `{}` (expected one of: {})", key.str(), meta.name,
                                       fmt::join(names, ", ")));
    }
    const std::string where = fmt::format("{}.{}", meta.name, key.str());
    auto wrong = [&, &v = value] {
      r.fail(v.source(), fmt::format("`{}` must be {}, found {}", where, option_type_name(option->type), type_name(v)));
    };
    switch (option->type) {
      case lint::OptionType::Bool:
        if (!value.is_boolean()) wrong();
        values.emplace(key.str(), value.as_boolean()->get());
        break;
      case lint::OptionType::Int:
        if (!value.is_integer()) wrong();
        values.emplace(key.str(), value.as_integer()->get());
        break;
      case lint::OptionType::String:
        if (!value.is_string()) wrong();
        values.emplace(key.str(), value.as_string()->get());
        break;
      case lint::OptionType::StringList:
        values.emplace(key.str(), read_strings(value, r, where));
        break;
    }
  }
  return values;
}

const lint::RuleMeta* rule_named(std::string_view name) {
  for (const lint::Rule* rule : lint::all_rules()) {
    if (rule->meta().name == name) return &rule->meta();
  }
  return nullptr;
}

void read_table(const toml::table& table, ConfigFile& out, const Reader& r, std::string_view where) {
  for (auto&& [key, value] : table) {
    // An init-capture for the structured binding, as in read_rule_options (clang < 16).
    const auto known =
        std::find_if(std::begin(kKeys), std::end(kKeys), [&n = key](const Key& k) { return k.doc.name == n.str(); });
    if (known != std::end(kKeys)) {
      known->read(value, out, r);
      continue;
    }
    if (const lint::RuleMeta* rule = rule_named(key.str())) {
      if (rule->options.empty()) {
        r.fail(key.source(), fmt::format("unknown key `{}` in {}: rule `{}` has no options (a rule's table is only "
                                         "accepted for rules that declare options)",
                                         key.str(), where, rule->name));
      }
      if (!value.is_table()) r.fail(value.source(), fmt::format("`{}` must be a table of options", key.str()));
      out.rule_options[std::string(rule->code)] = read_rule_options(*rule, *value.as_table(), r);
      continue;
    }
    std::vector<std::string_view> names;
    for (const Key& k : kKeys) names.push_back(k.doc.name);
    const std::string hint = key.str() == "lint" ? " (pyperf-lint's keys are not nested under `lint`)" : "";
    r.fail(key.source(), fmt::format("unknown key `{}` in {}{} (expected one of: {})", key.str(), where, hint,
                                     fmt::join(names, ", ")));
  }
}

toml::table parse_toml(std::string_view text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(fmt::format("{}:{}: invalid TOML: {}", path, e.source().begin.line, e.description()));
  }
}

// Configuration files are small; anything larger is not one (and /dev/zero never ends).
constexpr std::uint64_t kMaxConfigFile = 1'000'000;

std::string read_text(const std::string& path) {
  std::string text;
  if (const std::optional<ReadError> error = read_regular_file(path, kMaxConfigFile, text)) {
    throw ConfigError(fmt::format("{}: cannot read the configuration file: {}", path, error->reason));
  }
  return text;
}

std::string display_path(const std::string& absolute, const std::string& cwd) {
  if (absolute.size() > cwd.size() + 1 && absolute.starts_with(cwd) && absolute[cwd.size()] == '/') {
    return absolute.substr(cwd.size() + 1);
  }
  return absolute;
}

std::string toml_quoted(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `[project] requires-python`; a value that is not a version specifier is a mistake, not "no bound".
std::optional<cost::PythonVersion> requires_python_of(const toml::table& root, const std::string& path) {
  const toml::node* node = root["project"]["requires-python"].node();
  if (node == nullptr) return std::nullopt;
  const Reader r{path};
  const auto* spec = node->as_string();
  if (spec == nullptr) {
    r.fail(node->source(),
           fmt::format("`project.requires-python` must be a version specifier string such as \">=3.10\", found {}",
                       type_name(*node)));
  }
  if (!cost::is_version_specifier(spec->get())) {
    r.fail(node->source(), fmt::format("`project.requires-python` is not a PEP 440 version specifier: {} (expected "
                                       "comma-separated clauses such as \">=3.10\" or \">=3.9, <4\")",
                                       toml_quoted(spec->get())));
  }
  return cost::from_requires_python(spec->get());
}

std::string string_list(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const std::string& item : items) out.push_back(toml_quoted(item));
  return fmt::format("[{}]", fmt::join(out, ", "));
}

std::string rule_list(const std::vector<const lint::Rule*>& rules) {
  std::vector<std::string> codes;
  codes.reserve(rules.size());
  for (const lint::Rule* rule : rules) codes.emplace_back(rule->meta().code);
  return string_list(codes);
}

}  // namespace

std::vector<ConfigKeyDoc> config_keys() {
  std::vector<ConfigKeyDoc> out;
  for (const Key& key : kKeys) out.push_back(key.doc);
  return out;
}

std::string output_format_list() {
  std::vector<std::string> names;
  for (const report::Format& format : report::formats()) names.push_back(fmt::format("`{}`", format.name));
  return fmt::format("{}", fmt::join(names, ", "));
}

std::vector<std::string_view> default_excludes() {
  return {kDefaultExcludes.begin(), kDefaultExcludes.end()};
}

ConfigFile parse_config(std::string_view text, const std::string& path, const std::string& dir, bool pyproject) {
  const toml::table root = parse_toml(text, path);
  const Reader r{path};
  ConfigFile out;
  out.path = path;
  out.dir = dir;
  const toml::table* ours = &root;
  if (pyproject) {
    const toml::node* node = nullptr;
    if (const toml::table* tool = root["tool"].as_table()) node = tool->get("pyperf-lint");
    if (node == nullptr) {
      out.applies = false;
      return out;
    }
    out.requires_python = requires_python_of(root, path);
    ours = node->as_table();
    if (ours == nullptr)
      r.fail(node->source(), fmt::format("`tool.pyperf-lint` must be a table, found {}", type_name(*node)));
  }
  read_table(*ours, out, r, pyproject ? "[tool.pyperf-lint]" : "the configuration");
  return out;
}

ConfigFile load_config(const std::string& path) {
  const std::string absolute = normalized_absolute(path);
  const bool pyproject = fs::path(absolute).filename() == "pyproject.toml";
  return parse_config(read_text(path), path, parent_directory(absolute), pyproject);
}

RuleOptionValues parse_rule_options(const lint::RuleMeta& meta, std::string_view table_text, const std::string& path) {
  return read_rule_options(meta, parse_toml(table_text, path), Reader{path});
}

std::string normalized_absolute(std::string_view path) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(path), ec);
  if (ec) abs = fs::path(path);
  std::string out = abs.lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string parent_directory(const std::string& absolute) {
  const std::size_t slash = absolute.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return absolute.substr(0, slash);
}

std::vector<const lint::Rule*> ProjectSettings::rules_for(std::string_view absolute) const {
  std::vector<const lint::Rule*> out = rules;
  const std::size_t slash = absolute.find_last_of('/');
  const std::string_view basename = slash == std::string_view::npos ? absolute : absolute.substr(slash + 1);
  for (const PerFileIgnore& entry : per_file_ignores) {
    if (!entry.applies_to(absolute, basename)) continue;
    std::erase_if(out, [&](const lint::Rule* rule) {
      return std::find(entry.rules.begin(), entry.rules.end(), rule) != entry.rules.end();
    });
  }
  return out;
}

bool ProjectSettings::is_excluded(std::string_view absolute, std::string_view basename) const {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&](const PathPattern& pattern) { return pattern.matches(absolute, basename); });
}

ConfigResolver::ConfigResolver(const Settings& cli) : cli_(cli), cwd_(normalized_absolute(".")) {
  if (!cli.config_file.empty()) {
    fixed_ = &make(load_config(cli.config_file));
  } else if (cli.isolated) {
    ConfigFile none;
    none.dir = cwd_;
    fixed_ = &make(std::move(none));
  }
}

const ProjectSettings& ConfigResolver::make(ConfigFile file) {
  ProjectSettings s;
  s.config_path = file.path;
  s.root = file.dir;
  s.preview = cli_.selection.preview || file.preview.value_or(false);
  lint::SelectionLayer cli_layer;
  if (!cli_.selection.select.empty()) cli_layer.select = cli_.selection.select;
  cli_layer.extend_select = cli_.selection.extend_select;
  cli_layer.ignore = cli_.selection.ignore;
  const lint::SelectionLayer layers[] = {{file.select, file.extend_select, file.ignore}, cli_layer};
  lint::SelectionResult selected = lint::select_rules(layers, s.preview);
  if (!selected.error.empty()) throw ConfigError(selected.error);
  s.rules = std::move(selected.rules);

  std::vector<std::string> patterns;
  if (file.exclude) {
    patterns = *file.exclude;
  } else {
    patterns.assign(kDefaultExcludes.begin(), kDefaultExcludes.end());
  }
  patterns.insert(patterns.end(), file.extend_exclude.begin(), file.extend_exclude.end());
  for (const std::string& pattern : patterns) {
    if (auto compiled = PathPattern::compile(pattern, file.dir)) s.exclude.push_back(std::move(*compiled));
  }
  s.per_file_ignores = file.per_file_ignores;
  s.respect_gitignore = file.respect_gitignore.value_or(true);
  s.force_exclude = cli_.force_exclude || file.force_exclude.value_or(false);
  s.target_version =
      cli_.target_version.value_or(file.target_version.value_or(file.requires_python.value_or(cost::kOldestVersion)));
  s.output_format = file.output_format;
  s.fix = cli_.diff || cli_.fix_only || cli_.fix.value_or(file.fix.value_or(false));
  const bool unsafe = cli_.unsafe_fixes.value_or(file.unsafe_fixes.value_or(false));
  s.fix_policy.threshold = unsafe ? lint::Applicability::Unsafe : lint::Applicability::Safe;
  if (file.fixable) {
    std::vector<std::string> fixable = *file.fixable;
    fixable.insert(fixable.end(), file.extend_fixable.begin(), file.extend_fixable.end());
    s.fix_policy.fixable = codes_of(fixable);
  }
  s.fix_policy.unfixable = codes_of(file.unfixable);
  s.fix_policy.extend_safe = codes_of(file.extend_safe_fixes);
  s.fix_policy.extend_unsafe = codes_of(file.extend_unsafe_fixes);
  for (const std::string& code : s.fix_policy.extend_unsafe) s.fix_policy.extend_safe.erase(code);
  s.file = std::move(file);
  settings_.push_back(std::move(s));
  return settings_.back();
}

std::optional<ConfigFile> ConfigResolver::config_in(const std::string& dir) const {
  for (const std::string_view name : kConfigNames) {
    const std::string absolute = dir == "/" ? fmt::format("/{}", name) : fmt::format("{}/{}", dir, name);
    std::error_code ec;
    if (!fs::is_regular_file(absolute, ec)) continue;
    const bool pyproject = name == "pyproject.toml";
    ConfigFile file = parse_config(read_text(absolute), display_path(absolute, cwd_), dir, pyproject);
    if (!file.applies) continue;
    if (!pyproject && !file.target_version) {
      // Like ruff: a standalone file without target-version takes requires-python from its neighbour.
      const std::string neighbour = dir == "/" ? "/pyproject.toml" : dir + "/pyproject.toml";
      if (fs::is_regular_file(neighbour, ec)) {
        try {
          file.requires_python =
              requires_python_of(toml::parse(read_text(neighbour), neighbour), display_path(neighbour, cwd_));
        } catch (const toml::parse_error&) {
          // Not our file to judge; the default applies.
        }
      }
    }
    return file;
  }
  return std::nullopt;
}

const ProjectSettings& ConfigResolver::for_directory(const std::string& absolute_dir) {
  if (fixed_ != nullptr) return *fixed_;
  std::vector<std::string> chain;
  std::string dir = absolute_dir;
  const ProjectSettings* found = nullptr;
  for (;;) {
    if (const auto it = by_dir_.find(dir); it != by_dir_.end()) {
      found = it->second;
      break;
    }
    chain.push_back(dir);
    if (auto file = config_in(dir)) {
      found = &make(std::move(*file));
      break;
    }
    const std::string parent = parent_directory(dir);
    if (parent == dir) {
      if (defaults_ == nullptr) {
        ConfigFile none;
        none.dir = cwd_;
        defaults_ = &make(std::move(none));
      }
      found = defaults_;
      break;
    }
    dir = parent;
  }
  for (const std::string& d : chain) by_dir_[d] = found;
  return *found;
}

const ProjectSettings& ConfigResolver::for_file(const std::string& absolute_file) {
  return for_directory(parent_directory(absolute_file));
}

std::string describe_settings(const ProjectSettings& s, const std::string& path, report::OutputFormat format) {
  const std::string absolute = normalized_absolute(path);
  std::string out = fmt::format("# Resolved settings for: {}\n", path);
  out += fmt::format("# Configuration file: {}\n",
                     s.config_path.empty() ? "none (built-in defaults)" : normalized_absolute(s.config_path));
  out += fmt::format("# Rules enabled for this file: {}\n", rule_list(s.rules_for(absolute)));
  out += fmt::format("select = {}\n", rule_list(s.rules));
  out += fmt::format("extend-select = {}\n", string_list(s.file.extend_select));
  out += fmt::format("ignore = {}\n", string_list(s.file.ignore));
  std::vector<std::string> ignores;
  for (const PerFileIgnore& entry : s.per_file_ignores) {
    ignores.push_back(fmt::format("{} = {}", toml_quoted(entry.written()), string_list(entry.selectors)));
  }
  out += fmt::format("per-file-ignores = {{ {} }}\n", fmt::join(ignores, ", "));
  std::vector<std::string> exclude;
  for (const PathPattern& pattern : s.exclude) exclude.push_back(pattern.pattern());
  out += fmt::format("exclude = {}\n", string_list(exclude));
  out += fmt::format("extend-exclude = {}\n", string_list(s.file.extend_exclude));
  out += fmt::format("respect-gitignore = {}\n", s.respect_gitignore);
  out += fmt::format("force-exclude = {}\n", s.force_exclude);
  out += fmt::format("target-version = \"{}\"\n", cost::to_string(s.target_version));
  out += fmt::format("output-format = \"{}\"\n", report::format_of(format).name);
  out += fmt::format("preview = {}\n", s.preview);
  out += fmt::format("fix = {}\n", s.fix);
  out += fmt::format("unsafe-fixes = {}\n", s.fix_policy.threshold == lint::Applicability::Unsafe);
  const auto codes = [](const std::set<std::string, std::less<>>& set) {
    return string_list(std::vector<std::string>(set.begin(), set.end()));
  };
  out += fmt::format("fixable = {}\n", s.fix_policy.fixable ? codes(*s.fix_policy.fixable) : "[\"ALL\"]");
  out += fmt::format("extend-fixable = {}\n", string_list(s.file.extend_fixable));
  out += fmt::format("unfixable = {}\n", codes(s.fix_policy.unfixable));
  out += fmt::format("extend-safe-fixes = {}\n", codes(s.fix_policy.extend_safe));
  out += fmt::format("extend-unsafe-fixes = {}\n", codes(s.fix_policy.extend_unsafe));
  for (const auto& [code, values] : s.file.rule_options) {
    out += fmt::format("[{}]  # options\n", lint::find_rule(code)->meta().name);
    for (const auto& [name, value] : values) {
      std::string text = std::visit(
          [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) {
              return toml_quoted(v);
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
              return string_list(v);
            } else {
              return fmt::format("{}", v);
            }
          },
          value);
      out += fmt::format("{} = {}\n", name, text);
    }
  }
  return out;
}

}  // namespace pyperf::app
