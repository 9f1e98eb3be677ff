"""PPL603 manual-counter: counting by hand in a dict -> `collections.Counter(keys)`.

Mirrors rules/dict/manual_counter.cpp and the catalog (RULES.md), whose default advice is
`collections.Counter` (reference cases 14b/14c).

- main pair `counter`: `if k in counts: counts[k] += 1 else: counts[k] = 1` -> `Counter(keys)`;
- variant `counter-from-get`: the catalog's second flagged form, `counts[k] = counts.get(k, 0) + 1`
  -> `Counter(keys)`; gated;
- variant `get`: the rule's fallback advice for the first form where `Counter` does not hold,
  `counts[k] = counts.get(k, 0) + 1` (one lookup instead of two); rules/dict/manual_counter.cpp asks
  the measurements for this variant by name (`advice_holds("get", size)`); gated from n = 10;
- variant `defaultdict`: the catalog's alternative advice, `defaultdict(int)` and `counts[k] += 1`
  for the first form; reported, not gated.

n is len(keys), drawn from n/4 distinct words (at least 2).

FIRES_FROM = 100 for the `Counter` advice: rules/dict/manual_counter.cpp gives it only where
`cost::advice_holds()` finds no measured ratio below kNeutralRatio (0.97) and a median ratio of at
least kMinimumGain (1.03) over every version from the target (`--target-version`, default py39)
on: at a visible loop size (a literal display, `range(N)`) the ratio measured at
that size decides, so it stays silent at 10 where `Counter` is slower; at an unknown size it
assumes n >= kAssumedSize = 100 (src/cost/measurements.hpp). The `get` advice is given at the small
visible sizes where `Counter` does not hold, so it is gated from 10.
"""

import collections
import random

CODE = "PPL603"
NAME = "manual-counter"
VARIANT = "counter"
N = "len(keys) (n/4 distinct)"
BEFORE = "for k in keys: if k in counts: counts[k] += 1 else: counts[k] = 1"
AFTER = "counts = collections.Counter(keys)"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 100
_GET_OLD = (
    "3.9-3.10: the dict.get() method call is not specialised (3.11's adaptive interpreter specialises "
    "calls), so one get() costs about what the `in` test and the second subscript cost: even within a "
    "few percent; 1.1-1.2x from 3.11"
)


def setup(n):
    rng = random.Random(603)
    distinct = max(2, n // 4)
    return ["w%d" % rng.randrange(distinct) for _ in range(n)]


def before(keys):
    counts = {}
    for k in keys:
        if k in counts:
            counts[k] += 1
        else:
            counts[k] = 1
    return counts


def after(keys):
    counts = collections.Counter(keys)
    return counts


def equivalent(a, b):
    return dict(a) == dict(b)


def _before_get(keys):
    counts = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return counts


def _after_get(keys):
    counts = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return counts


def _after_defaultdict(keys):
    counts = collections.defaultdict(int)
    for k in keys:
        counts[k] += 1
    return counts


VARIANTS = {
    "counter-from-get": {
        "before": _before_get,
        "before_text": "for k in keys: counts[k] = counts.get(k, 0) + 1",
    },
    "get": {
        "slower_on": {"3.9": _GET_OLD, "3.10": _GET_OLD},
        "after": _after_get,
        "fires_from": 10,
        "after_text": "for k in keys: counts[k] = counts.get(k, 0) + 1",
    },
    "defaultdict": {
        "after": _after_defaultdict,
        "after_text": "counts = collections.defaultdict(int); for k in keys: counts[k] += 1",
        "alternative": "second advice (the catalog offers Counter first)",
    },
}
