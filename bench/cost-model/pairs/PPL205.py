"""PPL205 list-remove-in-loop: `L.remove(v)` in a loop -> keep the items in a set and `discard`.

Mirrors the rule's fixture `drop_all(pending, done)`: `for name in done: pending.remove(name)`.
The rule's first advice (for unique, hashable items), measured as `set-discard`: hold the items in
a set (`set(pending)`, built in the timed "after") and `discard` each. The result is then a set:
the pair compares it with the remaining list as a set (same members, no duplicates lost).

Variant `comprehension-rebuild` (the rule's second advice): rebuild the list once,
`done_set = set(done); pending = [p for p in pending if p not in done_set]`; same list, same order
when the items are unique. Reported, not gated.

n is len(pending); half of the items are removed (fresh string objects, as from input).

FIRES_FROM = 10, the smallest size measured: rules/queue/list_remove_in_loop.cpp fires for
`L.remove(x)` on a known list in any loop that does not iterate that same list, with no size
threshold.
"""

import random

CODE = "PPL205"
NAME = "list-remove-in-loop"
VARIANT = "set-discard"
N = "len(pending) (half of the items removed)"
BEFORE = "pending = list(names); for name in done: pending.remove(name)"
AFTER = "pending = set(names); for name in done: pending.discard(name)"
SIZES = (10, 100, 1000, 3000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(205)
    ids = rng.sample(range(10 * n), n)
    names = ["job%d" % i for i in ids]
    done = ["job%d" % i for i in rng.sample(ids, n // 2)]
    return names, done


def before(inputs):
    names, done = inputs
    pending = list(names)
    for name in done:
        pending.remove(name)
    return pending


def after(inputs):
    names, done = inputs
    pending = set(names)
    for name in done:
        pending.discard(name)
    return pending


def equivalent(a, b):
    return len(a) == len(b) and set(a) == set(b)


def _after_rebuild(inputs):
    names, done = inputs
    done_set = set(done)
    return [p for p in names if p not in done_set]


VARIANTS = {
    "comprehension-rebuild": {
        "after": _after_rebuild,
        "equivalent": lambda a, b: a == b,
        "after_text": "done_set = set(done); pending = [p for p in names if p not in done_set]",
        "alternative": "second advice; the set is the rule's first recommendation",
    },
}
