"""Applying fixes end to end: --fix, --unsafe-fixes, --diff, --fix-only, --show-fixes, standard input,
the configuration keys, what the reports say about fixes, what is kept of a file (permissions, line
endings, BOM, untouched files) and that a killed run never leaves a torn file."""

import difflib
import json
import os
import signal
import stat
import subprocess
import time
import unittest

from helpers import BINARY, CLEAN_ENV, SARIF_SCHEMA, TempTree, run, validate_against_schema

# One safe fix (PPL103: `k in d.keys()` on a dict) and one unsafe fix (PPL102: an operand of
# unknown type against a tuple of constants: an unhashable one would raise TypeError with a set).
SOURCE = (
    "import sys\n"
    "\n"
    "d = {\"a\": 1}\n"
    "x = sys.argv[1]\n"
    "if x in d.keys():\n"
    "    pass\n"
    "if x in (\"a\", \"b\", \"c\"):\n"
    "    pass\n"
)
SAFE = SOURCE.replace("x in d.keys()", "x in d")
BOTH = SAFE.replace('("a", "b", "c")', '{"a", "b", "c"}')
SELECT = ("--isolated", "--select", "PPL102,PPL103")


class Applying(TempTree):
    def test_fix_applies_safe_fixes_only_and_exits_1_while_findings_remain(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--fix", path)
        self.assertEqual(path.read_text(), SAFE)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("Found 2 findings in 1 file checked (1 fixed, 1 remaining).", r.stdout)
        self.assertIn("(1 hidden unsafe fix: --unsafe-fixes)", r.stdout)

    def test_unsafe_fixes_apply_everything_and_exit_0(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--fix", "--unsafe-fixes", path)
        self.assertEqual(path.read_text(), BOTH)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("(2 fixed, 0 remaining)", r.stdout)

    def test_without_fix_nothing_is_written_and_fixable_findings_are_marked(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--output-format", "concise", path)
        self.assertEqual(path.read_text(), SOURCE)
        lines = r.stdout.splitlines()
        self.assertIn(" PPL103 [*] ", lines[0])
        self.assertNotIn("[*]", lines[1])  # unsafe: not applied by --fix
        self.assertIn("[*] 1 fixable with --fix (1 hidden unsafe fix: --unsafe-fixes).", r.stdout)
        marked = run(*SELECT, "--output-format", "concise", "--unsafe-fixes", path)
        self.assertEqual(marked.stdout.count("[*] "), 3)  # two findings and the summary
        grouped = run(*SELECT, "--output-format", "grouped", path)
        self.assertIn(" PPL103 [*] ", grouped.stdout)
        full = run(*SELECT, path)
        self.assertIn("help: Replace `d.keys()` with `d`", full.stdout)
        self.assertIn("help: Use a set literal (unsafe fix)", full.stdout)

    def test_show_fixes_lists_them_per_file_and_rule(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--fix", "--unsafe-fixes", "--show-fixes", path)
        self.assertIn("Fixed 2 findings:", r.stdout)
        self.assertIn("1 × PPL102 (literal-list-membership)", r.stdout)
        self.assertIn("1 × PPL103 (dict-keys-membership)", r.stdout)

    def test_fix_only_reports_nothing_else_and_exits_0(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--fix-only", path)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, "Fixed 1 finding.\n")
        self.assertEqual(path.read_text(), SAFE)

    def test_the_last_of_fix_and_no_fix_wins(self):
        path = self.write("m.py", SOURCE)
        run(*SELECT, "--fix", "--no-fix", path)
        self.assertEqual(path.read_text(), SOURCE)
        run(*SELECT, "--no-fix", "--fix", path)
        self.assertEqual(path.read_text(), SAFE)

    def test_fix_only_keeps_machine_formats_empty(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--fix-only", "--output-format", "json", path)
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        self.assertEqual(path.read_text(), SAFE)

    def test_no_fix_wins_over_the_configuration(self):
        path = self.write("m.py", SOURCE)
        self.write("pyproject.toml", "[tool.pyperf-lint]\nselect = [\"PPL102\", \"PPL103\"]\nfix = true\n")
        run(path, "--no-fix", cwd=self.dir)
        self.assertEqual(path.read_text(), SOURCE)
        run(path, cwd=self.dir)
        self.assertEqual(path.read_text(), SAFE)

    def test_files_without_an_applied_edit_are_not_touched(self):
        clean = self.write("clean.py", "x = 1\n")
        fixable = self.write("m.py", SOURCE)
        old = 1_000_000_000
        os.utime(clean, ns=(old, old))
        run(*SELECT, "--fix", self.dir)
        self.assertEqual(clean.stat().st_mtime_ns, old)
        self.assertEqual(fixable.read_text(), SAFE)

    def test_permissions_line_endings_and_bom_are_kept(self):
        path = self.write("m.py", b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode())
        os.chmod(path, 0o640)
        run(*SELECT, "--fix", path)
        self.assertEqual(path.read_bytes(), b"\xef\xbb\xbf" + SAFE.replace("\n", "\r\n").encode())
        self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o640)
        self.assertEqual([p.name for p in self.dir.iterdir()], ["m.py"])  # no temporary file left behind

    def test_a_symbolic_link_is_written_through(self):
        target = self.write("real.py", SOURCE)
        link = self.dir / "link.py"
        link.symlink_to(target)
        run(*SELECT, "--fix", link)
        self.assertTrue(link.is_symlink())
        self.assertEqual(target.read_text(), SAFE)

    def test_a_file_with_a_syntax_error_is_not_fixed(self):
        path = self.write("m.py", SOURCE + "def f(:\n")
        r = run(*SELECT, "--fix", "--unsafe-fixes", path)
        self.assertEqual(path.read_text(), SOURCE + "def f(:\n")
        self.assertEqual(r.returncode, 1)


class Diff(TempTree):
    def test_diff_matches_difflib_writes_nothing_and_exits_1(self):
        path = self.write("m.py", SOURCE)
        r = run(*SELECT, "--diff", "--unsafe-fixes", "m.py", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(path.read_text(), SOURCE)
        expected = "".join(difflib.unified_diff(SOURCE.splitlines(True), BOTH.splitlines(True), "a/m.py", "b/m.py"))
        self.assertEqual(r.stdout, expected)
        self.assertIn("Would fix 2 findings (0 remaining).", r.stderr)

    def test_diff_of_spread_edits_has_separate_hunks_like_difflib(self):
        body = "".join(f"v{i} = {i}\n" for i in range(40))
        source = "d = {'a': 1}\n" + "if 'a' in d.keys():\n    pass\n" + body + "if 'b' in d.keys():\n    pass\n"
        self.write("m.py", source)
        r = run("--isolated", "--select", "PPL103", "--diff", "m.py", cwd=self.dir)
        fixed = source.replace(" d.keys()", " d")
        expected = "".join(difflib.unified_diff(source.splitlines(True), fixed.splitlines(True), "a/m.py", "b/m.py"))
        self.assertEqual(r.stdout, expected)
        self.assertEqual(r.stdout.count("@@ -"), 2)

    def test_no_diff_exits_0(self):
        self.write("m.py", "x = 1\n")
        r = run(*SELECT, "--diff", "m.py", cwd=self.dir)
        self.assertEqual((r.returncode, r.stdout), (0, ""))


class StandardInput(TempTree):
    def test_fixed_source_on_stdout_report_on_stderr(self):
        r = run(*SELECT, "--fix", "-", stdin=SOURCE)
        self.assertEqual(r.stdout, SAFE)
        self.assertIn("PPL102", r.stderr)
        self.assertIn("(1 fixed, 1 remaining)", r.stderr)
        nothing = run(*SELECT, "--fix", "-", stdin="x = 1\n")
        self.assertEqual(nothing.stdout, "x = 1\n")

    def test_diff_of_standard_input(self):
        r = run(*SELECT, "--diff", "-", stdin=SOURCE)
        self.assertTrue(r.stdout.startswith("--- a/-\n+++ b/-\n"), r.stdout)


class Configuration(TempTree):
    def config(self, text):
        self.write("pyproject.toml", "[tool.pyperf-lint]\nselect = [\"PPL102\", \"PPL103\"]\n" + text)

    def test_fix_and_unsafe_fixes_keys(self):
        path = self.write("m.py", SOURCE)
        self.config("fix = true\nunsafe-fixes = true\n")
        r = run("m.py", cwd=self.dir)
        self.assertEqual(path.read_text(), BOTH)
        self.assertEqual(r.returncode, 0)

    def test_unfixable_shows_the_fix_without_applying_it(self):
        path = self.write("m.py", SOURCE)
        self.config("unfixable = [\"dict-keys-membership\"]\n")
        run("m.py", "--fix", "--unsafe-fixes", cwd=self.dir)
        self.assertEqual(path.read_text(), SOURCE.replace('("a", "b", "c")', '{"a", "b", "c"}'))
        r = run("m.py", "--output-format", "json", cwd=self.dir)
        fix = [f for f in json.loads(r.stdout) if f["code"] == "PPL103"][0]["fix"]
        self.assertEqual(fix["applicability"], "display")

    def test_fixable_limits_the_rules(self):
        path = self.write("m.py", SOURCE)
        self.config("fixable = [\"PPL102\"]\n")
        run("m.py", "--fix", "--unsafe-fixes", cwd=self.dir)
        self.assertEqual(path.read_text(), SOURCE.replace('("a", "b", "c")', '{"a", "b", "c"}'))

    def test_extend_safe_and_unsafe_fixes_move_the_levels(self):
        path = self.write("m.py", SOURCE)
        self.config("extend-safe-fixes = [\"PPL102\"]\nextend-unsafe-fixes = [\"PPL103\"]\n")
        run("m.py", "--fix", cwd=self.dir)
        self.assertEqual(path.read_text(), SOURCE.replace('("a", "b", "c")', '{"a", "b", "c"}'))

    def test_unknown_selector_is_a_configuration_error(self):
        self.write("m.py", SOURCE)
        self.config("unfixable = [\"PPL9\"]\n")
        r = run("m.py", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown rule selector 'PPL9' in `unfixable`", r.stderr)


class Reports(TempTree):
    def test_sarif_fixes_validate_and_replace_the_right_regions(self):
        self.write("m.py", SOURCE)
        out = self.dir / "out.sarif"
        run(*SELECT, "--output-format", "sarif", "-o", out, "m.py", cwd=self.dir)
        validate_against_schema(self, SARIF_SCHEMA, out)
        results = json.loads(out.read_text())["runs"][0]["results"]
        keys = [r for r in results if r["ruleId"] == "PPL103"][0]
        change = keys["fixes"][0]["artifactChanges"][0]
        self.assertEqual(change["artifactLocation"]["uri"], "m.py")
        self.assertEqual(change["replacements"], [{
            "deletedRegion": {"startLine": 5, "startColumn": 9, "endLine": 5, "endColumn": 17},
            "insertedContent": {"text": "d"},
        }])

    def test_json_lines_carry_the_fix_and_null_without_one(self):
        self.write("m.py", SOURCE + "for i in range(3):\n    s = sorted([i])\n")
        r = run("--isolated", "--select", "PPL103,PPL204", "--output-format", "json-lines", "m.py", cwd=self.dir)
        fixes = {json.loads(line)["code"]: json.loads(line)["fix"] for line in r.stdout.splitlines()}
        self.assertEqual(fixes["PPL103"]["applicability"], "safe")


class CrashSafety(TempTree):
    """SIGKILL at varied moments of a --fix run: the file is always the original or the fixed one."""

    def test_a_killed_run_never_leaves_a_torn_file(self):
        block = "def f{0}(x):\n    d = {{'a': {0}}}\n    return x in d.keys()\n\n\n"
        source = "".join(block.format(i) for i in range(12000))  # about 1 MB, one fixable line in three
        reference = self.write("reference.py", source)
        start = time.monotonic()
        run("--isolated", "--select", "PPL103", "--fix", "--max-file-size", "50", reference, timeout=300)
        duration = time.monotonic() - start
        fixed = reference.read_text()
        self.assertNotEqual(fixed, source)
        victim = self.dir / "victim.py"
        outcomes = set()
        for k in range(16):
            victim.write_text(source)
            process = subprocess.Popen([BINARY, "--isolated", "--select", "PPL103", "--fix", "--max-file-size", "50",
                                        str(victim)], env=CLEAN_ENV, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(duration * (0.3 + 0.9 * k / 15))  # from well before the write to past the end
            process.send_signal(signal.SIGKILL)
            process.wait()
            text = victim.read_text()
            self.assertIn(text, (source, fixed), f"run {k}: a torn file")
            outcomes.add(text == fixed)
            for leftover in self.dir.glob(".victim.py.pyperf-lint-*"):
                leftover.unlink()  # a temporary file of a killed run, never the file itself
        self.assertTrue(outcomes, "no run was observed")


if __name__ == "__main__":
    unittest.main()
