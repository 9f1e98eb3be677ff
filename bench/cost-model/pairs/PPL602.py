"""PPL602 dict-lookup-in-key-loop: `for k in d: ... d[k] ...` -> `for k, v in d.items()`.

The pair follows the catalog (RULES.md) and rules/dict/dict_lookup_in_key_loop.cpp (reference case 06c).
Before: `for key in d: total += d[key] * len(key)`; after: `for key, value in d.items(): total += value * len(key)`.

n is len(d).

FIRES_FROM = 10, the smallest size measured: the rule has no size condition.
"""

CODE = "PPL602"
NAME = "dict-lookup-in-key-loop"
VARIANT = "items"
N = "len(d)"
BEFORE = "for key in d: total += d[key] * len(key)"
AFTER = "for key, value in d.items(): total += value * len(key)"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: the items() view and the tuple unpacking per pair cost about what ten d[k] "
    "probes save: even within a few percent; wins from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    return {"key%d" % i: i for i in range(n)}


def before(d):
    total = 0
    for key in d:
        total += d[key] * len(key)
    return total


def after(d):
    total = 0
    for key, value in d.items():
        total += value * len(key)
    return total
