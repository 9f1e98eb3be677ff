#pragma once
// The cost table: (collection, operation) -> complexity, with the CPython source that establishes
// it. Rules cite entries by id in their metadata; messages, JSON/SARIF `cost` and docs read them
// from here, so a complexity is written down once.

#include <cstdint>
#include <optional>
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
  std::string_view note;     // measured constant or caveat, measured in bench/cost-model
};

std::span<const Entry> table();
// nullptr when no entry has this id.
const Entry* find(std::string_view id);

// What an operation costs before a rewrite and after it.
struct Change {
  const Entry& before;
  const Entry& after;
};
// Both entries, or nullopt when either id names none (tool rules cite no cost).
std::optional<Change> find_change(std::string_view before_id, std::string_view after_id);

}  // namespace pyperf::cost
