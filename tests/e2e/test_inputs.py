"""End-to-end tests of bad input: unreadable, undecodable, huge, deeply nested, odd line endings,
hostile checkouts (git configuration that names commands, links out of the tree), and the
.gitignore matcher compared with git itself."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from helpers import BINARY, CLEAN_ENV, TempTree, run

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
        self.assertNotIn("dangling.py", r.stderr)  # links are not followed during the walk
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

    def run_bounded(self, *args, **kwargs):
        """run() that fails the test, instead of waiting forever, when the linter blocks."""
        try:
            return run(*args, timeout=30, **kwargs)
        except subprocess.TimeoutExpired:
            self.fail(f"pyperf-lint {' '.join(map(str, args))} did not finish within 30 s")

    def test_fifo_and_device_paths_are_refused_and_the_rest_is_linted(self):
        fifo = self.dir / "fifo.py"
        os.mkfifo(fifo)
        good = self.write("good.py", FINDING)
        r = self.run_bounded(fifo, good, "/dev/zero", "--output-format", "concise")
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn(f"{fifo}: cannot read: not a regular file (a FIFO)", r.stderr)
        self.assertIn("/dev/zero: cannot read: not a regular file (a character device)", r.stderr)
        self.assertIn(f"{good}:2:4: PPL102", r.stdout)
        # A FIFO met while walking a directory is not a source file: skipped, not waited on.
        r = self.run_bounded(self.dir, "--output-format", "concise")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        r = self.run_bounded("debug-tree", fifo)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("not a regular file (a FIFO)", r.stderr)

    def test_notebooks_are_skipped_with_a_warning(self):
        notebook = self.write("analysis.ipynb", json.dumps({"cells": [], "nbformat": 4, "nbformat_minor": 5}))
        good = self.write("good.py", FINDING)
        warning = f"pyperf-lint: warning: {notebook}: skipped: Jupyter notebooks (.ipynb) are not supported yet\n"
        r = run(notebook, "--output-format", "concise")
        self.assertEqual((r.returncode, r.stderr), (0, warning), r.stdout)  # a warning: the exit code is unaffected
        self.assertIn("0 files checked", r.stdout)
        r = run(notebook, good, "--output-format", "concise")
        self.assertEqual((r.returncode, r.stderr), (1, warning))
        self.assertIn(f"{good}:2:4: PPL102", r.stdout)
        self.assertNotIn("analysis.ipynb", r.stdout)
        r = run("--show-files", notebook, good)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, f"{good}\n", warning))
        r = run("-", "--stdin-filename", "nb.ipynb", stdin="{}")
        self.assertEqual(r.returncode, 0)
        self.assertIn("nb.ipynb: skipped: Jupyter notebooks", r.stderr)

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

    def test_a_doubled_bom_is_reported_as_cpython_rejects_it(self):
        # The grammar reads U+FEFF as a blank; CPython stops: "invalid non-printable character U+FEFF".
        doubled = self.write("doubled.py", b"\xef\xbb\xbf\xef\xbb\xbfx = 1\n")
        r = run(doubled, "--select", "PPL101", "--output-format", "concise", "-q")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertEqual(r.stdout, "doubled.py:1:1: PPL001 invalid non-printable character U+FEFF (a byte order mark): "
                         "CPython rejects it outside strings and comments, and the parser skipped it\n"
                         .replace("doubled.py", str(doubled)))
        # One BOM is the encoding's mark; inside a string U+FEFF is text.
        fine = self.write("fine.py", b"\xef\xbb\xbfs = '\xef\xbb\xbf'\n")
        self.assertEqual(run(fine).returncode, 0)

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

    def test_file_symlinks_are_not_followed_unless_named(self):
        self.write("outside/secret.py", FINDING)
        self.write("tree/pkg/mod.py", FINDING)
        link = self.dir / "tree/pkg/link.py"
        os.symlink(self.dir / "outside/secret.py", link)
        r = run(self.dir / "tree", "--output-format", "concise", "-q")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.count("PPL102"), 1, r.stdout)
        self.assertNotIn("link.py", r.stdout + r.stderr)
        # Named on the command line, the link is linted under its own name.
        r = run(link, "--output-format", "concise", "-q")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"{link}:2:4: PPL102", r.stdout)


def require_git(test):
    """git is the oracle of the comparison tests (never needed at run time)."""
    if shutil.which("git") is None:
        message = "git is not installed (scripts/setup-deps installs it)"
        if os.environ.get("CI", "").lower() == "true":
            test.fail(message)
        test.skipTest(message)


# A repository configuration that makes git run a command whenever it looks at the work tree.
HOSTILE_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tfsmonitor = "id > {marker}; false"\n'


class HostileCheckout(TempTree):
    """Linting a directory never runs what its git configuration names, nor any other program."""

    def setUp(self):
        super().setUp()
        self.marker = self.dir / "PWNED"

    def make_repository(self, root):
        (root / ".git/objects").mkdir(parents=True)
        (root / ".git/refs").mkdir()
        (root / ".git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
        (root / ".git/config").write_text(HOSTILE_CONFIG.format(marker=self.marker), encoding="utf-8")
        (root / ".gitignore").write_text("ignored.py\n", encoding="utf-8")
        (root / "a.py").write_text("x = 1\n", encoding="utf-8")
        (root / "ignored.py").write_text(FINDING, encoding="utf-8")

    def lint(self, *args, cwd, env=None):
        r = run(".", "--output-format", "concise", "-q", *args, cwd=cwd, env=env)
        self.assertFalse(self.marker.exists(), "a command from the linted repository's .git/config was run")
        return r

    def test_fsmonitor_in_the_linted_repository_is_not_run(self):
        tree = self.dir / "t"
        self.make_repository(tree)
        for args in ((), ("--isolated",)):
            with self.subTest(args=args):
                r = self.lint(*args, cwd=tree)
                # The .gitignore still applies: ignored.py (a finding) is skipped.
                self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)

    def test_fsmonitor_in_a_nested_repository_is_not_run(self):
        outer = self.dir / "outer"
        self.write("outer/main.py", "x = 1\n")
        self.make_repository(outer / "vendored")
        r = self.lint(cwd=outer)
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)

    def test_no_program_is_started(self):
        # A `git` first on PATH that leaves a mark: neither it nor anything else may be run.
        bin_dir = self.dir / "bin"
        bin_dir.mkdir()
        started = self.dir / "STARTED"
        fake = bin_dir / "git"
        fake.write_text(f"#!/bin/sh\ntouch '{started}'\nexit 1\n", encoding="utf-8")
        fake.chmod(0o755)
        tree = self.dir / "tree"
        (tree / ".git").mkdir(parents=True)
        self.write("tree/.gitignore", "ignored.py\n")
        self.write("tree/a.py", "x = 1\n")
        self.write("tree/ignored.py", FINDING)
        r = self.lint(cwd=tree, env=dict(CLEAN_ENV, PATH=str(bin_dir)))
        self.assertFalse(started.exists(), "pyperf-lint started a program")
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)


# The comparison tree: every name in every directory, under ignore files that exercise git's
# pattern rules. Directory names avoid pyperf-lint's default excludes (`build`, `dist`, …).
NAMES = ["a.py", "keep.py", "keep.gen.py", "data.gen.py", "top_only.py", "#hash.py", "!bang.py", "trail.py",
         "space .py", "x1.py", "xA.py", "x-.py", "xa.py", "test_a.py", "test_ab.py", "Foo.py", "foo.py",
         "anchored.py", "dle.py", "z.py", "global.py", "info_only.py", "info_keep.py", "gi_keep.py", "stub.pyi",
         "keep.pyi", "important.pyi"]
DIRS = ["", "a", "a/b", "a/c/b", "a/c/d/b", "b", "bld", "bld/sub", "lib", "lib/sub", "docs", "docs/x", "docs/x/y",
        "logs", "sub", "sub/logs", "sub/mid", "sub/inner", "sub/inner/mid", "tmp", "tmp/t", "foo", "Foo", "deep",
        "deep/a", "deep/a/c", "deep/b", "mid", "q", "qa", "qa/b", "qa/b/c", "pkg.gen.py", "x2.py", "x2.py/in",
        "sub/pkg.gen.py", "trail.py dir"]
IGNORE_FILES = {
    ".gitignore": "\n".join([
        "# a comment, then a blank line",
        "",
        "*.gen.py",
        "!keep.gen.py",             # last match wins
        "bld/",                     # a directory anywhere
        "!bld/keep.py",             # cannot re-include below an excluded directory
        "/top_only.py",             # anchored by the leading slash
        "lib/*.py",                 # anchored by the middle slash
        "!lib/keep.py",
        "docs/**/x1.py",            # `**` in the middle, also zero directories
        "**/logs",                  # leading `**`
        "tmp/**",                   # trailing `**`: the content, not the directory
        "!tmp/keep.py",             # so this re-include works
        "\\#hash.py",               # escaped `#` and `!`
        "\\!bang.py",
        "trail.py   ",              # trailing spaces trimmed
        "space\\ .py",              # an escaped space kept
        "x[0-9].py",                # classes
        "x[!0-9a-z].py",
        "test_?.py",
        "foo/",
        "!foo/keep.py",
        "!keep.pyi",                # wins over info/exclude's `*.pyi`
        "a/**/b/*.pyi",             # and loses, in a/**/b, to this later line
        "deep/**",
        "!deep/a/",                 # re-includes the directory, not what deep/** says of its files
        "q**/z.py",                 # `**` right after the literal prefix
        "!gi_keep.py",              # a .gitignore wins over info/exclude
        "",
    ]),
    "bld/.gitignore": "!*.py\n",   # never read: its directory is excluded
    "sub/.gitignore": "!*.gen.py\n/anchored.py\nmid/dle.py\n!important.pyi\nFoo.py\n",
    "sub/inner/.gitignore": "!anchored.py\nkeep.py\ntest_[[:alpha:]][[:alpha:]].py\n!Foo.py\n",
    "docs/x/.gitignore": "\ufeff*.py\r\n!a.py\r\n",  # a BOM and CRLF line ends
}
INFO_EXCLUDE = "info_only.py\ngi_keep.py\n!info_keep.py\n*.pyi\n"
GLOBAL_EXCLUDES = "global.py\ninfo_keep.py\ninfo_only.py\n"


class GitIgnoreMatchesGit(TempTree):
    """The .gitignore matcher against git itself: git lists the untracked files it does not
    ignore, `--show-files` what pyperf-lint would lint; on a tree of tricky patterns across nested
    .gitignore files, info/exclude and the global excludes file, both lists must be the same."""

    def test_same_files_as_git(self):
        require_git(self)
        home = self.dir / "home"
        repo = self.dir / "repo"
        env = {k: v for k, v in CLEAN_ENV.items() if not k.startswith("GIT_") and k != "XDG_CONFIG_HOME"}
        env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1")
        self.write("home/.config/git/ignore", GLOBAL_EXCLUDES)
        subprocess.run(["git", "init", "-q", str(repo)], env=env, check=True, capture_output=True, timeout=120)
        self.write("repo/.git/info/exclude", INFO_EXCLUDE)
        for directory in DIRS:
            for name in NAMES:
                self.write(f"repo/{directory}/{name}" if directory else f"repo/{name}", "x = 1\n")
        for path, text in IGNORE_FILES.items():
            self.write(f"repo/{path}", text)
        listing = subprocess.run(["git", "ls-files", "-z", "--others", "--exclude-standard"], cwd=repo, env=env,
                                 check=True, capture_output=True, timeout=120).stdout.decode("utf-8")
        expected = sorted(p for p in listing.split("\0") if p.endswith((".py", ".pyi")))
        # `exclude` replaces pyperf-lint's default list (`build`, `dist`, …): only git's rules decide here.
        config = self.write("config.toml", 'exclude = [".git"]\n')
        r = run("--show-files", "--config", config, ".", cwd=repo, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(r.stdout.splitlines()), expected)
        # The tree is not trivial either way.
        self.assertGreater(len(expected), 200)
        self.assertGreater(len(DIRS) * len(NAMES) - len(expected), 300)


if __name__ == "__main__":
    unittest.main()
