"""PPL202 list-insert-front: `L.insert(0, x)` in a loop -> `collections.deque.appendleft(x)`.

Mirrors the rule's fixture `reverse_lines(lines)`: `out.insert(0, line)` for every line, then
`"".join(out)`. The advice, measured as `deque-appendleft`: `out = deque()` and `out.appendleft(line)`;
`"".join()` accepts the deque.

n is the number of lines.

FIRES_FROM = 10, the smallest size measured: rules/queue/list_insert_front.cpp fires for
`L.insert(0, x)` in any loop on a known, deque-compatible list, with no size threshold.
"""

import collections

CODE = "PPL202"
NAME = "list-insert-front"
VARIANT = "deque-appendleft"
N = "number of lines inserted"
BEFORE = 'out = []; for line in lines: out.insert(0, line); "".join(out)'
AFTER = 'out = collections.deque(); for line in lines: out.appendleft(line); "".join(out)'
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: the deque's 64-slot block, and str.join copying a deque into a temporary list "
    "(PySequence_Fast), cost more than ten short shifts; wins from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    return ["line %d\n" % i for i in range(n)]


def before(lines):
    out = []
    for line in lines:
        out.insert(0, line)
    return "".join(out)


def after(lines):
    out = collections.deque()
    for line in lines:
        out.appendleft(line)
    return "".join(out)
