"""PPL404 comprehension-in-any-all: `any([...])` -> `any(...)` with a generator expression.

Mirrors the rule's doc example `any([line.startswith("#") for line in lines])` ->
`any(line.startswith("#") for line in lines)`. The win depends entirely on where the first true
element is, which the linter cannot know, so the same advice is measured on three inputs:

- main pair `generator-half`: the first comment line is in the middle of the input (the expected
  position when it sits anywhere with equal chance);
- variant `generator-first`: the first line decides;
- variant `generator-never`: no line decides, both forms test every line.

All three are the rule's default advice on the pattern it flags: all gated.

n is len(lines).

FIRES_FROM = 10, the smallest size measured: rules/materialize/comprehension_in_any_all.cpp fires on
every `any([...])` / `all([...])` with a list comprehension argument, with no size condition.
"""

CODE = "PPL404"
NAME = "comprehension-in-any-all"
VARIANT = "generator-half"
N = "len(lines)"
BEFORE = 'any([line.startswith("#") for line in lines])   # first "#" line in the middle'
AFTER = 'any(line.startswith("#") for line in lines)'
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_INLINED = (
    "3.12+: at n = 10 the list comprehension is inlined (PEP 709) and cheaper than creating and "
    "resuming a generator; wins from n = 100"
)
_NO_DECISION = (
    "no element decides: both forms test every line and the generator resumes once per element, "
    "which costs more than the comprehension's append; the advice's win needs an early answer "
    "(see generator-half and generator-first): up to about 25-30% slower on 3.13"
)
SLOWER_ON = {("3.12", 10): _INLINED, ("3.13", 10): _INLINED}


def _lines(n, position):
    lines = ["value = %d" % i for i in range(n)]
    if position is not None:
        lines[position] = "# comment %d" % position
    return lines


def setup(n):
    return _lines(n, n // 2)


def before(lines):
    return any([line.startswith("#") for line in lines])


def after(lines):
    return any(line.startswith("#") for line in lines)


VARIANTS = {
    "generator-first": {
        "setup": lambda n: _lines(n, 0),
        "before_text": 'any([line.startswith("#") for line in lines])   # the first line decides',
    },
    "generator-never": {
        "slower_on": {v: _NO_DECISION for v in ("3.9", "3.10", "3.11", "3.12", "3.13")},
        "setup": lambda n: _lines(n, None),
        "before_text": 'any([line.startswith("#") for line in lines])   # no line decides',
    },
}
