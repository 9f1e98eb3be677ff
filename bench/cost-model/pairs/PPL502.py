"""PPL502 invariant-collection-in-loop: `set(L)` rebuilt every iteration from unchanged input -> build it once.

Main pair `set-hoisted`, mirroring the rule's fixture `filter_rows`: `for row in rows: if row in
set(allowed)` -> `allowed_set = set(allowed)` before the loop.

Variant `sorted-hoisted`, the fixture's `for key in sorted(table)` inside the outer loop ->
`keys = sorted(table)` before it (the inner loop still runs every time). Same advice for another
flagged builder: gated.

n is len(allowed) (or len(table)) and the number of outer iterations.

FIRES_FROM = 10, the smallest size measured: rules/constant/invariant_collection_in_loop.cpp fires
when the input is a known re-iterable collection unchanged by the loop and the result is only read
in place, with no size threshold.
"""

import random

CODE = "PPL502"
NAME = "invariant-collection-in-loop"
VARIANT = "set-hoisted"
N = "len(allowed) = number of rows tested (half hit)"
BEFORE = "for row in rows: if row in set(allowed): ..."
AFTER = "allowed_set = set(allowed)  # once, before the loop; then `row in allowed_set`"
SIZES = (10, 100, 1000, 2000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(502)
    keys = rng.sample(range(20 * n), 2 * n)
    allowed = ["role%d" % k for k in keys[:n]]
    rows = ["role%d" % k for k in rng.sample(keys[:n], n // 2)] + ["role%d" % k for k in keys[n : 2 * n - n // 2]]
    rng.shuffle(rows)
    return allowed, rows


def before(inputs):
    allowed, rows = inputs
    kept = []
    for row in rows:
        if row in set(allowed):
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


def _setup_table(n):
    rng = random.Random(5021)
    table = {"k%d" % rng.randrange(10**6): i for i in range(n)}
    return table, list(range(n))


def _before_sorted(inputs):
    table, rows = inputs
    total = 0
    for row in rows:
        for key in sorted(table):
            total += table[key] * row
    return total


def _after_sorted(inputs):
    table, rows = inputs
    keys = sorted(table)
    total = 0
    for row in rows:
        for key in keys:
            total += table[key] * row
    return total


VARIANTS = {
    "sorted-hoisted": {
        "setup": _setup_table,
        "before": _before_sorted,
        "after": _after_sorted,
        "sizes": (10, 100, 500),
        "before_text": "for row in rows: for key in sorted(table): ...",
        "after_text": "keys = sorted(table)  # once; then for row in rows: for key in keys: ...",
        "n_means": "len(table) = number of outer iterations",
    },
}
