#pragma once
// The CPython versions pyperf-lint knows: the cost model is measured on each of them, and
// `target-version` (command line, configuration, `requires-python`, fixture headers) names one.
// One type, one parser, one list of names for all of those.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyperf::cost {

// A CPython 3 minor version; the enumerator's value is the minor number.
enum class PythonVersion : std::uint8_t { Py39 = 9, Py310 = 10, Py311 = 11, Py312 = 12, Py313 = 13 };
inline constexpr std::array kPythonVersions = {PythonVersion::Py39, PythonVersion::Py310, PythonVersion::Py311,
                                               PythonVersion::Py312, PythonVersion::Py313};
inline constexpr PythonVersion kOldestVersion = kPythonVersions.front();
inline constexpr PythonVersion kNewestVersion = kPythonVersions.back();

constexpr int minor_of(PythonVersion version) {
  return static_cast<int>(version);
}

std::string_view to_string(PythonVersion version);  // "py311", ruff's spelling
std::string dotted(PythonVersion version);          // "3.11"
// Every name to_string() gives, oldest first.
std::vector<std::string> python_version_names();

// "py311" or "3.11" (a patch level may follow: "3.11.4"); nullopt outside 3.9-3.13.
std::optional<PythonVersion> parse_python_version(std::string_view text);

// The lowest version a PEP 440 `requires-python` specifier allows (">=3.10", "~=3.12.1",
// ">3.9", "==3.13.*"), clamped to the versions above; nullopt when it sets no lower bound.
std::optional<PythonVersion> from_requires_python(std::string_view specifier);

// Whether `specifier` is a PEP 440 version specifier set (comma-separated clauses such as
// ">=3.10", "!= 3.11.*", "~=3.12.1"; the empty set too). pip refuses a package whose
// requires-python is not one, so a configuration holding one is a mistake.
bool is_version_specifier(std::string_view specifier);

}  // namespace pyperf::cost
