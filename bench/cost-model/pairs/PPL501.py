"""PPL501 constant-list-to-tuple: a never-mutated list of constants in a function -> a tuple.

Mirrors the rule's fixture and doc example `weekdays(day)`: `names = ["mon", ...]; return names[day]`,
called once per day. The list display is rebuilt on every call (BUILD_LIST, plus LIST_EXTEND from
3 constants); the tuple is one constant (LOAD_CONST). The functions are real source compiled in
setup(), so the compiler folds the tuple as it would in user code. Each timed call makes 1000
calls of the function.

n is the number of constants in the display.

FIRES_FROM = 1: rules/constant/constant_list_to_tuple.cpp fires for a display of at least one
hashable constant (`count == 0` is the only size it skips) bound in a function or a loop.
"""

CODE = "PPL501"
NAME = "constant-list-to-tuple"
VARIANT = "tuple"
N = "number of constants in the display (1000 calls per timing)"
BEFORE = 'def weekdays(day): names = ["d0", "d1", ...]; return names[day]'
AFTER = 'def weekdays(day): names = ("d0", "d1", ...); return names[day]'
SIZES = (1, 2, 3, 5, 10)
FIRES_FROM = 1

_TEMPLATE = """
def weekdays(day):
    names = %s
    return names[day]
"""


def _compile(n, brackets):
    body = ", ".join(repr("d%d" % i) for i in range(n))
    display = "[%s]" % body if brackets else "(%s%s)" % (body, "," if n == 1 else "")
    namespace = {}
    exec(compile(_TEMPLATE % display, "<%s>" % CODE, "exec"), namespace)
    return namespace["weekdays"]


def setup(n):
    return {"days": [i % n for i in range(1000)], "list": _compile(n, True), "tuple": _compile(n, False)}


def before(inputs):
    weekdays = inputs["list"]
    return [weekdays(day) for day in inputs["days"]]


def after(inputs):
    weekdays = inputs["tuple"]
    return [weekdays(day) for day in inputs["days"]]
