#!/usr/bin/env python3
"""Linear-growth stress benchmark: nothing may take superlinear time in the size of its input.

Each shape is generated at size N and 4N and linted (all rules, one thread) RUNS times; the
median time at 4N divided by the median at N must stay at or under --max-ratio (4.5 by default:
linear growth plus noise). A ratio, measured in one run on one machine, not an absolute time.

usage: bench/linear.py [--build build/release] [--runs 3] [--scale 1.0] [--max-ratio 4.5] [SHAPE...]
Exit status 1 when a shape grows faster than allowed.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name -> (base N, generator of the source for size n)
SHAPES = {
    # `x = [[[…]]]`: every list is a site; a parent lookup from the root makes it quadratic.
    "nested-lists": (4000, lambda n: "x = " + "[" * n + "]" * n + "\n"),
    # `x = (((…)))`: the same depth through parentheses.
    "nested-parens": (4000, lambda n: "x = " + "(" * n + "1" + ")" * n + "\n"),
    # `x = sorted(sorted(…(a)…))`: calls nested deep; rules that look up from a call must not climb per call.
    "nested-calls": (2000, lambda n: "x = " + "sorted(" * n + "a" + ")" * n + "\n"),
    # A dict lookup nested deep in a key loop (indented `if`s would grow the file quadratically):
    # the every-iteration check goes from the loop down to the lookup once.
    "deep-in-key-loop": (
        2000,
        lambda n: "def f():\n    d = {1: 2}\n    for k in d:\n        x = " + "[(" * n + "d[k]" + ")]" * n + "\n",
    ),
    # A membership test on a list nested deep in a loop: the except-handler check goes down once.
    "deep-membership": (
        2000,
        lambda n: "def f(y):\n    lst = list(y)\n    for x in y:\n        z = " + "[(" * n + "x in lst" + ")]" * n + "\n",
    ),
    # One wide list display: many siblings under one node.
    "wide-list": (40000, lambda n: "x = [" + ", ".join(str(i) for i in range(n)) + "]\n"),
    # One long line of additions.
    "long-line": (20000, lambda n: "x = " + " + ".join("a%d" % (i % 50) for i in range(n)) + "\n"),
    # Many small statements in a module.
    "many-statements": (20000, lambda n: "".join("v%d = %d\n" % (i % 100, i) for i in range(n))),
    # Many small functions.
    "many-functions": (5000, lambda n: "".join("def f%d(a):\n    return a + %d\n" % (i, i) for i in range(n))),
    # A chain of assignment targets `v0 = v1 = … = 1`: each target must not walk the chain again.
    "assignment-chain": (5000, lambda n: " = ".join("v%d" % i for i in range(n)) + " = 1\n"),
    # A wide error node: line continuations with a missing operand (parsed as a chain of assignments).
    "wide-error": (5000, lambda n: "x = 1 \\\n" * n + "+1\n"),
    # A loop body of repeated accumulations and membership tests on the accumulator.
    "loop-accumulators": (
        500,
        lambda n: "def f(xs, a):\n    s = ''\n    for x in xs:\n"
        + "".join("        s = s + str(x)\n        if s in a:\n            s = s + 'y'\n" for _ in range(n)),
    ),
}


def time_once(binary, path):
    start = time.perf_counter()
    subprocess.run([str(binary), str(path), "--select", "ALL", "--threads", "1", "--exit-zero", "-q",
                    "--output-format", "concise", "--isolated"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=str(ROOT / "build" / "release"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base N")
    ap.add_argument("--max-ratio", type=float, default=4.5)
    ap.add_argument("shapes", nargs="*", default=list(SHAPES))
    args = ap.parse_args()
    binary = Path(args.build) / "pyperf-lint"
    if not binary.exists():
        sys.exit(f"linear.py: {binary} not found (build it, or pass --build)")
    failed = []
    print(f"| shape | N | s at N | s at 4N | ratio (limit {args.max_ratio}) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.shapes:
            base, make = SHAPES[name]
            n = max(1, int(base * args.scale))
            paths = []
            for size in (n, 4 * n):
                path = Path(tmp) / f"{name}-{size}.py"
                path.write_text(make(size))
                paths.append(path)
            medians = []
            for path in paths:
                medians.append(statistics.median(time_once(binary, path) for _ in range(args.runs)))
            ratio = medians[1] / max(medians[0], 1e-9)
            ok = ratio <= args.max_ratio
            if not ok:
                failed.append(name)
            print(f"| {name} | {n} | {medians[0]:.3f} | {medians[1]:.3f} | {ratio:.2f}{'' if ok else ' FAIL'} |",
                  flush=True)
    if failed:
        print(f"superlinear: {', '.join(failed)}")
        return 1
    print("all shapes grow linearly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
