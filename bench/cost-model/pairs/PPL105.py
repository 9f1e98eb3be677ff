"""PPL105 list-count-in-loop: `L.count(v)` in a loop -> `collections.Counter(L)` built once.

Mirrors the rule's fixture `for w in set(words): print(w, words.count(w))`: one count per distinct
value. The advice, measured as `counter-once`: `Counter(words)` before the loop, then `c[w]`.

n is len(words); the words come from a vocabulary of n/5 values (at least 2).

FIRES_FROM = 10, the smallest size measured: rules/lookup/list_count_in_loop.cpp fires for
`L.count(x)` on a known list unchanged by the loop, with no size threshold.
"""

import collections
import random

CODE = "PPL105"
NAME = "list-count-in-loop"
VARIANT = "counter-once"
N = "len(words) (vocabulary of n/5 distinct words)"
BEFORE = "for w in set(words): counts[w] = words.count(w)"
AFTER = "c = collections.Counter(words)  # once; then counts[w] = c[w]"
SIZES = (10, 100, 1000, 3000)
FIRES_FROM = 10
_SMALL = (
    "n = 10 (two distinct words): Counter's fixed cost (Python-level __init__ and update) "
    "exceeds two counts over ten elements; wins from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    rng = random.Random(105)
    vocabulary = max(2, n // 5)
    return ["w%d" % rng.randrange(vocabulary) for _ in range(n)]


def before(words):
    counts = {}
    for w in set(words):
        counts[w] = words.count(w)
    return counts


def after(words):
    c = collections.Counter(words)
    counts = {}
    for w in set(words):
        counts[w] = c[w]
    return counts
