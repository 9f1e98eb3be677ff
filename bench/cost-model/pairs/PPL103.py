"""PPL103 dict-keys-membership: `k in d.keys()` -> `k in d`.

Mirrors the rule's fixture (`if key in table.keys()`, `return key in self.entries.keys()`): a
membership test against a keys view of a dict, here run for a batch of 1000 keys (half hit) so
that one call is long enough to time.

n is len(d); the cost of one test does not depend on it.

FIRES_FROM = 10, the smallest size measured: the rule fires on every such test of a known dict,
with no size or loop condition (rules/lookup/dict_keys_membership.cpp).
"""

import random

CODE = "PPL103"
NAME = "dict-keys-membership"
VARIANT = "in-dict"
N = "len(d) (1000 tests per call, half hit)"
BEFORE = "if key in d.keys(): ..."
AFTER = "if key in d: ..."
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(103)
    keys = ["key%d" % i for i in range(n)]
    d = {k: i for i, k in enumerate(keys)}
    tests = []
    for _ in range(1000):
        if rng.random() < 0.5:
            tests.append("key%d" % rng.randrange(n))
        else:
            tests.append("nokey%d" % rng.randrange(n))
    return d, tests


def before(inputs):
    d, tests = inputs
    hits = 0
    for key in tests:
        if key in d.keys():
            hits += 1
    return hits


def after(inputs):
    d, tests = inputs
    hits = 0
    for key in tests:
        if key in d:
            hits += 1
    return hits
