#!/usr/bin/env python3
"""Applies every fix (safe and unsafe) to a copy of a corpus and checks that the result compiles.

usage: bench/real-code/fix_corpus.py BINARY [CORPUS] [--python PYTHON] [--keep DIR]
  BINARY   the pyperf-lint to run
  CORPUS   a directory of Python code (default: the stdlib of --python)
  --python the CPython that compiles the fixed files (default: this interpreter)

Steps: copy CORPUS (no __pycache__), lint it (all rules, preview, JSON), run
`--fix --unsafe-fixes` on the copy, lint the copy again, then compile every changed file with
--python. Prints per rule the findings before, after, and the difference (what the fixes removed),
the changed files, and every file that no longer compiles (there must be none). Exit 1 when a
changed file fails to compile or a fix round was refused (an internal error).
"""
import argparse
import collections
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def counts(binary, path):
    done = subprocess.run(
        [binary, "--isolated", "--select", "ALL", "--preview", "--output-format", "json", "--exit-zero", path],
        capture_output=True, text=True)
    found = json.loads(done.stdout)
    return collections.Counter(f["code"] for f in found)


def changed_files(original, copy):
    out = []
    for root, dirs, names in os.walk(copy):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for n in names:
            if not (n.endswith(".py") or n.endswith(".pyi")):
                continue
            fixed = os.path.join(root, n)
            before = os.path.join(original, os.path.relpath(fixed, copy))
            if not filecmp.cmp(before, fixed, shallow=False):
                out.append((before, fixed))
    return sorted(out)


COMPILE = r"""
import sys
bad = 0
for path in sys.argv[1:]:
    try:
        compile(open(path, 'rb').read(), path, 'exec')
    except (SyntaxError, ValueError) as e:
        bad += 1
        print(f"{path}: {type(e).__name__}: {e}")
sys.exit(1 if bad else 0)
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--keep", help="fix into this directory (must not exist) and keep it")
    args = parser.parse_args()
    corpus = args.corpus
    if corpus is None:
        corpus = subprocess.run([args.python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                                capture_output=True, text=True, check=True).stdout.strip()
    version = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    work = args.keep or tempfile.mkdtemp(prefix="pyperf-fix-")
    copy = os.path.join(work, "corpus") if not args.keep else work
    if not args.keep:
        shutil.rmtree(work)
    # Symlinks stay links; unreadable files are skipped by the linter as they would be in place.
    shutil.copytree(corpus, copy, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "site-packages"))
    try:
        before = counts(args.binary, copy)
        start = time.monotonic()
        fix = subprocess.run([args.binary, "--isolated", "--select", "ALL", "--preview", "--fix", "--unsafe-fixes",
                              "--exit-zero", "--output-format", "concise", "-q", copy],
                             capture_output=True, text=True)
        seconds = time.monotonic() - start
        internal = [line for line in fix.stderr.splitlines() if "internal error" in line]
        after = counts(args.binary, copy)
        changed = changed_files(corpus, copy)
        compiled = subprocess.run([args.python, "-c", COMPILE, *[f for _, f in changed]], capture_output=True,
                                  text=True) if changed else None
        print(f"corpus: {corpus} (CPython {version})")
        print(f"fix run: {seconds:.1f} s, exit {fix.returncode}; {len(changed)} files changed")
        print("| rule | findings before | after | removed by fixes |")
        print("|---|---:|---:|---:|")
        for code in sorted(set(before) | set(after)):
            if before[code] != after[code]:
                print(f"| {code} | {before[code]} | {after[code]} | {before[code] - after[code]} |")
        total_before, total_after = sum(before.values()), sum(after.values())
        print(f"| all | {total_before} | {total_after} | {total_before - total_after} |")
        for line in internal:
            print("refused:", line)
        failed = compiled is not None and compiled.returncode != 0
        if failed:
            print(compiled.stdout)
        print(f"compile check with CPython {version}: "
              f"{'FAILED' if failed else 'all ' + str(len(changed)) + ' changed files compile'}")
        return 1 if failed or internal else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
