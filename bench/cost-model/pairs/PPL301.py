"""PPL301 manual-list-comprehension: a loop whose only effect is one append -> a list comprehension.

Mirrors rules/build/manual_list_comprehension.cpp and the catalog: a `for` loop right after
`out = []` that only appends one value, optionally under one `if`, to that list. Before: `out = []; for x in xs: if x % 3: out.append(x * 2 + 1)`;
after: `out = [x * 2 + 1 for x in xs if x % 3]`.

n is len(xs).

FIRES_FROM = 100: the rule reports only where `cost::advice_holds()` finds no measured ratio below
kNeutralRatio (0.97) and a median ratio of at least kMinimumGain (1.03) over every version from the
target (`--target-version`, default py39) on; at a visible loop size (a literal display,
`range(N)`) the ratios measured at that size decide (at 10: 3.11's cell is below 0.97, and from
py312 the median gain is under 1.03, so it stays silent there on every target), and at an unknown
size it assumes n >= kAssumedSize = 100 (src/cost/measurements.hpp).
"""

import random

CODE = "PPL301"
NAME = "manual-list-comprehension"
VARIANT = "listcomp"
N = "len(xs) (two thirds kept)"
BEFORE = "out = []; for x in xs: if x % 3: out.append(x * 2 + 1)"
AFTER = "out = [x * 2 + 1 for x in xs if x % 3]"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 100


def setup(n):
    rng = random.Random(301)
    return [rng.randrange(10**6) for _ in range(n)]


def before(xs):
    out = []
    for x in xs:
        if x % 3:
            out.append(x * 2 + 1)
    return out


def after(xs):
    out = [x * 2 + 1 for x in xs if x % 3]
    return out
