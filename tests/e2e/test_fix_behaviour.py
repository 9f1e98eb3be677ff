"""Fixes keep behaviour: every case in fix_cases/ is fixed by the real binary, then the code before
and the code after run on the case's sample inputs under each CPython present; results, output and
exception types must match. A case of an unsafe fix also lists the inputs that make it unsafe, and
the test checks that they really do differ (so the doc's warning is not hypothetical).

Every fixture golden (fixtures/**/*.fixed) must also compile under each CPython present.

Case format (fix_cases/<CODE>_<what>.py):
    # fix: PPL201 safe          (or `unsafe`: applied with --unsafe-fixes)
    def run(*args): ...         the code under test; returns a value to compare
    SAMPLES = [(args...), ...]  inputs on which before and after must agree
    UNSAFE = [(args...), ...]   unsafe fixes only: inputs on which they must differ
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from helpers import SOURCE_DIR, run

CASES = Path(__file__).resolve().parent / "fix_cases"
HEADER = re.compile(r"^# fix: (PPL[0-9]{3}) (safe|unsafe)\s*$", re.M)

# Runs one sample of a module in a fresh interpreter: prints what it returned, printed or raised.
RUNNER = r"""
import contextlib, importlib.util, io, sys
spec = importlib.util.spec_from_file_location("case", sys.argv[1])
case = importlib.util.module_from_spec(spec)
spec.loader.exec_module(case)
group = getattr(case, sys.argv[2])
for args in group:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            result = case.run(*args)
        print(repr(result), repr(out.getvalue()))
    except Exception as e:  # the type is what callers can catch
        print("raised", type(e).__name__, repr(out.getvalue()))
"""


def interpreters():
    """python3 plus each CPython 3.9+ under pyenv, when present."""
    found = [sys.executable]
    for path in sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3"))):
        version = Path(path).parents[1].name
        parts = version.split(".")
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= 9:
            found.append(path)
    return found


def outcomes(python, path, group):
    done = subprocess.run([python, "-c", RUNNER, str(path), group], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"{python} {path} {group}: {done.stderr}")
    return done.stdout.splitlines()


class FixBehaviour(unittest.TestCase):
    def test_cases_keep_behaviour(self):
        cases = sorted(CASES.glob("*.py"))
        self.assertTrue(cases, "no fix cases")
        pythons = interpreters()
        for case in cases:
            with self.subTest(case=case.name):
                text = case.read_text()
                header = HEADER.search(text)
                self.assertIsNotNone(header, f"{case.name}: no `# fix: PPLnnn safe|unsafe` header")
                code, level = header.groups()
                with tempfile.TemporaryDirectory() as tmp:
                    fixed = Path(tmp) / case.name
                    shutil.copy(case, fixed)
                    args = ["--isolated", "--preview", "--select", code, "--fix", "--exit-zero", "-q"]
                    if level == "unsafe":
                        args.append("--unsafe-fixes")
                    done = run(*args, fixed)
                    self.assertEqual(done.returncode, 0, done.stderr)
                    after = fixed.read_text()
                    self.assertNotEqual(after, text, f"{case.name}: the {level} fix of {code} did not apply")
                    if level == "unsafe":
                        # Not applied without --unsafe-fixes.
                        again = Path(tmp) / "safe_only.py"
                        shutil.copy(case, again)
                        run("--isolated", "--preview", "--select", code, "--fix", "--exit-zero", "-q", again)
                        self.assertEqual(again.read_text(), text, f"{case.name}: an unsafe fix applied with --fix")
                    for python in pythons:
                        before_out = outcomes(python, case, "SAMPLES")
                        after_out = outcomes(python, fixed, "SAMPLES")
                        self.assertTrue(before_out, f"{case.name}: no SAMPLES")
                        self.assertEqual(before_out, after_out, f"{case.name} under {python}:\n{after}")
                        if level == "unsafe":
                            before_bad = outcomes(python, case, "UNSAFE")
                            after_bad = outcomes(python, fixed, "UNSAFE")
                            self.assertTrue(before_bad, f"{case.name}: an unsafe case needs UNSAFE inputs")
                            for b, a in zip(before_bad, after_bad):
                                self.assertNotEqual(b, a, f"{case.name}: an UNSAFE input behaves the same")

    def test_goldens_compile(self):
        goldens = sorted((SOURCE_DIR / "fixtures").glob("*/*.fixed"))
        self.assertTrue(goldens)
        for python in interpreters():
            with self.subTest(python=python):
                script = (
                    "import sys\n"
                    "for path in sys.argv[1:]:\n"
                    "    compile(open(path, 'rb').read(), path, 'exec')\n"
                )
                done = subprocess.run([python, "-c", script, *map(str, goldens)], capture_output=True, text=True)
                self.assertEqual(done.returncode, 0, done.stderr)


if __name__ == "__main__":
    unittest.main()
