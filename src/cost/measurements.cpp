#include "cost/measurements.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace pyperf::cost {
namespace {

// Generated: bench/cost-model/gen_cpp.py writes kMeasurements and kMeasuredVersions.
#include "cost/measurements.inc"

// The measured size to use for `size`: the largest measured size not above it (or the smallest).
std::uint32_t bucket(std::span<const std::uint32_t> sizes, std::uint64_t size) {
  std::uint32_t chosen = sizes.front();
  for (const std::uint32_t n : sizes) {
    if (n <= size) chosen = std::max(chosen, n);
  }
  return chosen;
}

std::vector<const Measurement*> rows_for(std::string_view rule, std::string_view variant, PythonVersion target) {
  std::vector<const Measurement*> out;
  for (const Measurement& m : kMeasurements) {
    const bool wanted = variant.empty() ? m.main : m.variant == variant;
    if (m.rule == rule && wanted && m.minor >= minor_of(target)) out.push_back(&m);
  }
  return out;
}

std::vector<std::uint32_t> sizes_of(const std::vector<const Measurement*>& rows, std::uint8_t minor) {
  std::vector<std::uint32_t> sizes;
  for (const Measurement* m : rows) {
    if (m->minor == minor) sizes.push_back(m->n);
  }
  std::sort(sizes.begin(), sizes.end());
  return sizes;
}

}  // namespace

std::span<const Measurement> measurements() {
  return kMeasurements;
}

std::string_view measured_versions() {
  return kMeasuredVersions;
}

Verdict advice_holds(std::string_view rule, std::string_view variant, PythonVersion target,
                     std::optional<std::uint64_t> size) {
  Verdict v;
  const auto rows = rows_for(rule, variant, target);
  if (rows.empty()) return v;
  v.measured = true;
  v.worst_ratio = 1e300;
  std::vector<double> considered;
  for (const Measurement* m : rows) {
    if (size) {
      const auto sizes = sizes_of(rows, m->minor);
      if (m->n != bucket(sizes, *size)) continue;
    } else if (m->n < kAssumedSize) {
      continue;
    }
    considered.push_back(m->ratio);
    if (m->ratio < v.worst_ratio) {
      v.worst_ratio = m->ratio;
      v.worst_minor = m->minor;
      v.worst_n = m->n;
    }
  }
  if (considered.empty()) return v;
  std::sort(considered.begin(), considered.end());
  v.median_ratio = considered[considered.size() / 2];
  v.holds = v.worst_ratio >= kNeutralRatio && v.median_ratio >= kMinimumGain;
  return v;
}

std::optional<double> typical_ratio(std::string_view rule, std::string_view variant, PythonVersion target,
                                    std::optional<std::uint64_t> size) {
  const auto rows = rows_for(rule, variant, target);
  if (rows.empty()) return std::nullopt;
  std::vector<double> ratios;
  for (const Measurement* m : rows) {
    const auto sizes = sizes_of(rows, m->minor);
    const std::uint32_t n = size ? bucket(sizes, *size) : sizes.back();
    if (m->n == n) ratios.push_back(m->ratio);
  }
  if (ratios.empty()) return std::nullopt;
  std::sort(ratios.begin(), ratios.end());
  return ratios[ratios.size() / 2];
}

}  // namespace pyperf::cost
