"""PPL101 membership-test-on-list: `x in L` on a list, repeated in a loop (or on every call).

Mirrors the rule's fixture and doc example: `for row in rows: if row in allowed`, where `allowed`
is a list built at run time (here by a comprehension) and not changed by the loop. The rule's
default advice, measured here as `set-built-once`: build a set once before the loop and test
against it; the set build is part of the timed "after".

n is len(allowed) and also the number of rows tested (half of them hit). The rows are fresh string
objects, as when they come from input, so no test is decided by object identity.

FIRES_FROM = 10, the smallest size measured: for a list that is not a literal display the rule has
no size threshold (rules/lookup/membership_test_on_list.cpp skips only literal displays of fewer
than 3 strings or 5 other constants, `small_literal()`), and it fires in any loop that leaves the
list unchanged, whatever the trip count.

Variant `module-frozenset`: the rule's second form, a module-level list tested inside a function
(`def is_blocked(word): return word in BLOCKED`), advice "define it as a set or frozenset". The
frozenset is built once at import time, so it is built in setup and not timed. Fires from the
smallest size for the same reason.
"""

import random

CODE = "PPL101"
NAME = "membership-test-on-list"
VARIANT = "set-built-once"
N = "len(allowed) = number of rows tested (half hit)"
BEFORE = "for row in rows: if row in allowed: ...   # allowed: a list"
AFTER = "allowed_set = set(allowed)  # once, before the loop; then `row in allowed_set`"
SIZES = (10, 100, 1000, 2000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(101)
    keys = rng.sample(range(20 * n), 2 * n)
    allowed = ["user%d" % k for k in keys[:n]]
    hits = ["user%d" % k for k in rng.sample(keys[:n], n // 2)]
    misses = ["user%d" % k for k in keys[n : 2 * n - n // 2]]
    rows = hits + misses
    rng.shuffle(rows)
    return allowed, rows


def before(inputs):
    allowed, rows = inputs
    kept = []
    for row in rows:
        if row in allowed:
            kept.append(row)
    return kept


def after(inputs):
    allowed, rows = inputs
    allowed_set = set(allowed)
    kept = []
    for row in rows:
        if row in allowed_set:
            kept.append(row)
    return kept


def _setup_module_level(n):
    allowed, rows = setup(n)
    # BLOCKED is a module-level list; the advice defines it as a frozenset instead (built at import).
    return {"BLOCKED": allowed, "BLOCKED_SET": frozenset(allowed), "rows": rows}


def _is_blocked_list(g, word):
    return word in g["BLOCKED"]


def _is_blocked_set(g, word):
    return word in g["BLOCKED_SET"]


def _before_module_level(g):
    return [word for word in g["rows"] if _is_blocked_list(g, word)]


def _after_module_level(g):
    return [word for word in g["rows"] if _is_blocked_set(g, word)]


VARIANTS = {
    "module-frozenset": {
        "setup": _setup_module_level,
        "before": _before_module_level,
        "after": _after_module_level,
        "before_text": "def is_blocked(word): return word in BLOCKED   # module-level list",
        "after_text": "BLOCKED = frozenset(...) at module level (built once at import)",
        "n_means": "len(BLOCKED) = number of calls (half hit)",
    },
}
