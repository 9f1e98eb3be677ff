"""End-to-end test of the shipped .pre-commit-hooks.yaml with the real pre-commit: in a temporary
repository, a commit with a finding is blocked and a clean one passes.

The hook repository is a temporary git repository holding the shipped .pre-commit-hooks.yaml byte
for byte, committed, so the test runs the same way on a fresh clone (CI) and on a working tree
whose hooks file is not committed yet; pre-commit clones it like any remote hook repository."""

import os
import shutil
import subprocess
import unittest

from helpers import BINARY, CLEAN_ENV, SOURCE_DIR, TempTree

HOOKS_FILE = SOURCE_DIR / ".pre-commit-hooks.yaml"
FINDING = 'K = "x"\nif K in ("a", "b", "c"):\n    pass\n'


class PreCommit(TempTree):
    def setUp(self):
        super().setUp()
        missing = [tool for tool in ("git", "pre-commit") if shutil.which(tool) is None]
        if missing:
            message = f"{', '.join(missing)} not installed (scripts/setup-deps installs them)"
            if os.environ.get("CI", "").lower() == "true":
                self.fail(message)
            self.skipTest(message)
        home = self.dir / "home"
        home.mkdir()
        self.env = dict(
            CLEAN_ENV,
            HOME=str(home),
            PRE_COMMIT_HOME=str(self.dir / "pre-commit-cache"),
            GIT_CONFIG_NOSYSTEM="1",
            GIT_AUTHOR_NAME="Test",
            GIT_AUTHOR_EMAIL="test@example.com",
            GIT_COMMITTER_NAME="Test",
            GIT_COMMITTER_EMAIL="test@example.com",
            # The binary under test is the pyperf-lint on PATH that `language: system` runs.
            PATH=os.path.dirname(os.path.abspath(BINARY)) + os.pathsep + CLEAN_ENV.get("PATH", os.defpath),
        )
        self.env.pop("GIT_DIR", None)
        self.env.pop("GIT_WORK_TREE", None)

        hooks = self.dir / "hooks"
        hooks.mkdir()
        self.git("init", "-q", cwd=hooks)
        shutil.copyfile(HOOKS_FILE, hooks / ".pre-commit-hooks.yaml")
        self.git("add", ".pre-commit-hooks.yaml", cwd=hooks)
        self.git("commit", "-q", "-m", "hooks", cwd=hooks)
        rev = self.git("rev-parse", "HEAD", cwd=hooks).stdout.strip()

        self.project = self.dir / "project"
        self.project.mkdir()
        self.git("init", "-q", cwd=self.project)
        (self.project / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: pyperf-lint\n", encoding="utf-8")
        self.run_tool(["pre-commit", "install"], check=True)

    def git(self, *args, cwd):
        return self.run_tool(["git", *args], cwd=cwd, check=True)

    def run_tool(self, argv, cwd=None, check=False):
        r = subprocess.run(argv, cwd=cwd or self.project, env=self.env, capture_output=True, text=True, timeout=300)
        if check:
            self.assertEqual(r.returncode, 0, f"{argv}: {r.stdout}{r.stderr}")
        return r

    def commit(self, files):
        for name, text in files.items():
            path = self.project / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.git("add", "-A", cwd=self.project)
        r = self.run_tool(["git", "commit", "-m", "change"])
        return r.returncode, r.stdout + r.stderr  # git hands the hook's output to stderr

    def head(self):
        return self.run_tool(["git", "rev-parse", "--verify", "-q", "HEAD"]).stdout.strip()

    def test_finding_blocks_the_commit_and_a_clean_one_passes(self):
        rc, out = self.commit({"app/mod.py": FINDING})
        self.assertNotEqual(rc, 0, out)
        self.assertRegex(out, r"pyperf-lint\.+Failed")
        self.assertIn("app/mod.py:2:4: PPL102", out)
        self.assertEqual(self.head(), "")  # nothing was committed

        rc, out = self.commit({"app/mod.py": "K = 'x'\nif K in {'a', 'b', 'c'}:\n    pass\n"})
        self.assertEqual(rc, 0, out)
        self.assertRegex(out, r"pyperf-lint\.+Passed")
        first = self.head()
        self.assertTrue(first)

        # Stubs are linted too (types_or: [python, pyi]); other files are not handed to the hook.
        rc, out = self.commit({"app/types.pyi": FINDING})
        self.assertNotEqual(rc, 0, out)
        self.assertIn("app/types.pyi:2:4: PPL102", out)
        self.assertEqual(self.head(), first)
        rc, out = self.commit({"app/types.pyi": "x: int\n", "notes.txt": FINDING})
        self.assertEqual(rc, 0, out)
        self.assertRegex(out, r"pyperf-lint\.+Passed")

    def test_excluded_files_are_not_linted_although_named(self):
        # pre-commit names each changed file; the hook's --force-exclude applies the exclusions to them.
        rc, out = self.commit({"pyproject.toml": '[tool.pyperf-lint]\nextend-exclude = ["app/generated"]\n',
                               "app/generated/tables.py": FINDING, "build/setup_helper.py": FINDING})
        self.assertEqual(rc, 0, out)
        self.assertRegex(out, r"pyperf-lint\.+Passed")
        rc, out = self.commit({"app/mod.py": FINDING})
        self.assertNotEqual(rc, 0, out)
        self.assertIn("app/mod.py:2:4: PPL102", out)


if __name__ == "__main__":
    unittest.main()
