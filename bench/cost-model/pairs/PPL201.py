"""PPL201 list-pop-front: draining a list with `L.pop(0)` in a loop -> `collections.deque.popleft()`.

Mirrors the rule's fixture `from_sorted(raw)` / `drain(jobs)`: `while queue: out.append(queue.pop(0))`.
The advice, measured as `deque-popleft`: hold the items in a deque and `popleft()`. Both forms
build their container from the same input inside the timed call (a list copy vs a deque).

n is the number of items drained.

FIRES_FROM = 10, the smallest size measured: rules/queue/list_pop_front.cpp fires for `L.pop(0)` in
any loop on a known list whose other uses a deque supports (`deque_compatible`), with no size
threshold.
"""

import collections
import random

CODE = "PPL201"
NAME = "list-pop-front"
VARIANT = "deque-popleft"
N = "number of items drained"
BEFORE = "queue = list(items); while queue: out.append(queue.pop(0))"
AFTER = "queue = collections.deque(items); while queue: out.append(queue.popleft())"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: the deque's 64-slot block allocation against ten memmoves of a few pointers: "
    "even within a few percent; wins from n = 100"
)
SLOWER_ON = {
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    rng = random.Random(201)
    return [rng.randrange(10**6) for _ in range(n)]


def before(items):
    queue = list(items)
    out = []
    while queue:
        out.append(queue.pop(0))
    return out


def after(items):
    queue = collections.deque(items)
    out = []
    while queue:
        out.append(queue.popleft())
    return out
