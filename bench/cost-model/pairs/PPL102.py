"""PPL102 literal-list-membership: `x in (c1, ..., cn)` over constants -> `x in {c1, ..., cn}`.

Mirrors the rule's doc example `if extension in (".py", ".pyi", ".pyx")`: the tested value is sliced
from a file name inside the loop, so it is a fresh string each time (its hash is not cached), as in
real code. The displays are real source code compiled in setup(), because the gain comes from the
compiler folding the set display into a frozenset constant (Python/ast_opt.c fold_compare()).

n is the number of constants in the display. Each call tests 500 values; half miss.

Main pair `str-set-literal`: string constants. FIRES_FROM = 3: the rule fires for all-string
displays from 3 elements (kMinStrings in rules/lookup/literal_list_membership.cpp).

Variant `str-set-literal-hashed`: the same test on values whose hash is already cached (equal
but not identical strings that were hashed before, as dict keys or set members are). The set probe
then skips hashing; the tuple scan still compares. FIRES_FROM = 3, as above.

Variant `int-set-literal`: integer constants (HTTP status codes) tested against ints parsed from
text. FIRES_FROM = 5: any other constants fire from 5 elements (kMinOther); size 3 is measured to
show why.

All variants are the rule's default advice on the pattern it flags: all gated.
"""

import random

CODE = "PPL102"
NAME = "literal-list-membership"
VARIANT = "str-set-literal"
N = "number of constants in the display (500 tests per call, half miss)"
BEFORE = 'if ext in (".e0", ".e1", ...):   # tuple or list display of constants'
AFTER = 'if ext in {".e0", ".e1", ...}:   # folded into a frozenset constant'
SIZES = (3, 5, 10, 20)
FIRES_FROM = 3
_FRESH_3 = (
    "3 constants, each tested value a fresh string: the set probe must hash it first (the tuple scan "
    "does not), which costs about as much as three short comparisons: even within a few percent; the "
    "win grows from 5 constants, and with an already-hashed value it is 1.6-1.9x at 3"
)
SLOWER_ON = {(v, 3): _FRESH_3 for v in ("3.9", "3.10", "3.11", "3.12", "3.13")}

_TEMPLATE = """
def test(names):
    hits = 0
    for name in names:
        ext = name[name.rfind("."):]
        if ext in %s:
            hits += 1
    return hits
"""

_PLAIN_TEMPLATE = """
def test(values):
    hits = 0
    for value in values:
        if value in %s:
            hits += 1
    return hits
"""


def _compile(template, consts, braces):
    body = ", ".join(repr(c) for c in consts)
    display = "{%s}" % body if braces else "(%s%s)" % (body, "," if len(consts) == 1 else "")
    namespace = {}
    exec(compile(template % display, "<%s>" % CODE, "exec"), namespace)
    return namespace["test"]


def setup(n):
    rng = random.Random(102)
    consts = [".e%d" % i for i in range(n)]
    names = []
    for _ in range(500):
        if rng.random() < 0.5:
            names.append("file%d%s" % (rng.randrange(1000), rng.choice(consts)))
        else:
            names.append("file%d.x%d" % (rng.randrange(1000), rng.randrange(100)))
    return {
        "values": names,
        "tuple": _compile(_TEMPLATE, consts, braces=False),
        "set": _compile(_TEMPLATE, consts, braces=True),
    }


def before(inputs):
    return inputs["tuple"](inputs["values"])


def after(inputs):
    return inputs["set"](inputs["values"])


_STATUS = [200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 409, 410, 429, 500]


def _setup_hashed(n):
    inputs = setup(n)
    values = [name[name.rfind(".") :] for name in inputs["values"]]
    for value in values:
        hash(value)  # cached in the str object from now on
    consts = [".e%d" % i for i in range(n)]
    return {
        "values": values,
        "tuple": _compile(_PLAIN_TEMPLATE, consts, braces=False),
        "set": _compile(_PLAIN_TEMPLATE, consts, braces=True),
    }


def _setup_int(n):
    rng = random.Random(1021)
    consts = _STATUS[:n]
    # Codes parsed from text: fresh int objects above 256, like values read from input.
    codes = [int(str(rng.choice(consts) if rng.random() < 0.5 else rng.randrange(100, 600))) for _ in range(500)]
    return {
        "values": codes,
        "tuple": _compile(_PLAIN_TEMPLATE, consts, braces=False),
        "set": _compile(_PLAIN_TEMPLATE, consts, braces=True),
    }


VARIANTS = {
    "str-set-literal-hashed": {
        "setup": _setup_hashed,
        "before_text": 'if ext in (".e0", ".e1", ...):   # ext already hashed (e.g. also a dict key)',
        "after_text": 'if ext in {".e0", ".e1", ...}:',
    },
    "int-set-literal": {
        "setup": _setup_int,
        "sizes": (3, 5, 10, 20),
        "fires_from": 5,
        "before_text": "if status in (200, 201, 202, ...):",
        "after_text": "if status in {200, 201, 202, ...}:",
    },
}
