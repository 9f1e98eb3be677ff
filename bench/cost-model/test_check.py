#!/usr/bin/env python3
"""Self-test of check.py: a throw-away repository in a temp dir, broken one way at a time, must fail.

Each test builds a tiny tree (one pair module, rules.def, catalog, rule doc, results.csv and
RESULTS.md made by run.py's own writers), checks that the intact tree passes, then breaks one thing
(a wrong `after`, an input-mutating `before`, a missing pair, an undeclared slowdown, a stale doc
row, ...) and expects check.py to fail with the matching message.

It also checks run.py --merge (one rule re-measured in place): only that rule's rows are
replaced, with the same interpreters, and the header notes it.

usage: python3 -m unittest -v test_check      (from bench/cost-model)
"""

import contextlib
import io
import shutil
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import check  # noqa: E402
import common  # noqa: E402
import run  # noqa: E402

VERSIONS = ("3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0")

PAIR = '''
"""PPL900 demo-rule: a pair for check.py's self-test. FIRES_FROM = {fires_from}."""

CODE = "PPL900"
NAME = "demo-rule"
VARIANT = "set-once"
N = "len(items)"
BEFORE = "x in items"
AFTER = "x in set(items)"
SIZES = (10, 100)
FIRES_FROM = {fires_from}
{extra}


def setup(n):
    return list(range(n))


def before(items):
    return [x for x in range(0, 2 * len(items), 3) if x in items]


def after(items):
    s = set(items)
    return [x for x in range(0, 2 * len(items), 3) if x in s]
'''

DOC = """## What it does
A demo.

## Cost model
| rule | variant | python | n = 10 |
|---|---|---|---|
| PPL900 | set-once | 3.11.7 | 0 |

## References
None.
"""


class CheckSelfTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="cost-model-selftest-"))
        self.addCleanup(shutil.rmtree, self.tmp)
        (self.tmp / "pairs").mkdir()
        (self.tmp / "rules" / "demo").mkdir(parents=True)
        (self.tmp / "rules" / "rules.def").write_text("PYPERF_RULE(PPL001, tool, parse_error)\nPYPERF_RULE(PPL900, demo, demo_rule)\n")
        (self.tmp / "rules" / "demo" / "demo_rule.cpp").write_text("// demo\n")
        (self.tmp / "rules" / "demo" / "demo_rule.md").write_text(DOC)
        (self.tmp / "catalog.md").write_text("| code | name |\n|---|---|\n| PPL900 | demo-rule |\n")
        self.write_pair()
        self.ratios = {(version, n): 3.0 for version in VERSIONS for n in (10, 100)}

    # ------------------------------------------------------------ helpers

    def write_pair(self, fires_from=10, extra="", replace=None):
        text = PAIR.format(fires_from=fires_from, extra=extra)
        for old, new in (replace or {}).items():
            self.assertIn(old, text)
            text = text.replace(old, new)
        (self.tmp / "pairs" / "PPL900.py").write_text(textwrap.dedent(text))

    def write_results(self):
        variants, errors = common.load_variants(self.tmp / "pairs")
        self.assertEqual(errors, [])
        rows = [
            {"rule": "PPL900", "variant": "set-once", "version": version, "n": n, "before_ns": 100.0 * ratio,
             "after_ns": 100.0, "ratio": ratio}
            for (version, n), ratio in sorted(self.ratios.items())
        ]
        rows += [
            {"rule": "PPL900", "variant": "alt", "version": version, "n": n, "before_ns": 100.0 * ratio,
             "after_ns": 100.0, "ratio": ratio}
            for (version, n), ratio in sorted(getattr(self, "ratios_alt", {}).items())
        ]
        common.write_csv(rows, self.tmp / "results.csv")
        rows = common.read_csv(self.tmp / "results.csv")
        meta = {"date": "today", "machine": "test", "load_start": "0", "load_end": "0",
                "interpreters": [{"version": v, "executable": "python"} for v in VERSIONS], "repeats": 7,
                "target_ms": 15, "runs": 1, "quick": False, "wall": "0 s"}
        (self.tmp / "RESULTS.md").write_text(run.render(variants, rows, meta))
        run.sync_docs(self.tmp / "RESULTS.md", self.tmp)

    def run_check(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = check.main(["--python", sys.executable, "--max-n", "100", "--pairs", str(self.tmp / "pairs"),
                             "--results", str(self.tmp), "--rules-def", str(self.tmp / "rules" / "rules.def"),
                             "--catalog", str(self.tmp / "catalog.md"), "--root", str(self.tmp)])
        return rc, out.getvalue()

    def assertFails(self, needle):
        rc, out = self.run_check()
        self.assertEqual(rc, 1, out)
        self.assertIn(needle, out)
        return out

    def assertPasses(self):
        rc, out = self.run_check()
        self.assertEqual(rc, 0, out)
        return out

    # ------------------------------------------------------------ tests

    def test_intact_tree_passes(self):
        self.write_results()
        self.assertPasses()
        doc = (self.tmp / "rules" / "demo" / "demo_rule.md").read_text()
        self.assertIn("| PPL900 | set-once | 3.13.0 | 3.00 | 3.00 |", doc)  # sync_docs filled the quote

    def test_wrong_after_fails(self):
        self.write_results()
        self.write_pair(replace={"if x in s]": "if x not in s]"})
        self.assertFails("before and after differ")

    def test_after_raising_fails(self):
        self.write_results()
        self.write_pair(replace={"    s = set(items)": "    s = set(items[0])"})
        self.assertFails("raised")

    def test_before_mutating_inputs_fails(self):
        self.write_results()
        self.write_pair(replace={"def before(items):\n": "def before(items):\n    items.append(-3)\n"})
        self.assertFails("mutates its inputs")

    def test_unseeded_setup_fails(self):
        self.write_results()
        self.write_pair(replace={"    return list(range(n))": "    import random\n    return random.sample(range(3 * n), n)"})
        self.assertFails("not deterministic")

    def test_rule_without_pair_fails(self):
        self.write_results()
        with open(self.tmp / "rules" / "rules.def", "a") as f:
            f.write("PYPERF_RULE(PPL901, demo, other_rule)\n")
        self.assertFails("PPL901 other-rule has no pair module")

    def test_catalog_rule_without_pair_fails(self):
        self.write_results()
        with open(self.tmp / "catalog.md", "a") as f:
            f.write("| PPL902 | not-implemented-yet |\n")
        self.assertFails("PPL902 not-implemented-yet has no pair module")

    def test_undeclared_slowdown_fails(self):
        self.ratios[("3.12.1", 100)] = 0.8
        self.write_results()
        self.assertFails("PPL900/set-once on 3.12.1 at n = 100: ratio 0.800")

    def test_declared_slowdown_passes_and_is_reported(self):
        self.ratios[("3.12.1", 100)] = 0.8
        self.write_pair(extra='SLOWER_ON = {"3.12": "a reason"}')
        self.write_results()
        out = self.assertPasses()
        self.assertIn("declared slower: PPL900/set-once on 3.12.1 at n = 100", out)

    def test_declaration_for_another_size_does_not_excuse(self):
        self.ratios[("3.12.1", 100)] = 0.8
        self.write_pair(extra='SLOWER_ON = {("3.12", 10): "a reason"}')
        self.write_results()
        self.assertFails("ratio 0.800")

    def test_alternative_variant_is_reported_not_gated(self):
        with open(self.tmp / "pairs" / "PPL900.py", "a") as f:
            f.write('\n\nVARIANTS = {"alt": {"after": before, "alternative": "a second advice"}}\n')
        self.ratios_alt = {(version, n): 0.5 for version in VERSIONS for n in (10, 100)}
        self.write_results()
        out = self.assertPasses()
        self.assertIn("alternative PPL900/alt (not gated) slower", out)

    def test_slowdown_below_fires_from_passes(self):
        self.ratios[("3.12.1", 10)] = 0.8
        self.write_pair(fires_from=100)
        self.write_results()
        self.assertPasses()

    def test_fires_from_above_every_size_is_rejected(self):
        self.write_results()
        self.write_pair(fires_from=1000)
        self.assertFails("above every measured size")

    def test_missing_supported_version_fails(self):
        for n in (10, 100):
            del self.ratios[("3.13.0", n)]
        self.write_results()
        self.assertFails("no measurement on CPython 3.13")

    def test_hand_edited_results_md_fails(self):
        self.write_results()
        path = self.tmp / "RESULTS.md"
        path.write_text(path.read_text().replace("| PPL900 | set-once | 3.11.7 | 3.00 |", "| PPL900 | set-once | 3.11.7 | 9.00 |"))
        self.assertFails("RESULTS.md")

    def test_stale_doc_row_fails(self):
        self.write_results()
        path = self.tmp / "rules" / "demo" / "demo_rule.md"
        path.write_text(path.read_text().replace("| PPL900 | set-once | 3.10.13 | 3.00 |", "| PPL900 | set-once | 3.10.13 | 2.00 |"))
        self.assertFails("quotes a row that is not in RESULTS.md")

    def test_doc_without_quote_fails(self):
        self.write_results()
        (self.tmp / "rules" / "demo" / "demo_rule.md").write_text("## What it does\nA demo.\n")
        self.assertFails("does not quote its row")


class MergeSelfTest(unittest.TestCase):
    """run.py --code X --merge: X's rows are replaced, every other row and the header are kept."""

    @staticmethod
    def rows(rule, versions, ratio):
        return [{"rule": rule, "variant": "v", "version": version, "n": 10, "before_ns": ratio, "after_ns": 1.0,
                 "ratio": ratio} for version in versions]

    def test_merge_replaces_only_the_rules_given(self):
        old = self.rows("PPL900", VERSIONS, 2.0) + self.rows("PPL901", VERSIONS, 3.0)
        merged = run.merge_rows(old, self.rows("PPL900", VERSIONS, 5.0), ["PPL900"])
        ratios = {(r["rule"], r["version"]): r["ratio"] for r in merged}
        self.assertEqual(len(merged), len(old))
        self.assertTrue(all(ratios[("PPL900", v)] == 5.0 and ratios[("PPL901", v)] == 3.0 for v in VERSIONS))

    def test_merge_drops_rows_of_variants_that_no_longer_exist(self):
        old = self.rows("PPL900", VERSIONS, 2.0)
        for r in old:
            r["variant"] = "gone"
        merged = run.merge_rows(old, self.rows("PPL900", VERSIONS, 5.0), ["PPL900"])
        self.assertEqual({r["variant"] for r in merged}, {"v"})

    def test_merge_refuses_other_interpreters(self):
        old = self.rows("PPL900", VERSIONS, 2.0)
        with self.assertRaisesRegex(ValueError, "measured on CPython"):
            run.merge_rows(old, self.rows("PPL900", VERSIONS[:-1], 5.0), ["PPL900"])
        with self.assertRaisesRegex(ValueError, "measured on CPython"):
            run.merge_rows(old, self.rows("PPL900", VERSIONS[:-1] + ("3.13.1",), 5.0), ["PPL900"])

    def test_header_notes_the_remeasurement_once_per_rule(self):
        meta = {"date": "D1", "runs": 3, "load_start": "1", "load_end": "2", "wall": "9 s", "quick": False}
        header = "# T\n\n- Date: D0\n- Machine: M\n"
        once = run.remeasured_header(header, ["PPL900"], meta)
        self.assertIn("- Date: D0\n" + run.REMEASURED + "PPL900 on D1 (median of 3 runs", once)
        both = run.remeasured_header(once, ["PPL901"], dict(meta, date="D2"))
        again = run.remeasured_header(both, ["PPL900"], dict(meta, date="D3"))
        line = next(x for x in again.splitlines() if x.startswith(run.REMEASURED))
        self.assertNotIn("D1", line)
        self.assertIn("PPL901 on D2", line)
        self.assertIn("PPL900 on D3", line)
        self.assertEqual(again.count(run.REMEASURED), 1)


if __name__ == "__main__":
    unittest.main()
