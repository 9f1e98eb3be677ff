"""End-to-end tests of linting standard input for editors: `pyperf-lint - --stdin-filename PATH`."""

import json
import subprocess
import unittest

from helpers import BINARY, CLEAN_ENV, TempTree, run

FINDING = 'K = "x"\nif K in ("a", "b", "c"):\n    pass\nflat = sum([[1], [2]], [])\n'


class Stdin(TempTree):
    def lint(self, *args, stdin=FINDING, fmt="json"):
        r = run(*args, "--output-format", fmt, "--select", "PPL102,PPL305", cwd=self.dir, stdin=stdin)
        return r

    def test_findings_carry_the_given_name_which_need_not_exist(self):
        r = self.lint("-", "--stdin-filename", "pkg/new_module.py")
        self.assertEqual(r.returncode, 1, r.stderr)
        data = json.loads(r.stdout)
        self.assertEqual(sorted(d["code"] for d in data), ["PPL102", "PPL305"])
        self.assertEqual({d["filename"] for d in data}, {str(self.dir / "pkg/new_module.py")})
        self.assertFalse((self.dir / "pkg").exists())
        concise = self.lint("-", "--stdin-filename", "pkg/new_module.py", fmt="concise")
        self.assertIn("pkg/new_module.py:2:4: PPL102", concise.stdout)
        self.assertIn("1 file checked", concise.stdout.replace("2 findings in ", ""))

    def test_the_file_on_disk_is_not_read(self):
        self.write("mod.py", "x = 1\n")
        r = self.lint("-", "--stdin-filename", "mod.py")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(json.loads(r.stdout)), 2)
        r = self.lint("-", "--stdin-filename", "mod.py", stdin="y = 2\n")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(json.loads(r.stdout), [])

    def test_config_and_per_file_ignores_apply_to_the_name(self):
        self.write("pyproject.toml", '[tool.pyperf-lint]\nignore = ["PPL305"]\n'
                   '[tool.pyperf-lint.per-file-ignores]\n"tests/**" = ["PPL102"]\n')
        self.write("sub/pyperf-lint.toml", 'ignore = ["PPL102"]\n')
        codes = lambda r: sorted(d["code"] for d in json.loads(r.stdout))  # noqa: E731
        self.assertEqual(codes(run("-", "--stdin-filename", "src/a.py", "--output-format", "json", cwd=self.dir,
                                   stdin=FINDING)), ["PPL102"])
        self.assertEqual(codes(run("-", "--stdin-filename", "tests/unit/test_a.py", "--output-format", "json",
                                   cwd=self.dir, stdin=FINDING)), [])
        self.assertEqual(codes(run("-", "--stdin-filename", "sub/b.py", "--output-format", "json", cwd=self.dir,
                                   stdin=FINDING)), ["PPL305"])
        # An absolute name from another working directory finds the same configuration.
        self.assertEqual(codes(run("-", "--stdin-filename", self.dir / "sub/b.py", "--output-format", "json",
                                   cwd="/", stdin=FINDING)), ["PPL305"])

    def test_noqa_applies(self):
        r = self.lint("-", "--stdin-filename", "a.py", stdin='K = "x"\nif K in ("a", "b", "c"):  # noqa: PPL102\n'
                      "    pass\n")
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_without_a_name_and_without_the_dash(self):
        r = self.lint("-", fmt="concise")
        self.assertIn("-:2:4: PPL102", r.stdout)
        self.assertEqual({d["filename"] for d in json.loads(self.lint("-").stdout)}, {"-"})
        r = self.lint("--stdin-filename", "x.py", fmt="concise")
        self.assertIn("x.py:2:4: PPL102", r.stdout)

    def test_errors(self):
        r = self.lint("-", "src", "--stdin-filename", "a.py")
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot be combined", r.stderr)
        r = subprocess.run([BINARY, "-", "--stdin-filename", "a.py"], input=b"x = '\xff'\n", capture_output=True,
                           env=CLEAN_ENV, cwd=self.dir, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"a.py: invalid UTF-8 at line 1, column 6", r.stderr)


if __name__ == "__main__":
    unittest.main()
