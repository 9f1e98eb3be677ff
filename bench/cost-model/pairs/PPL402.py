"""PPL402 sorted-for-min-max: `sorted(x)[0]` -> `min(x)` (and `[-1]` -> `max`, `key=` kept).

Main pair `min`: `sorted(values)[0]` -> `min(values)` on random ints (reference case 07a).
Variant `min-key`, the rule's doc example `cheapest = sorted(offers, key=price)[0]` ->
`min(offers, key=price)` on dict records. Variant `max`: `newest = sorted(timestamps)[-1]` ->
`max(timestamps)` (ints: no ties that differ, so the two agree). All are the rule's default advice
for a flagged form: gated.

n is len(values).

FIRES_FROM = 10, the smallest size measured: rules/materialize/sorted_for_min_max.cpp fires on
every such subscript, with no size or loop condition.
"""

import random

CODE = "PPL402"
NAME = "sorted-for-min-max"
VARIANT = "min"
N = "len(values)"
BEFORE = "lowest = sorted(values)[0]"
AFTER = "lowest = min(values)"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: sorting ten elements costs about what min()/max() cost: list.sort pre-checks the types "
    "and compares with a specialised function (unsafe_long_compare), min()/max() use the generic "
    "rich comparison per element: even or up to ~20% slower (3.12), wins from n = 100"
)
SLOWER_ON = {(v, 10): _SMALL for v in ("3.9", "3.10", "3.11", "3.12")}


def setup(n):
    rng = random.Random(402)
    return [rng.randrange(10**9) for _ in range(n)]


def before(values):
    return sorted(values)[0]


def after(values):
    return min(values)


def _price(offer):
    return offer["price"]


def _setup_offers(n):
    rng = random.Random(4021)
    return [{"id": i, "price": rng.randrange(10**6)} for i in range(n)]


def _before_key(offers):
    return sorted(offers, key=_price)[0]


def _after_key(offers):
    return min(offers, key=_price)


def _before_max(values):
    return sorted(values)[-1]


def _after_max(values):
    return max(values)


VARIANTS = {
    "min-key": {
        "slower_on": {(v, 10): _SMALL for v in ("3.9", "3.10", "3.11", "3.12")},
        "setup": _setup_offers,
        "before": _before_key,
        "after": _after_key,
        "before_text": "cheapest = sorted(offers, key=price)[0]",
        "after_text": "cheapest = min(offers, key=price)",
        "n_means": "len(offers)",
    },
    "max": {
        "slower_on": {(v, 10): _SMALL for v in ("3.9", "3.10", "3.11", "3.12")},
        "before": _before_max,
        "after": _after_max,
        "before_text": "newest = sorted(timestamps)[-1]",
        "after_text": "newest = max(timestamps)",
    },
}
