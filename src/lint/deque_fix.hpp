#pragma once
// The multi-site fix of the queue rules (PPL201/202/203): a list variable becomes a
// collections.deque, with every front operation rewritten (`pop(0)` -> `popleft()`,
// `insert(0, x)` -> `appendleft(x)`, `del q[0]` -> `q.popleft()`). Every finding on one list
// carries the same fix, computed from the variable alone, so the fixer merges them into one.

#include <optional>

#include "lint/fix.hpp"
#include "semantic/model.hpp"

namespace pyperf::lint {

class Context;

// The fix, or nullopt when some use of the variable would behave differently on a deque, when
// its one binding is not a fresh list we can wrap, or when neither `deque` (from collections) nor
// `collections.deque` (with `import collections`) can be written. Safe for a function local;
// Unsafe for a module-level name (another module may import it and expect a list).
std::optional<Fix> list_to_deque_fix(const semantic::Model::Variable& variable, const Context& ctx);

}  // namespace pyperf::lint
