"""PPL601 dict-keys-iteration: `for k in d.keys()` -> `for k in d`.

Mirrors rules/dict/dict_keys_iteration.cpp and the catalog: iterating `d.keys()` on a known dict
(a loop that also reads `d[k]` is PPL602's).
Before: `for key in d.keys(): out.append(key)`; after: `for key in d: out.append(key)`.
The only saving is the attribute lookup, call and view object, once per loop.

n is len(d).

The rule reports only where `cost::advice_holds()` (src/cost/measurements.hpp) finds no measured
ratio below kNeutralRatio (0.97) and a median ratio of at least kMinimumGain (1.03) over every
version from the target (`--target-version`, default py39) on. The size is visible when `d` is a
dict display nothing mutates (its number of pairs picks the measured size); otherwise every size
from kAssumedSize = 100 counts, where the ratios scatter around 1.0 (declared below), so the median
decides and the rule is silent on the older targets.

FIRES_FROM = 10: a visible dict of a few keys is reported on every target (the win is largest
there), so the gate checks every measured size.
"""

CODE = "PPL601"
NAME = "dict-keys-iteration"
VARIANT = "iterate-dict"
N = "len(d)"
BEFORE = "for key in d.keys(): out.append(key)"
AFTER = "for key in d: out.append(key)"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_EVEN = (
    "no measurable difference: the only saving is one attribute lookup, call and view "
    "object per loop (~40 ns), so from n = 100 the ratio scatters around 1.0 with noise"
)
SLOWER_ON = {
    "3.9": _EVEN,
    "3.10": _EVEN,
    "3.11": _EVEN,
    "3.12": _EVEN,
    "3.13": _EVEN,
}


def setup(n):
    return {"key%d" % i: i for i in range(n)}


def before(d):
    out = []
    for key in d.keys():
        out.append(key)
    return out


def after(d):
    out = []
    for key in d:
        out.append(key)
    return out
