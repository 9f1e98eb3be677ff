"""PPL305 quadratic-list-sum: `sum(lists, [])` -> `list(itertools.chain.from_iterable(lists))`.

Mirrors the rule's doc example `rows = sum(chunks, [])`. The rule's first advice, measured as
`chain`: `list(itertools.chain.from_iterable(chunks))`.

Variant `nested-comprehension` (the second advice): `[row for chunk in chunks for row in chunk]`.
Measured and reported, not gated: `chain.from_iterable` is the message's first recommendation.

n is the number of lists summed, 10 items each (as in the reference benchmark, case 11).

FIRES_FROM = 10, the smallest size measured: rules/build/quadratic_list_sum.cpp fires on every
`sum(x, [])` / `sum(x, ())`, with no size or loop condition.
"""

import itertools

CODE = "PPL305"
NAME = "quadratic-list-sum"
VARIANT = "chain"
N = "number of lists of 10 items"
BEFORE = "rows = sum(chunks, [])"
AFTER = "rows = list(itertools.chain.from_iterable(chunks))"
SIZES = (10, 100, 1000, 2000)
FIRES_FROM = 10
_SMALL = (
    "n = 10 lists: creating the chain iterator and list() over it cost more than nine "
    "short concatenations; the quadratic copy dominates from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    return [list(range(10 * i, 10 * i + 10)) for i in range(n)]


def before(chunks):
    return sum(chunks, [])


def after(chunks):
    return list(itertools.chain.from_iterable(chunks))


def _after_comprehension(chunks):
    return [row for chunk in chunks for row in chunk]


VARIANTS = {
    "nested-comprehension": {
        "after": _after_comprehension,
        "after_text": "rows = [row for chunk in chunks for row in chunk]",
        "alternative": "second advice (the message offers chain.from_iterable first)",
    },
}
