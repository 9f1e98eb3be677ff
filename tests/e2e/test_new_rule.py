"""scripts/new-rule, end to end, in a throw-away copy of the repository: the scaffolded rule builds,
registers and passes the meta-test, its fixture's test fails until the rule is written, and bad
arguments are rejected without writing anything.

The copy holds the files git knows (tracked, or new and not ignored), not build/ or .deps/; its
build reuses the fetched tree-sitter packages (PYPERF_DEPS_DIR) and builds only pyperf_tests,
at -O0 without debug information, with two jobs. That build is the cost of this test (minutes)."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from helpers import CLEAN_ENV, SOURCE_DIR

DEPS_DIR = Path(os.environ.get("PYPERF_DEPS_DIR") or SOURCE_DIR / ".deps")
FAMILY = "probe"
NAME = "probe-scaffolded-rule"
SNAKE = NAME.replace("-", "_")
ENV = {k: v for k, v in CLEAN_ENV.items() if not k.startswith(("CMAKE_", "CTEST_", "PYPERF_"))}


def run(argv, cwd, timeout=120):
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout)


def rules_def_entries(root):
    text = (root / "rules" / "rules.def").read_text(encoding="utf-8")
    return re.findall(r"^PYPERF_RULE\((PPL\d{3}), (\w+), (\w+)\)$", text, re.M)


def copy_repository(destination):
    """Copies what git knows of the source tree (as it is on disk) to destination."""
    listed = subprocess.run(
        ["git", "-C", str(SOURCE_DIR), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        env=ENV, capture_output=True, check=True, timeout=120).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = SOURCE_DIR / name
        if not source.is_file():  # deleted in the working tree, or a submodule
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


class NewRule(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if shutil.which("git") is None or not (SOURCE_DIR / ".git").exists():
            message = "needs git and a git checkout of the sources"
            if os.environ.get("CI", "").lower() == "true":
                raise AssertionError(message)
            raise unittest.SkipTest(message)
        cls.tmp = Path(tempfile.mkdtemp(prefix="pyperf-new-rule-"))
        cls.root = cls.tmp / "repo"
        copy_repository(cls.root)
        # A hundreds digit no family holds yet, so the new family is valid (PPL9xx today).
        used = {code[3] for code, _, _ in rules_def_entries(cls.root)}
        digit = next(d for d in "987654321" if d not in used)
        cls.code = f"PPL{digit}01"
        cls.before = cls.snapshot()
        cls.scaffold = run([cls.root / "scripts" / "new-rule", cls.code, FAMILY, NAME, "--no-readme"], cls.root)
        cls.build_dir = cls.root / "build" / "probe"
        cls.configure = run(["cmake", "-S", cls.root, "-B", cls.build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
                             "-DCMAKE_C_FLAGS_DEBUG=-O0", "-DCMAKE_CXX_FLAGS_DEBUG=-O0", "-DPYPERF_MIMALLOC=OFF",
                             f"-DPYPERF_DEPS_DIR={DEPS_DIR}"], cls.root, timeout=900)
        cls.build = None
        if cls.scaffold.returncode == 0 and cls.configure.returncode == 0:
            cls.build = run(["cmake", "--build", cls.build_dir, "--target", "pyperf_tests", "-j", "2"], cls.root,
                            timeout=3000)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def snapshot(cls):
        """{relative path: bytes} of rules/, fixtures/, the cost pairs and the README."""
        files = {}
        for folder in ("rules", "fixtures", "bench/cost-model/pairs"):
            for path in (cls.root / folder).rglob("*"):
                if path.is_file():
                    files[str(path.relative_to(cls.root))] = path.read_bytes()
        files["README.md"] = (cls.root / "README.md").read_bytes()
        return files

    def require_build(self):
        self.assertEqual(self.scaffold.returncode, 0, self.scaffold.stdout + self.scaffold.stderr)
        self.assertEqual(self.configure.returncode, 0, self.configure.stdout[-4000:] + self.configure.stderr[-4000:])
        self.assertIsNotNone(self.build)
        self.assertEqual(self.build.returncode, 0, self.build.stdout[-6000:] + self.build.stderr[-6000:])

    def test_scaffold_writes_every_file_and_the_sorted_registry_line(self):
        self.assertEqual(self.scaffold.returncode, 0, self.scaffold.stderr)
        written = [f"rules/{FAMILY}/{SNAKE}.cpp", f"rules/{FAMILY}/{SNAKE}.md", f"fixtures/{FAMILY}/{self.code}.py",
                   f"bench/cost-model/pairs/{self.code}.py"]
        for name in written:
            self.assertTrue((self.root / name).is_file(), name)
            self.assertIn(f"created {name}", self.scaffold.stdout)
        self.assertIn("Next steps:", self.scaffold.stdout)
        entries = rules_def_entries(self.root)
        self.assertIn((self.code, FAMILY, SNAKE), entries)
        self.assertEqual([e[0] for e in entries], sorted(e[0] for e in entries))
        after = self.snapshot()
        changed = sorted(name for name in after if self.before.get(name) != after[name])
        self.assertEqual(changed, sorted(written + ["rules/rules.def"]))  # --no-readme: README untouched
        source = (self.root / written[0]).read_text(encoding="utf-8")
        self.assertIn("lint::Stability::Preview", source)
        self.assertNotIn("TODO", source)

    def test_a_copy_builds(self):
        self.require_build()

    def test_b_meta_test_passes(self):
        self.require_build()
        r = run([self.build_dir / "tests" / "pyperf_tests", "[meta]"], self.root)
        self.assertEqual(r.returncode, 0, r.stdout[-6000:])

    def test_c_the_new_fixture_test_fails_and_is_named(self):
        self.require_build()
        r = run(["ctest", "--test-dir", self.build_dir, "--output-on-failure", "-R", rf"^fixture\.{self.code}$"],
                self.root)
        self.assertNotEqual(r.returncode, 0, r.stdout)
        self.assertIn(f"fixture.{self.code} (Failed)", r.stdout)
        self.assertIn(f"expected [{self.code}]", r.stdout)  # the placeholder positive, not a crash
        control = run(["ctest", "--test-dir", self.build_dir, "-R", r"^fixture\.PPL101$"], self.root)
        self.assertEqual(control.returncode, 0, control.stdout)  # only the placeholder fails
        self.assertIn("100% tests passed, 0 tests failed out of 1", control.stdout)

    def test_cost_pair_fails_the_cost_model_check_until_written(self):
        self.assertEqual(self.scaffold.returncode, 0, self.scaffold.stderr)
        r = run([sys.executable, self.root / "bench" / "cost-model" / "check.py", "--python", sys.executable],
                self.root, timeout=600)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn(f"{self.code}/advice n=10: raised", r.stdout)
        self.assertIn("write before(), the flagged code", r.stdout)
        self.assertIn(f"{self.code}/advice: not measured", r.stdout)

    def test_generated_source_is_formatted(self):
        self.assertEqual(self.scaffold.returncode, 0, self.scaffold.stderr)
        if shutil.which("clang-format") is None:
            self.skipTest("clang-format is not installed")
        r = run([self.root / "scripts" / "check-format"], self.root)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_d_bad_arguments_are_rejected_and_write_nothing(self):
        self.assertEqual(self.scaffold.returncode, 0, self.scaffold.stderr)
        state = self.snapshot()
        other = self.code[:-1] + "2"
        cases = {
            "duplicate code": ([self.code, FAMILY, "probe-other-rule"], "already used"),
            "duplicate name": ([other, FAMILY, NAME], "already used"),
            "duplicate name of an old rule": ([other, FAMILY, "list-pop-front"], "already used by PPL201"),
            "malformed code": (["PPL9x1", FAMILY, "probe-other-rule"], "PPL and three digits"),
            "code too long": ([self.code + "1", FAMILY, "probe-other-rule"], "PPL and three digits"),
            "lowercase code": ([self.code.lower(), FAMILY, "probe-other-rule"], "PPL and three digits"),
            "not the family's digit": (["PPL198", FAMILY, "probe-other-rule"], f"codes are PPL{self.code[3]}xx"),
            "a new family on another's digit": (["PPL198", "probes", "probe-other-rule"], "belongs to the lookup"),
            "the sample project's folder": ([other, "demo", "probe-other-rule"], "fixtures/demo"),
            "name not kebab-case": ([other, FAMILY, "Probe_Other"], "kebab-case"),
        }
        for label, (args, message) in cases.items():
            with self.subTest(label):
                r = run([self.root / "scripts" / "new-rule", *args, "--no-readme"], self.root)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertIn(message, r.stderr)
                self.assertEqual(self.snapshot(), state)


if __name__ == "__main__":
    unittest.main()
