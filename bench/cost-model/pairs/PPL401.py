"""PPL401 list-for-first-element: `list(x)[0]` / `[... for ...][0]` -> `next(iter(x))` / `next(...)`.

Main pair `next-iter`, mirroring the rule's doc example `first_key = list(mapping)[0]` on a dict
of n keys -> `next(iter(mapping))`.

Variant `next-generator`, the rule's comprehension form (doc example
`first_big = [row for row in rows if row > limit][0]` -> `next(row for row in rows if row > limit)`),
on random values of which about 10% pass the filter (the last one always does, so a match exists):
the first match is typically near the front. Same advice for another flagged form: gated.

n is len(mapping) / len(rows).

FIRES_FROM = 10, the smallest size measured: rules/materialize/list_for_first_element.cpp fires on
every `list(x)[0]`, `tuple(x)[0]` and `[...][0]`, with no size or loop condition.
"""

import random

CODE = "PPL401"
NAME = "list-for-first-element"
VARIANT = "next-iter"
N = "len(mapping)"
BEFORE = "first_key = list(mapping)[0]"
AFTER = "first_key = next(iter(mapping))"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(401)
    keys = rng.sample(range(10 * n), n)
    return {"key%d" % k: k for k in keys}


def before(mapping):
    return list(mapping)[0]


def after(mapping):
    return next(iter(mapping))


_GENERATOR_SMALL = (
    "n = 10: creating and starting a generator costs more than a 10-element list comprehension "
    "(most on 3.12, which inlines comprehensions, PEP 709); wins from n = 100"
)


def _setup_rows(n):
    rng = random.Random(4011)
    rows = [rng.randrange(1000) for _ in range(n - 1)]
    rows.append(999)
    return rows, 900


def _before_comprehension(inputs):
    rows, limit = inputs
    return [row for row in rows if row > limit][0]


def _after_generator(inputs):
    rows, limit = inputs
    return next(row for row in rows if row > limit)


VARIANTS = {
    "next-generator": {
        "slower_on": {(v, 10): _GENERATOR_SMALL for v in ("3.9", "3.10", "3.11", "3.12", "3.13")},
        "setup": _setup_rows,
        "before": _before_comprehension,
        "after": _after_generator,
        "before_text": "first_big = [row for row in rows if row > limit][0]",
        "after_text": "first_big = next(row for row in rows if row > limit)",
        "n_means": "len(rows) (about 10% pass the filter)",
    },
}
