#!/usr/bin/env python3
"""Lists the syntactic candidates of a rule in real code, to compare with what the rule reports.

usage: bench/real-code/candidates.py RULE PATH... [--count]
  RULE: PPL101 | PPL107 | PPL201 | PPL203 | PPL403 | PPL502 | PPL603
Prints `file:line: form` per candidate (or counts per form with --count). The scan is purely
syntactic (Python's `ast`): it knows nothing about types, so most candidates are expected to stay
silent in the linter (unknown kind); the point is to read them and see which ones should not.
"""
import ast
import collections
import os
import sys

BUILDERS = {"set", "frozenset", "dict", "list", "tuple", "sorted"}
LOOPS = (ast.For, ast.AsyncFor, ast.While)


def files(paths):
    for p in paths:
        if os.path.isfile(p):
            yield p
            continue
        for root, dirs, names in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for n in names:
                if n.endswith(".py"):
                    yield os.path.join(root, n)


def loops_with_body(tree):
    """(innermost loop or None, node) for every node; a node in a loop's body (or a while's test,
    evaluated every iteration) gets that loop. Functions and classes start afresh."""
    out = []
    pending = [(tree, None)]
    while pending:
        node, loop = pending.pop()
        for child in ast.iter_child_nodes(node):
            inner = loop
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                inner = None
            elif isinstance(node, (ast.For, ast.AsyncFor)) and child in node.body:
                inner = node
            elif isinstance(node, ast.While) and (child in node.body or child is node.test):
                inner = node
            elif isinstance(node, LOOPS) and child in node.orelse:
                inner = loop
            out.append((inner, child))
            pending.append((child, inner))
    return out


def name_of(e):
    if isinstance(e, ast.Name):
        return e.id
    if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name):
        return e.value.id + "." + e.attr
    return None


def same(a, b):
    return ast.dump(a) == ast.dump(b)


def scan_101(tree):
    """`x in name` / `x in obj.attr` (and `not in`) in a loop body: a scan per iteration if a list."""
    for loop, node in loops_with_body(tree):
        if loop is None or not isinstance(node, ast.Compare) or len(node.ops) != 1:
            continue
        if isinstance(node.ops[0], (ast.In, ast.NotIn)) and name_of(node.comparators[0]):
            kind = "attribute" if isinstance(node.comparators[0], ast.Attribute) else "name"
            yield node.lineno, f"in {kind} ({type(loop).__name__.lower()})"


def scan_201(tree):
    """`name.pop(0)` in a loop body (or a while test): a shift per iteration if a list."""
    for loop, node in loops_with_body(tree):
        if loop is None or not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        args = node.args
        if node.func.attr == "pop" and len(args) == 1 and isinstance(args[0], ast.Constant) and args[0].value == 0:
            if name_of(node.func.value):
                yield node.lineno, f"pop(0) ({type(loop).__name__.lower()})"


def scan_502(tree):
    for loop, node in loops_with_body(tree):
        if loop is None:
            continue
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in BUILDERS):
            continue
        if len(node.args) != 1 or (node.keywords and node.func.id != "sorted"):
            continue
        arg = node.args[0]
        if name_of(arg) is None:
            continue
        yield node.lineno, f"{node.func.id}(name)"


def scan_502_bound(tree):
    """`v = set(x)` statements inside a loop body (the wanted bound form)."""
    for loop, node in loops_with_body(tree):
        if loop is None or not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        v = node.value
        if not (isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id in BUILDERS):
            continue
        if len(v.args) == 1 and name_of(v.args[0]) and isinstance(node.targets[0], ast.Name):
            yield node.lineno, f"bound {v.func.id}(name)"


def scan_403(tree):
    for node in ast.walk(tree):
        its = []
        if isinstance(node, (ast.For, ast.AsyncFor)):
            its.append((node.iter, "for"))
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            kind = "genexp" if isinstance(node, ast.GeneratorExp) else "comp"
            its += [(g.iter, kind) for g in node.generators]
        for it, where in its:
            if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "list"):
                continue
            if len(it.args) != 1 or it.keywords:
                continue
            a = it.args[0]
            if name_of(a):
                yield it.lineno, f"{where} list(name)"
            elif (isinstance(a, ast.Call) and isinstance(a.func, ast.Attribute)
                  and a.func.attr in ("items", "keys", "values") and not a.args and name_of(a.func.value)):
                yield it.lineno, f"{where} list(d.{a.func.attr}())"


def scan_203(tree):
    for loop, node in loops_with_body(tree):
        if loop is None:
            continue
        kind = "for" if isinstance(loop, (ast.For, ast.AsyncFor)) else "while"
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            t, v = node.targets[0], node.value
            if (isinstance(v, ast.Subscript) and isinstance(v.slice, ast.Slice) and v.slice.upper is None
                    and v.slice.step is None and isinstance(v.slice.lower, ast.Constant) and v.slice.lower.value == 1
                    and ast.unparse(t) == ast.unparse(v.value)):
                yield node.lineno, f"{kind}: x = x[1:]"
            if (isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Slice) and t.slice.lower is None
                    and isinstance(t.slice.upper, ast.Constant) and t.slice.upper.value == 1
                    and isinstance(v, ast.List) and not v.elts):
                yield node.lineno, f"{kind}: x[:1] = []"
        if isinstance(node, ast.Delete) and len(node.targets) == 1:
            t = node.targets[0]
            if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and t.slice.value == 0:
                yield node.lineno, f"{kind}: del x[0]"


def scan_603(tree):
    for loop, node in loops_with_body(tree):
        if loop is None:
            continue
        if (isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and isinstance(node.target, ast.Subscript)
                and isinstance(node.value, ast.Constant) and node.value.value == 1):
            yield node.lineno, "d[k] += 1"
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            v = node.value
            if (isinstance(v, ast.BinOp) and isinstance(v.op, ast.Add) and isinstance(v.right, ast.Constant)
                    and v.right.value == 1 and isinstance(v.left, ast.Call) and isinstance(v.left.func, ast.Attribute)
                    and v.left.func.attr == "get"):
                yield node.lineno, "d[k] = d.get(k, 0) + 1"


def scan_107(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name) and name_of(node.iter):
            body = [s for s in node.body]
            if len(body) == 1 and isinstance(body[0], ast.If) and not body[0].orelse:
                t = body[0].test
                if (isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq)
                        and body[0].body and isinstance(body[0].body[-1], (ast.Return, ast.Break))):
                    yield node.lineno, "for: if elem == key: return/break"
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "next" and node.args
                and isinstance(node.args[0], ast.GeneratorExp)):
            g = node.args[0].generators
            if len(g) == 1 and len(g[0].ifs) == 1 and isinstance(g[0].ifs[0], ast.Compare) and isinstance(
                    g[0].ifs[0].ops[0], ast.Eq):
                yield node.lineno, "next(x for x in L if x.f == k)"


SCANS = {
    "PPL107": [scan_107],
    "PPL203": [scan_203],
    "PPL403": [scan_403],
    "PPL502": [scan_502, scan_502_bound],
    "PPL603": [scan_603],
    "PPL101": [scan_101],
    "PPL201": [scan_201],
}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = "--count" in sys.argv
    rule, paths = args[0], args[1:]
    tally = collections.Counter()
    for f in files(paths):
        try:
            with open(f, encoding="utf-8", errors="replace") as fh:
                tree = ast.parse(fh.read())
        except (SyntaxError, ValueError, RecursionError):
            continue
        for scan in SCANS[rule]:
            for line, form in scan(tree):
                tally[form] += 1
                if not count:
                    print(f"{f}:{line}: {form}")
    if count:
        for form, n in tally.most_common():
            print(f"{n:6d}  {form}")


if __name__ == "__main__":
    main()
