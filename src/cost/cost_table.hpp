#pragma once
// The cost table: (collection, operation) -> complexity, with the CPython source that establishes
// it. Rules cite entries by id in their metadata; messages, JSON/SARIF `cost` and docs read them
// from here, so a complexity is written down once.

#include <cstdint>
#include <span>
#include <string_view>

namespace pyperf::cost {

enum class Complexity : std::uint8_t {
  Constant,     // O(1)
  Logarithmic,  // O(log n)
  FirstMatch,   // O(k): stops at the first match
  Linear,       // O(n)
  NLogK,        // O(n log k)
  NLogN,        // O(n log n)
  Quadratic,    // O(n²)
};

std::string_view to_string(Complexity complexity);

struct Entry {
  std::string_view id;          // "list.contains"
  std::string_view collection;  // "list"
  std::string_view operation;   // "x in lst"
  Complexity average;
  Complexity worst;
  std::string_view cpython;  // source that establishes it
  std::string_view note;     // measured constant or caveat, from shared/reference/cpython-costs.md
};

std::span<const Entry> table();
// nullptr when no entry has this id.
const Entry* find(std::string_view id);

}  // namespace pyperf::cost
