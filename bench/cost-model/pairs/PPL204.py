"""PPL204 sort-in-loop: `L.append(v); L.sort()` every iteration -> `bisect.insort(L, v)`.

Mirrors the rule's fixture `running_top(stream)`: append, re-sort, read `best[0]` each iteration.
The rule's first advice, measured as `bisect-insort`: `bisect.insort(best, value)` keeps the list
sorted (O(log n) search + memmove) instead of re-sorting it. The result compared is the list of
`best[0]` values and the final list.

Variant `heapq` (the rule's alternative, "use heapq when only the smallest item is needed"):
`heapq.heappush(best, value)` and `best[0]`; the final heap is not a sorted list, so it is compared
sorted. Reported, not gated: it only applies when nothing but the smallest item is read.

n is the number of values streamed in.

FIRES_FROM = 10, the smallest size measured: rules/queue/sort_in_loop.cpp fires when the loop that
sorts also appends/inserts/extends the list, with no size threshold.
"""

import bisect
import heapq
import random

CODE = "PPL204"
NAME = "sort-in-loop"
VARIANT = "bisect-insort"
N = "number of values added (and sorts)"
BEFORE = "for value in stream: best.append(value); best.sort(); tops.append(best[0])"
AFTER = "for value in stream: bisect.insort(best, value); tops.append(best[0])"
SIZES = (10, 100, 1000, 3000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: re-sorting ten ints (one run check and a merge in C) costs about what the "
    "bisect.insort call costs: even within a few percent; wins from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
}


def setup(n):
    rng = random.Random(204)
    return [rng.randrange(10**6) for _ in range(n)]


def before(stream):
    best = []
    tops = []
    for value in stream:
        best.append(value)
        best.sort()
        tops.append(best[0])
    return tops, best


def after(stream):
    best = []
    tops = []
    for value in stream:
        bisect.insort(best, value)
        tops.append(best[0])
    return tops, best


def _after_heap(stream):
    best = []
    tops = []
    for value in stream:
        heapq.heappush(best, value)
        tops.append(best[0])
    return tops, best


def _equivalent_heap(a, b):
    return a[0] == b[0] and sorted(a[1]) == sorted(b[1])


VARIANTS = {
    "heapq": {
        "after": _after_heap,
        "equivalent": _equivalent_heap,
        "after_text": "for value in stream: heapq.heappush(best, value); tops.append(best[0])",
        "alternative": "second advice, only when nothing but the smallest item is read",
    },
}
