#pragma once
// The fix of the accumulator rules (PPL302/PPL303): `s += piece` in a loop becomes
// `s_parts.append(piece)`, with `s_parts = [s]` before the loop and `s = "".join(s_parts)` after it.
// Every accumulation of the same name in the same loop gets the same fix, so the fixer merges them.

#include <optional>

#include "lint/fix.hpp"
#include "semantic/model.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

class Context;

// `statement` is a `s += piece` / `s = s + piece` that the rule flagged in its innermost loop, s a
// plain function local holding `kind` (Str or Bytes). The fix covers the outermost enclosing loop
// of the same function in which s is only ever accumulated; nullopt when s is read, rebound or
// deleted in the innermost loop (or its header / else), or the loop does not start its own line.
// Safe when every piece is known to be of `kind` and no try/with around the loop could observe the
// accumulator after an exception; Unsafe otherwise.
// True when a try or with statement encloses `statement` within its function: an exception leaving
// the statement may be caught (or suppressed) and what it built read half-way (used by PPL301 too).
bool enclosed_by_try_or_with(const syntax::Node& statement);

std::optional<Fix> concat_to_join_fix(const syntax::Node& statement, semantic::ValueKind kind, const Context& ctx);

}  // namespace pyperf::lint
