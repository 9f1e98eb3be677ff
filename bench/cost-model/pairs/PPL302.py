"""PPL302 str-concat-in-loop: `s += piece` in a loop -> collect the pieces, `"".join` once.

The pair follows the catalog (RULES.md) and rules/build/str_concat_in_loop.cpp: `s += piece` (or
`s = s + piece`) on a known str inside a loop. The advice, measured as the literal rewrite the
message gives ("collect pieces, `''.join` once"): append each piece to a list inside the same loop
and join after it. The rule treats two targets differently, and so does this pair:

Variant `join-attribute`: the target is an attribute (`self.text += piece`). The in-place append
never applies, every `+=` copies: quadratic. The rule reports this case (and module-level names,
`global` names and closure cells, quadratic from 3.11: 3.9/3.10's unicode_concatenate() also
resized STORE_DEREF and STORE_NAME targets in place) always, at error severity, with no version
gate. Gated here from n = 10.

Main pair `join-local`: the target is a plain local, where CPython's in-place append
(unicode_concatenate() on 3.9/3.10, BINARY_OP_INPLACE_ADD_UNICODE from 3.11 -> PyUnicode_Append on
an unshared string) keeps `+=` linear, so `"".join` only wins a constant factor. The rule reports
this case only where `cost::advice_holds("join-local", unknown size)` holds: over every measured
n >= kAssumedSize (100) and every version from the target (`--target-version` / `target-version`,
default py39) to 3.13, no ratio of this variant below kNeutralRatio (0.97) and a median ratio of at
least kMinimumGain (1.03) (src/cost/measurements.hpp); and then at info severity. With 3.9's cell at n = 10^4 below that, a py39 target keeps it silent;
on a later target the 3.9 cells are out of range. The rule never sees a loop's size, so on a target
where it reports it does so for short loops too: FIRES_FROM stays 10 and the small cells are
declared below.

Variant `join-comprehension`: when the loop does nothing but concatenate, the pieces can be
collected by a comprehension, `"".join([word + "," for word in words])`. Reported, not gated: it
only applies to such loops.

n is the number of pieces (each 6-10 characters).
"""

CODE = "PPL302"
NAME = "str-concat-in-loop"
VARIANT = "join-local"
N = "number of pieces appended"
BEFORE = 'text = ""; for word in words: text += word + ","'
AFTER = 'parts = []; for word in words: parts.append(word + ","); text = "".join(parts)'
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_PY39 = (
    "3.9: pymalloc arenas are 256 KiB (1 MiB from 3.10), so a list of 10^4 fresh pieces maps and unmaps "
    "arenas on every call while the local += grows one buffer in place (PyUnicode_Append): about 0.4-0.5 "
    "at n = 10^4 (reproducible), about even at n <= 100. This cell is what makes advice_holds('join-local') "
    "fail for target py39, so the rule stays silent on plain locals there"
)
_SMALL = (
    "n = 10: the list, its appends and the join cost about what ten in-place appends to a local str "
    "cost (BINARY_OP_INPLACE_ADD_UNICODE resizes it in place): even within about 10%"
)
SLOWER_ON = {
    "3.9": _PY39,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    return ["word%d" % i for i in range(n)]


def before(words):
    text = ""
    for word in words:
        text += word + ","
    return text


def after(words):
    parts = []
    for word in words:
        parts.append(word + ",")
    text = "".join(parts)
    return text


class _Report:
    def __init__(self):
        self.text = ""


def _before_attribute(words):
    report = _Report()
    for word in words:
        report.text += word + ","
    return report.text


def _after_attribute(words):
    report = _Report()
    parts = []
    for word in words:
        parts.append(word + ",")
    report.text = "".join(parts)
    return report.text


def _after_comprehension(words):
    return "".join([word + "," for word in words])


VARIANTS = {
    "join-comprehension": {
        "after": _after_comprehension,
        "after_text": 'text = "".join([word + "," for word in words])',
        "alternative": "applies only when the loop does nothing but concatenate",
    },
    "join-attribute": {
        "before": _before_attribute,
        "after": _after_attribute,
        "before_text": 'for word in words: self.text += word + ","',
        "after_text": 'parts = []; for word in words: parts.append(word + ","); self.text = "".join(parts)',
    },
}
