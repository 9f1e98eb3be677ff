"""PPL203 list-del-front: `del L[0]` (or `L = L[1:]`) in a loop -> `collections.deque.popleft()`.

Main pair `deque-popleft`, mirroring the rule's fixture `consume(tokens)`:
`while tokens: head = tokens[0]; del tokens[0]` -> `head = tokens.popleft()` on a deque.

Variant `slice-deque-popleft`, the rule's second form (fixture `consume_slice`):
`while words: print(words[0]); words = words[1:]`, which copies the rest of the list every
iteration (quadratic), with the same advice. Both are the rule's default advice: both gated.

n is the number of items consumed.

FIRES_FROM = 10, the smallest size measured: rules/queue/list_del_front.cpp fires for either form in
any loop on a known, deque-compatible list, with no size threshold.
"""

import collections

CODE = "PPL203"
NAME = "list-del-front"
VARIANT = "deque-popleft"
N = "number of items consumed"
BEFORE = "while tokens: head = tokens[0]; del tokens[0]; out.append(head)"
AFTER = "tokens = collections.deque(...); while tokens: head = tokens.popleft(); out.append(head)"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: the deque's block allocation against ten memmoves of a few pointers: even "
    "within about 10%; wins from n = 100"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    return ["tok%d" % i for i in range(n)]


def before(items):
    tokens = list(items)
    out = []
    while tokens:
        head = tokens[0]
        del tokens[0]
        out.append(head)
    return out


def after(items):
    tokens = collections.deque(items)
    out = []
    while tokens:
        head = tokens.popleft()
        out.append(head)
    return out


def _before_slice(items):
    words = items  # rebinding never mutates the input
    out = []
    while words:
        out.append(words[0])
        words = words[1:]
    return out


VARIANTS = {
    "slice-deque-popleft": {
        "before": _before_slice,
        "sizes": (10, 100, 1000, 5000),
        "before_text": "while words: out.append(words[0]); words = words[1:]",
        "after_text": "words = collections.deque(...); while words: out.append(words.popleft())",
    },
}
