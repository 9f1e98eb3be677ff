"""PPL106 dedup-with-list: `if x not in seen: seen.append(x)` -> track the seen items in a set.

Mirrors the rule's fixture `unique(items)` (which returns the de-duplicated list, so the order of
first appearance is observable). The rule's first advice, measured as `seen-set`: keep a set of
seen items beside the output list; the output is the same list in the same order.

Variant `dict-fromkeys` (the rule's second advice, for when order matters): `list(dict.fromkeys(items))`.
Measured and reported, not gated: the set is the rule's first recommendation.

n is len(items); values come from n/2 distinct strings.

FIRES_FROM = 10, the smallest size measured: rules/lookup/dedup_with_list.cpp fires for the pattern
on a known list inside any loop, with no size threshold.
"""

import random

CODE = "PPL106"
NAME = "dedup-with-list"
VARIANT = "seen-set"
N = "len(items) (n/2 distinct values)"
BEFORE = "seen = []; for item in items: if item not in seen: seen.append(item)"
AFTER = "seen = set(); out = []; for item in items: if item not in seen: seen.add(item); out.append(item)"
SIZES = (10, 100, 1000, 3000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: creating the set and one add() per new item cost about what five short scans "
    "save: even or slightly slower; wins from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    rng = random.Random(106)
    distinct = max(2, n // 2)
    return ["v%d" % rng.randrange(distinct) for _ in range(n)]


def before(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def after(items):
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _after_fromkeys(items):
    return list(dict.fromkeys(items))


VARIANTS = {
    "dict-fromkeys": {
        "after": _after_fromkeys,
        "after_text": "seen = list(dict.fromkeys(items))",
        "alternative": "second advice (the message offers the set first)",
    },
}
