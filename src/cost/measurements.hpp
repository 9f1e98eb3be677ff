#pragma once
// Measured before/after ratios of every rule's advice, per CPython version and input size, from
// bench/cost-model/results.csv (generated into measurements.inc by bench/cost-model/gen_cpp.py).
// They decide where constant-factor ("micro") advice is given: only where it does not make code
// slower on any CPython version the project supports, and they feed each finding's impact score.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cost/python_version.hpp"

namespace pyperf::cost {

struct Measurement {
  std::string_view rule;     // "PPL301"
  std::string_view variant;  // the advice measured, as named in bench/cost-model/pairs
  std::uint8_t minor;        // 11 for CPython 3.11
  std::uint32_t n;           // input size
  double ratio;              // before / after: above 1 the advice is faster
  bool main;                 // the rule's default advice (the pair's VARIANT)
};

std::span<const Measurement> measurements();
// The CPython versions the table was measured on, e.g. "3.9.18, 3.10.13, …".
std::string_view measured_versions();

// Below this ratio the advice counts as slower; between it and 1 the difference is noise.
inline constexpr double kNeutralRatio = 0.97;
// ...and the advice must be worth giving: the median ratio over the versions and sizes considered
// must reach this. A ratio that hovers at 1.00 (dropping .keys() from a for loop) would otherwise
// switch the advice on and off with measurement noise.
inline constexpr double kMinimumGain = 1.03;
// When the source does not show how big the input is, advice must hold from this size up: a
// constant-factor loss on ten elements costs nanoseconds, and most collections worth linting are
// larger. With a visible size (a literal display, range(N)) that size decides.
inline constexpr std::uint32_t kAssumedSize = 100;

struct Verdict {
  bool holds = false;  // never slower on any version in range, and a real gain typically
  double median_ratio = 0;
  bool measured = false;   // the table has data for this rule and variant
  double worst_ratio = 0;  // the lowest ratio considered
  std::uint8_t worst_minor = 0;
  std::uint32_t worst_n = 0;
};

// An empty `variant` below means the rule's default advice.

// Does the rule's advice hold on every version from `target` to 3.13? With a known input size,
// the ratio at the nearest measured size at or below it counts; with an unknown size, every
// measured size from kAssumedSize up does.
Verdict advice_holds(std::string_view rule, std::string_view variant, PythonVersion target,
                     std::optional<std::uint64_t> size);

// The median ratio over versions from `target` on, at the nearest measured size (or the largest
// when the size is unknown); nullopt without data.
std::optional<double> typical_ratio(std::string_view rule, std::string_view variant, PythonVersion target,
                                    std::optional<std::uint64_t> size);

}  // namespace pyperf::cost
