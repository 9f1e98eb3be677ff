"""End-to-end tests of configuration files: discovery, precedence, every key, CLI overrides, errors."""

import json
import os
import shutil
import subprocess
import unittest

from helpers import CLEAN_ENV, TempTree, git, run

# PPL102 on line 2 and PPL305 on line 4.
MIXED = 'K = "x"\nif K in ("a", "b", "c"):\n    pass\nflat = sum([[1], [2]], [])\n'
PPL102_ONLY = 'K = "x"\nif K in ("a", "b", "c"):\n    pass\n'


# The rules these tests use; rules added later must not change what they check.
KNOWN = {"PPL002", "PPL102", "PPL305", "PPL404"}


def findings(result):
    """{(relative path, code)} from concise output, for the rules in KNOWN."""
    out = set()
    for line in result.stdout.splitlines():
        if ": PPL" in line:
            path, rest = line.split(":", 1)
            code = rest.split(": ", 1)[1].split()[0]
            if code in KNOWN:
                out.add((path, code))
    return out


class Discovery(TempTree):
    def lint(self, *args, cwd=None):
        r = run(*args, "--output-format", "concise", "-q", cwd=cwd or self.dir)
        self.assertIn(r.returncode, (0, 1), r.stdout + r.stderr)
        return findings(r)

    def test_pyproject_table_applies(self):
        self.write("pyproject.toml", '[project]\nname = "x"\n\n[tool.pyperf-lint]\nignore = ["PPL305"]\n')
        self.write("pkg/mod.py", MIXED)
        self.assertEqual(self.lint("."), {("pkg/mod.py", "PPL102")})

    def test_pyproject_without_table_is_skipped(self):
        self.write("pyperf-lint.toml", 'ignore = ["PPL305"]\n')
        self.write("sub/pyproject.toml", '[project]\nname = "sub"\n')
        self.write("sub/mod.py", MIXED)
        self.assertEqual(self.lint("."), {("sub/mod.py", "PPL102")})

    def test_closest_config_wins_without_merging(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nignore = ["PPL305"]\n')
        self.write("sub/pyperf-lint.toml", 'ignore = ["PPL102"]\n')
        self.write("top.py", MIXED)
        self.write("sub/inner/mod.py", MIXED)
        self.assertEqual(self.lint("."), {("top.py", "PPL102"), ("sub/inner/mod.py", "PPL305")})
        # The same from inside the subtree, and for a file named explicitly.
        self.assertEqual(self.lint("inner", cwd=self.dir / "sub"), {("inner/mod.py", "PPL305")})
        self.assertEqual(self.lint("sub/inner/mod.py"), {("sub/inner/mod.py", "PPL305")})

    def test_precedence_within_a_directory(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nignore = ["PPL102", "PPL305"]\n')
        self.write("pyperf-lint.toml", 'ignore = ["PPL102"]\n')
        self.write("mod.py", MIXED)
        self.assertEqual(self.lint("mod.py"), {("mod.py", "PPL305")})
        self.write(".pyperf-lint.toml", 'ignore = ["PPL305"]\n')
        self.assertEqual(self.lint("mod.py"), {("mod.py", "PPL102")})

    def test_config_flag_forces_one_file_and_isolated_ignores_all(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nignore = ["PPL305"]\n')
        self.write("sub/pyperf-lint.toml", 'ignore = ["PPL102"]\n')
        self.write("sub/mod.py", MIXED)
        other = self.write("elsewhere/custom.toml", 'select = ["PPL305"]\n')
        self.assertEqual(self.lint(".", "--config", other), {("sub/mod.py", "PPL305")})
        self.assertEqual(self.lint(".", "--isolated"), {("sub/mod.py", "PPL102"), ("sub/mod.py", "PPL305")})
        r = run(".", "--config", other, "--isolated", cwd=self.dir)
        self.assertEqual(r.returncode, 2)

    def test_cli_flags_override_the_file(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nselect = ["PPL102"]\n')
        self.write("mod.py", MIXED)
        self.assertEqual(self.lint("."), {("mod.py", "PPL102")})
        self.assertEqual(self.lint(".", "--select", "PPL305"), {("mod.py", "PPL305")})
        self.assertEqual(self.lint(".", "--extend-select", "PPL305"), {("mod.py", "PPL102"), ("mod.py", "PPL305")})
        self.assertEqual(self.lint(".", "--ignore", "PPL102"), set())

    def test_cli_ignore_adds_to_the_file_ignore(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nignore = ["PPL102"]\n')
        self.write("mod.py", MIXED + "y = any([v for v in [1]])\n")
        self.assertEqual(self.lint(".", "--ignore", "PPL305"), {("mod.py", "PPL404")})


class Keys(TempTree):
    def lint(self, *args, cwd=None):
        r = run(*args, "--output-format", "concise", "-q", cwd=cwd or self.dir)
        self.assertIn(r.returncode, (0, 1), r.stdout + r.stderr)
        return findings(r)

    def test_per_file_ignores(self):
        self.write("pyproject.toml", """[tool.pyperf-lint.per-file-ignores]
"tests/**" = ["PPL102"]
"test_*.py" = ["literal-list-membership"]
"{scripts,tools}/*.py" = ["PPL3"]
"gen/?.py" = ["PPL102", "PPL305"]
""")
        for name in ("tests/deep/a.py", "src/test_b.py", "scripts/c.py", "tools/d.py", "gen/e.py", "gen/ff.py",
                     "src/g.py"):
            self.write(name, MIXED)
        self.assertEqual(self.lint("."), {
            ("tests/deep/a.py", "PPL305"), ("src/test_b.py", "PPL305"), ("scripts/c.py", "PPL102"),
            ("tools/d.py", "PPL102"), ("gen/ff.py", "PPL102"), ("gen/ff.py", "PPL305"), ("src/g.py", "PPL102"),
            ("src/g.py", "PPL305")})

    def test_negated_per_file_ignores_apply_to_the_other_files(self):
        # ruff's meaning: "!glob" ignores the rules in every file the glob does not match.
        self.write("pyproject.toml", '[tool.pyperf-lint.per-file-ignores]\n"!src/**" = ["PPL102"]\n'
                   '"!keep_*.py" = ["PPL305"]\n')
        for name in ("src/a.py", "src/keep_b.py", "tests/c.py", "keep_d.py"):
            self.write(name, MIXED)
        self.assertEqual(self.lint("."), {("src/a.py", "PPL102"), ("src/keep_b.py", "PPL102"),
                                          ("src/keep_b.py", "PPL305"), ("keep_d.py", "PPL305")})
        r = run("--show-settings", "src/a.py", cwd=self.dir)
        self.assertIn('per-file-ignores = { "!keep_*.py" = ["PPL305"], "!src/**" = ["PPL102"] }', r.stdout)

    def test_force_exclude_applies_exclusions_to_named_paths(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nextend-exclude = ["src/generated"]\n')
        for name in ("src/generated/deep/g.py", "src/a.py", "build/b.py"):
            self.write(name, PPL102_ONLY)
        named = ("src/generated/deep/g.py", "src/a.py", "build/b.py", "src/generated")
        everything = {("src/generated/deep/g.py", "PPL102"), ("src/a.py", "PPL102"), ("build/b.py", "PPL102")}
        self.assertEqual(self.lint(*named), everything)  # named paths are linted by default
        self.assertEqual(self.lint(*named, "--force-exclude"), {("src/a.py", "PPL102")})
        # From inside the tree, and as a configuration key.
        self.assertEqual(self.lint("generated/deep/g.py", "a.py", "--force-exclude", cwd=self.dir / "src"),
                         {("a.py", "PPL102")})
        self.write("pyproject.toml", '[tool.pyperf-lint]\nextend-exclude = ["src/generated"]\nforce-exclude = true\n')
        self.assertEqual(self.lint(*named), {("src/a.py", "PPL102")})
        # Standard input named as an excluded file is linted as nothing.
        r = run("-", "--stdin-filename", "src/generated/x.py", "--output-format", "concise", cwd=self.dir,
                stdin=PPL102_ONLY)
        self.assertEqual((r.returncode, r.stdout.count("PPL102")), (0, 0), r.stdout + r.stderr)
        r = run("-", "--stdin-filename", "src/x.py", "--output-format", "concise", cwd=self.dir, stdin=PPL102_ONLY)
        self.assertEqual((r.returncode, r.stdout.count("PPL102")), (1, 1), r.stdout + r.stderr)

    def test_per_file_ignores_drop_parse_errors_only_when_named(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nselect = ["PPL102"]\n'
                   '[tool.pyperf-lint.per-file-ignores]\n"all/*" = ["ALL"]\n"named/*" = ["PPL001"]\n')
        for name in ("all/a.py", "named/b.py"):
            self.write(name, "def f(:\n    pass\n")
        r = run(".", "--output-format", "concise", "-q", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("all/a.py:1:7: PPL001", r.stdout)
        self.assertNotIn("named/b.py", r.stdout)

    def test_per_file_ignores_are_relative_to_the_config_file(self):
        self.write("project/pyproject.toml", '[tool.pyperf-lint.per-file-ignores]\n"src/*" = ["PPL102"]\n')
        self.write("project/src/a.py", PPL102_ONLY)
        self.write("project/other/src/b.py", PPL102_ONLY)
        self.assertEqual(self.lint("project"), {("project/other/src/b.py", "PPL102")})

    def test_exclude_replaces_the_defaults_and_extend_exclude_adds(self):
        self.write("build/a.py", PPL102_ONLY)
        self.write("generated/b.py", PPL102_ONLY)
        self.write("src/c_pb2.py", PPL102_ONLY)
        self.write("src/d.py", PPL102_ONLY)
        self.assertEqual(self.lint("."), {("generated/b.py", "PPL102"), ("src/c_pb2.py", "PPL102"),
                                          ("src/d.py", "PPL102")})
        self.write("pyperf-lint.toml", 'exclude = ["generated"]\n')
        self.assertEqual(self.lint("."), {("build/a.py", "PPL102"), ("src/c_pb2.py", "PPL102"), ("src/d.py", "PPL102")})
        self.write("pyperf-lint.toml", 'extend-exclude = ["generated", "src/*_pb2.py"]\n')
        self.assertEqual(self.lint("."), {("src/d.py", "PPL102")})
        # A file named on the command line is linted even when excluded.
        self.assertEqual(self.lint("src/c_pb2.py"), {("src/c_pb2.py", "PPL102")})

    def test_respect_gitignore(self):
        if shutil.which("git") is None:
            if os.environ.get("CI", "").lower() == "true":
                self.fail("git is not installed (scripts/setup-deps installs it)")
            self.skipTest("git is not installed (scripts/setup-deps installs it)")
        git("init", "-q", ".", cwd=self.dir)
        self.write(".gitignore", "ignored/\n*_gen.py\n")
        self.write("sub/.gitignore", "local.py\n")
        self.write("ignored/a.py", PPL102_ONLY)
        self.write("src/b_gen.py", PPL102_ONLY)
        self.write("sub/local.py", PPL102_ONLY)
        self.write("sub/kept.py", PPL102_ONLY)
        self.write("src/c.py", PPL102_ONLY)
        self.assertEqual(self.lint("."), {("sub/kept.py", "PPL102"), ("src/c.py", "PPL102")})
        # Named explicitly: linted.
        self.assertEqual(self.lint("src/b_gen.py"), {("src/b_gen.py", "PPL102")})
        self.write("pyproject.toml", "[tool.pyperf-lint]\nrespect-gitignore = false\n")
        self.assertEqual(len(self.lint(".")), 5)

    def test_preview_key_enables_preview_rules(self):
        self.write("mod.py", "x = 1  # noqa: PPL102\n")
        self.assertEqual(self.lint("."), set())
        self.write("pyperf-lint.toml", "preview = true\n")
        self.assertEqual(self.lint("."), {("mod.py", "PPL002")})

    def test_output_format_key_env_and_flag(self):
        self.write("mod.py", PPL102_ONLY)
        self.write("pyperf-lint.toml", 'output-format = "json"\n')
        r = run(".", cwd=self.dir)
        self.assertEqual(json.loads(r.stdout)[0]["code"], "PPL102")
        r = run(".", "--output-format", "pylint", cwd=self.dir)
        self.assertTrue(r.stdout.startswith("mod.py:2: [PPL102(literal-list-membership), ] "), r.stdout)
        r = run(".", cwd=self.dir, env=dict(CLEAN_ENV, PYPERF_LINT_OUTPUT_FORMAT="json-lines"))
        self.assertEqual(json.loads(r.stdout.splitlines()[0])["code"], "PPL102")

    def show(self, *args):
        r = run(*args, "--show-settings", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_target_version_from_key_requires_python_and_flag(self):
        self.write("mod.py", PPL102_ONLY)
        self.assertIn('target-version = "py39"', self.show("mod.py"))
        self.write("pyproject.toml", '[project]\nrequires-python = ">=3.11"\n[tool.pyperf-lint]\n')
        self.assertIn('target-version = "py311"', self.show("mod.py"))
        self.write("pyproject.toml", '[project]\nrequires-python = ">=3.11"\n[tool.pyperf-lint]\n'
                   'target-version = "py312"\n')
        self.assertIn('target-version = "py312"', self.show("mod.py"))
        self.assertIn('target-version = "py310"', self.show("mod.py", "--target-version", "py310"))
        # A standalone file takes requires-python from the pyproject.toml next to it (like ruff).
        self.write("pyproject.toml", '[project]\nrequires-python = ">=3.13"\n')
        self.write("pyperf-lint.toml", "preview = false\n")
        self.assertIn('target-version = "py313"', self.show("mod.py"))

    def test_show_settings_lists_every_key_and_the_file(self):
        self.write("pkg/mod.py", PPL102_ONLY)
        config = self.write("pyproject.toml", '[tool.pyperf-lint]\nignore = ["PPL305"]\n'
                            '[tool.pyperf-lint.per-file-ignores]\n"pkg/*" = ["PPL102"]\n')
        out = self.show(".")
        self.assertIn("# Resolved settings for: pkg/mod.py", out)
        self.assertIn(f"# Configuration file: {config}", out)
        self.assertIn('"pkg/*" = ["PPL102"]', out)
        enabled = next(line for line in out.splitlines() if line.startswith("# Rules enabled for this file:"))
        self.assertNotIn("PPL102", enabled)
        self.assertNotIn("PPL305", enabled)
        keys = [line.split("`")[1] for line in run("config").stdout.splitlines()
                if line.startswith("| `") and "<rule-name>" not in line]
        self.assertGreaterEqual(len(keys), 10)
        for key in keys:
            self.assertRegex(out, rf"(?m)^{key} = ", key)
        self.assertIn("# Configuration file: none (built-in defaults)", self.show(".", "--isolated"))

    def test_config_command_describes_a_key(self):
        r = run("config", "per-file-ignores")
        self.assertEqual(r.returncode, 0)
        self.assertIn("Type: table", r.stdout)
        self.assertEqual(run("config", "nope").returncode, 2)


class Errors(TempTree):
    def error(self, name, text, *args):
        self.write("mod.py", "x = 1\n")
        self.write(name, text)
        r = run(".", *args, cwd=self.dir)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        return r.stderr.strip()

    def test_unknown_key(self):
        self.assertEqual(
            self.error("pyproject.toml", '[project]\nname = "x"\n\n[tool.pyperf-lint]\nselect = ["PPL1"]\nignor = []\n'),
            "pyperf-lint: error: pyproject.toml:6: unknown key `ignor` in [tool.pyperf-lint] (expected one of: select, "
            "extend-select, ignore, per-file-ignores, exclude, extend-exclude, respect-gitignore, force-exclude, "
            "target-version, "
            "output-format, preview, fix, unsafe-fixes, fixable, extend-fixable, unfixable, extend-safe-fixes, "
            "extend-unsafe-fixes)")

    def test_unknown_rule(self):
        self.assertEqual(self.error("pyperf-lint.toml", 'extend-select = [\n  "PPL102",\n  "PPL777",\n]\n'),
                         "pyperf-lint: error: pyperf-lint.toml:3: unknown rule selector 'PPL777' in `extend-select` "
                         "(expected a code like PPL102, a prefix like PPL1, a rule name, or ALL)")

    def test_wrong_type(self):
        self.assertEqual(self.error(".pyperf-lint.toml", "\npreview = 1\n"),
                         "pyperf-lint: error: .pyperf-lint.toml:2: `preview` must be true or false, found an integer")

    def test_broken_toml(self):
        message = self.error("pyperf-lint.toml", 'select = ["PPL1"\nignore = []\n')
        self.assertRegex(message, r"^pyperf-lint: error: pyperf-lint.toml:\d+: invalid TOML: ")

    def test_rule_table_without_options(self):
        self.assertIn("rule `literal-list-membership` has no options",
                      self.error("pyproject.toml", "[tool.pyperf-lint.literal-list-membership]\nlimit = 3\n"))

    def test_nested_config_error_names_that_file(self):
        self.write("pkg/mod.py", "x = 1\n")
        message = self.error("pkg/pyperf-lint.toml", 'target-version = "py2"\n')
        self.assertTrue(message.startswith("pyperf-lint: error: pkg/pyperf-lint.toml:1: `target-version` must be one "
                                           'of "py39"'), message)

    def run_bounded(self, *args, **kwargs):
        """run() that fails the test, instead of waiting forever, when the linter blocks."""
        try:
            return run(*args, timeout=30, **kwargs)
        except subprocess.TimeoutExpired:
            self.fail(f"pyperf-lint {' '.join(map(str, args))} did not finish within 30 s")

    def test_config_flag_naming_a_device_a_fifo_or_a_huge_file(self):
        self.write("mod.py", "x = 1\n")
        fifo = self.dir / "fifo.toml"
        os.mkfifo(fifo)
        huge = self.write("huge.toml", "# padding\n" * 200_000)
        for path, reason in (("/dev/zero", "not a regular file (a character device)"),
                             (fifo, "not a regular file (a FIFO)"),
                             (huge, "2.0 MB is over the 1.0 MB size limit")):
            with self.subTest(path=path):
                r = self.run_bounded(".", "--config", path, cwd=self.dir)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertEqual(r.stderr, f"pyperf-lint: error: {path}: cannot read the configuration file: {reason}\n")

    def test_discovered_config_that_is_a_fifo_is_not_waited_on(self):
        self.write("pkg/mod.py", PPL102_ONLY)
        os.mkfifo(self.dir / "pkg" / "pyproject.toml")
        self.write("pyperf-lint.toml", 'ignore = ["PPL102"]\n')
        # Not a configuration file: the one above applies.
        r = self.run_bounded(".", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_requires_python_that_is_not_a_specifier(self):
        table = "\n[tool.pyperf-lint]\n"
        self.assertEqual(
            self.error("pyproject.toml", '[project]\nrequires-python = "banana"\n' + table),
            'pyperf-lint: error: pyproject.toml:2: `project.requires-python` is not a PEP 440 version specifier: '
            '"banana" (expected comma-separated clauses such as ">=3.10" or ">=3.9, <4")')
        self.assertEqual(
            self.error("pyproject.toml", "[project]\nrequires-python = 3\n" + table),
            'pyperf-lint: error: pyproject.toml:2: `project.requires-python` must be a version specifier string such '
            'as ">=3.10", found an integer')
        # Read for a standalone configuration beside it too, since it then sets the target version.
        (self.dir / "pyproject.toml").write_text('[project]\nrequires-python = ">= 3.10 and < 4"\n')
        self.assertIn("pyproject.toml:2: `project.requires-python` is not a PEP 440 version specifier",
                      self.error("pyperf-lint.toml", "preview = false\n"))

    def test_requires_python_of_a_pyproject_that_is_not_ours_is_not_judged(self):
        self.write("pyproject.toml", '[project]\nrequires-python = "banana"\n')
        self.write("mod.py", "x = 1\n")
        self.assertEqual(run(".", cwd=self.dir).returncode, 0)

    def test_a_directory_named_like_a_configuration_file_is_not_one(self):
        # Like a FIFO: not a file, so discovery goes on to the configuration above.
        self.write("pkg/mod.py", PPL102_ONLY)
        (self.dir / "pkg" / "pyproject.toml").mkdir()
        (self.dir / "pkg" / "pyperf-lint.toml").mkdir()
        self.write("pyperf-lint.toml", 'ignore = ["PPL102"]\n')
        r = run(".", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        # Named with --config, it is an error.
        r = run(".", "--config", self.dir / "pkg" / "pyproject.toml", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot read the configuration file", r.stderr)

    def test_missing_config_flag_file(self):
        r = run(".", "--config", self.dir / "nope.toml", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("nope.toml: cannot read the configuration file", r.stderr)


if __name__ == "__main__":
    unittest.main()
