"""PPL304 list-concat-in-loop: `L = L + [x]` / `L = L + other` in a loop -> `append` / `extend`.

The pair follows the catalog (RULES.md) and rules/build/list_concat_in_loop.cpp. Each `L = L + ...` builds a new list
holding everything so far: quadratic. Main pair `append`: `L = L + [x]` -> `L.append(x)`.
Variant `extend`: `L = L + batch` -> `L.extend(batch)` (batches of 4 items). Both gated.

n is the number of items (main) or of batches (variant).

FIRES_FROM = 10, the smallest size measured: the rule has no size condition.
"""

CODE = "PPL304"
NAME = "list-concat-in-loop"
VARIANT = "append"
N = "number of items appended"
BEFORE = "out = []; for x in xs: out = out + [x]"
AFTER = "out = []; for x in xs: out.append(x)"
SIZES = (10, 100, 1000, 5000)
FIRES_FROM = 10


def setup(n):
    return list(range(n))


def before(xs):
    out = []
    for x in xs:
        out = out + [x]
    return out


def after(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


def _setup_batches(n):
    return [[4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3] for i in range(n)]


def _before_extend(batches):
    out = []
    for batch in batches:
        out = out + batch
    return out


def _after_extend(batches):
    out = []
    for batch in batches:
        out.extend(batch)
    return out


VARIANTS = {
    "extend": {
        "setup": _setup_batches,
        "before": _before_extend,
        "after": _after_extend,
        "sizes": (10, 100, 1000, 2000),
        "before_text": "out = []; for batch in batches: out = out + batch",
        "after_text": "out = []; for batch in batches: out.extend(batch)",
        "n_means": "number of 4-item batches",
    },
}
