"""PPL403 unnecessary-list-cast: `for p in list(prices)` whose body cannot change `prices` -> `for p in prices`.

Mirrors the rule's fixture `totals(raw)`: `prices = list(raw)`, then `for p in list(prices): total += p`.
The advice: iterate the list directly, saving the copy.

n is len(prices).

FIRES_FROM = 10, the smallest size measured: rules/materialize/unnecessary_list_cast.cpp has no size
condition (it requires that nothing in the loop can reach the original).
"""

import random

CODE = "PPL403"
NAME = "unnecessary-list-cast"
VARIANT = "iterate-directly"
N = "len(prices)"
BEFORE = "for p in list(prices): total += p"
AFTER = "for p in prices: total += p"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(403)
    return [rng.randrange(1000) for _ in range(n)]


def before(prices):
    total = 0
    for p in list(prices):
        total += p
    return total


def after(prices):
    total = 0
    for p in prices:
        total += p
    return total
