"""PPL301 manual-list-comprehension: a loop whose only effect is one append -> a list comprehension.

Mirrors rules/build/manual_list_comprehension.cpp and the catalog: a `for` loop right after
`out = []` that only appends one value, optionally under one `if`, to that list. Before: `out = []; for x in xs: if x % 3: out.append(x * 2 + 1)`;
after: `out = [x * 2 + 1 for x in xs if x % 3]`.

n is len(xs).

FIRES_FROM = 100: the rule reports only where `cost::advice_holds()` finds the measured ratio at
least kNeutralRatio (0.97) on every version from the target on; at a visible loop size (a literal
display, `range(N)`) the ratio measured at that size decides (so it stays silent on 3.11 at 10),
and at an unknown size it assumes n >= kAssumedSize = 100 (src/cost/measurements.hpp).
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
