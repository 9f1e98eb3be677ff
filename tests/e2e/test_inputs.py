"""End-to-end tests of bad input: unreadable, undecodable, huge, deeply nested, odd line endings."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from helpers import BINARY, CLEAN_ENV, run

FINDING = 'K = "x"\nif K in ("a", "b", "c"):\n    pass\n'


class BadInput(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="pyperf-e2e-"))
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        for root, dirs, files in os.walk(self.dir):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, content):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        os.chmod(path, 0o644)
        return path

    def run_as_unprivileged(self, *args):
        """Runs the binary as `nobody` when we are root, so that file permissions apply."""
        cmd = [BINARY, *map(str, args)]
        if os.geteuid() == 0:
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, env=CLEAN_ENV, cwd="/", timeout=60)

    def test_directory_with_unreadable_and_undecodable_files(self):
        good = self.write("good.py", FINDING)
        secret = self.write("secret.py", FINDING)
        os.chmod(secret, 0o000)
        self.write("latin.py", b"name = '\xe9t\xe9'\n")
        self.write("nul.py", b"x = 1\ny = '\x00'\n")
        os.symlink(self.dir / "missing-target.py", self.dir / "dangling.py")
        if os.geteuid() == 0 and shutil.which("setpriv") is None:
            self.skipTest("root without setpriv: permissions cannot be tested")
        r = self.run_as_unprivileged(self.dir, "--output-format", "concise")
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn(f"{self.dir}/secret.py: cannot read: Permission denied", r.stderr)
        self.assertIn(f"{self.dir}/latin.py: invalid UTF-8 at line 1, column 9 (byte 0xE9)", r.stderr)
        self.assertIn(f"{self.dir}/nul.py: source contains a NUL byte at line 2, column 6", r.stderr)
        self.assertIn(f"{self.dir}/dangling.py: cannot read: No such file or directory", r.stderr)
        # The readable file is still linted.
        self.assertIn(f"{good}:2:4: PPL102", r.stdout)

    def test_coding_cookie_is_honoured(self):
        path = self.write("latin.py", b"# -*- coding: latin-1 -*-\nK = '\xe9'\nif K in ('\xe9', 'b', 'c'):\n    pass\n")
        r = run(path, "--output-format", "json")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(json.loads(r.stdout)[0]["location"], {"row": 3, "column": 4})

    def test_syntax_error_is_a_finding_and_the_rest_is_linted(self):
        path = self.write("broken.py", "def f(:\n    pass\n\n" + FINDING)
        r = run(path, "--output-format", "json")
        self.assertEqual(r.returncode, 1, r.stderr)
        codes = sorted(d["code"] for d in json.loads(r.stdout))
        self.assertEqual(codes, ["PPL001", "PPL102"])
        message = next(d["message"] for d in json.loads(r.stdout) if d["code"] == "PPL001")
        self.assertNotIn("invalid", message)

    def test_file_over_the_size_limit(self):
        big = self.write("big.py", "x = 1\n" * 2000)
        r = run(big, "--max-file-size", "0.001")
        self.assertEqual(r.returncode, 2)
        self.assertIn("size limit", r.stderr)
        self.assertIn("--max-file-size", r.stderr)
        self.assertEqual(run(big).returncode, 0)

    def test_deep_nesting_does_not_crash(self):
        deep = self.write("deep.py", "x = " + "(" * 100000 + "1" + ")" * 100000 + "\n")
        calls = self.write("calls.py", "x = " + "f(" * 50000 + "1" + ")" * 50000 + "\n")
        indent = "".join(" " * i + "if x:\n" for i in range(600)) + " " * 600 + "y = 'string'\n"
        nested = self.write("indent.py", indent)
        for path in (deep, calls, nested):
            with self.subTest(path=path.name):
                r = run(path, "--output-format", "json")
                self.assertIn(r.returncode, (0, 1), r.stderr)
                json.loads(r.stdout)

    def test_line_endings_and_bom(self):
        cr = self.write("cr.py", FINDING.replace("\n", "\r").encode())
        crlf = self.write("crlf.py", FINDING.replace("\n", "\r\n").encode())
        bom = self.write("bom.py", b"\xef\xbb\xbf" + FINDING.encode())
        for path in (cr, crlf, bom):
            with self.subTest(path=path.name):
                r = run(path, "--output-format", "json")
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual([d["location"] for d in json.loads(r.stdout)], [{"row": 2, "column": 4}])

    def test_discovery_skips_tool_folders_but_not_explicit_files(self):
        self.write("src/app.py", FINDING)
        for skipped in (".git", ".venv", "venv", "__pycache__", "node_modules", "build", "dist", ".tox",
                        ".mypy_cache", "site-packages"):
            self.write(f"src/{skipped}/mod.py", FINDING)
        self.write("src/notes.txt", FINDING)
        script = self.write("src/script", FINDING)
        r = run(self.dir, "--output-format", "concise", "-q")
        self.assertEqual(r.stdout.count("PPL102"), 1, r.stdout)
        r = run(script, self.dir / "src/.venv/mod.py", "--output-format", "concise", "-q")
        self.assertEqual(r.stdout.count("PPL102"), 2, r.stdout)

    def test_directory_symlinks_are_not_followed(self):
        self.write("pkg/mod.py", FINDING)
        os.symlink(self.dir / "pkg", self.dir / "pkg/loop")
        r = run(self.dir, "--output-format", "concise", "-q")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.count("PPL102"), 1)


if __name__ == "__main__":
    unittest.main()
