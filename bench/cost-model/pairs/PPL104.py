"""PPL104 list-index-in-loop: `L.index(v)` in a loop -> a dict of first positions built once.

Mirrors the rule's fixture (`for item in order: print(ranking.index(item))`) and message: the
advice is to index the first positions once before the loop with a plain loop, `pos = {}` then
`for i, v in enumerate(L): pos.setdefault(v, i)`, and look each value up with `pos[v]`.
`setdefault` keeps the position stored first, so a repeated value maps to its *first* position,
exactly like `index()`. The list here holds repeated values so that the equivalence check covers
that.

n is len(ranking) and the number of lookups (all hit: `index()` raises on a miss).

FIRES_FROM = 10, the smallest size measured: rules/lookup/list_index_in_loop.cpp fires for
`L.index(x)` (one argument) on a known list unchanged by the loop, with no size threshold.
"""

import random

CODE = "PPL104"
NAME = "list-index-in-loop"
VARIANT = "position-dict"
N = "len(ranking) = number of lookups"
BEFORE = "for item in order: out.append(ranking.index(item))"
AFTER = "pos = {}; for i, v in enumerate(ranking): pos.setdefault(v, i)  # once; then out.append(pos[item])"
SIZES = (10, 100, 1000, 2000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: building the dict of first positions (an empty dict, then one enumerate step and one "
    "setdefault() call per element) costs more than ten scans of ten elements: 0.66-0.74x on 3.9-3.13; "
    "wins from n = 100 (3.6-5.3x)"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    rng = random.Random(104)
    distinct = max(2, (3 * n) // 4)
    ranking = ["name%d" % rng.randrange(distinct) for _ in range(n)]
    order = ["name%d" % int(rng.choice(ranking)[4:]) for _ in range(n)]
    return ranking, order


def before(inputs):
    ranking, order = inputs
    out = []
    for item in order:
        out.append(ranking.index(item))
    return out


def after(inputs):
    ranking, order = inputs
    pos = {}
    for i, v in enumerate(ranking):
        pos.setdefault(v, i)
    out = []
    for item in order:
        out.append(pos[item])
    return out
