"""The README's generated parts match the code, and its workflow sections say what the code does."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from helpers import BINARY, CLEAN_ENV, SOURCE_DIR, run

README = SOURCE_DIR / "README.md"


def block(text, name):
    m = re.search(rf"<!-- {name}:begin -->\n(.*?)<!-- {name}:end -->", text, re.S)
    return m.group(1) if m else None


def section(text, heading):
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    return m.group(1) if m else ""


class GeneratedBlocks(unittest.TestCase):
    def setUp(self):
        self.text = README.read_text(encoding="utf-8")

    def test_rule_table_matches_the_metadata(self):
        generated = run("rule", "--all", "--output-format", "table").stdout
        self.assertEqual(block(self.text, "rules"), generated, "README is stale: run scripts/update-readme")
        codes = re.findall(r"^\| \[(PPL\d{3})\]", generated, re.M)
        self.assertEqual(codes, sorted(codes))
        self.assertIn("PPL002", codes)
        for link in re.findall(r"\]\((rules/[^)]+\.md)\)", generated):
            self.assertTrue((SOURCE_DIR / link).is_file(), link)

    def test_config_reference_matches_the_parser(self):
        generated = run("config").stdout
        self.assertEqual(block(self.text, "config"), generated, "README is stale: run scripts/update-readme")
        for key in ("select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
                    "respect-gitignore", "target-version", "output-format", "preview"):
            self.assertIn(f"| `{key}` |", generated)

    def test_update_script_checks_and_rewrites(self):
        env = dict(CLEAN_ENV, PYPERF_LINT=BINARY)
        script = SOURCE_DIR / "scripts" / "update-readme"
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "README.md"
            shutil.copyfile(README, copy)
            r = subprocess.run([script, "--check", copy], env=env, capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            stale = self.text.replace("| [PPL102]", "| [PPL999]", 1)
            copy.write_text(stale, encoding="utf-8")
            r = subprocess.run([script, "--check", copy], env=env, capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 1)
            self.assertEqual(copy.read_text(encoding="utf-8"), stale)
            r = subprocess.run([script, copy], env=env, capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(copy.read_text(encoding="utf-8"), self.text)


class WorkflowSections(unittest.TestCase):
    def setUp(self):
        self.text = README.read_text(encoding="utf-8")

    def test_every_output_format_is_documented(self):
        help_text = run("--help").stdout
        names = re.search(r"\{(full,[^}]*)\}", help_text).group(1).split(",")
        self.assertGreaterEqual(len(names), 10)
        documented = section(self.text, "Output formats")
        for name in names:
            self.assertIn(f"`{name}`", documented)

    def test_suppression_and_editor_sections(self):
        self.assertIn("# noqa: PPL102", section(self.text, "Suppression"))
        self.assertIn("# pyperf-lint: noqa", section(self.text, "Suppression"))
        self.assertIn("--stdin-filename", section(self.text, "Editors (standard input)"))

    def test_pre_commit_snippet_names_the_shipped_hook(self):
        hooks = (SOURCE_DIR / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
        hook_id = re.search(r"^- id: (\S+)$", hooks, re.M).group(1)
        self.assertEqual(hook_id, "pyperf-lint")
        for line in ("entry: pyperf-lint --force-exclude", "language: system", "types_or: [python, pyi]", "require_serial: true"):
            self.assertRegex(hooks, rf"(?m)^  {re.escape(line)}$")
        snippet = section(self.text, "pre-commit")
        self.assertIn(f"- id: {hook_id}", snippet)
        self.assertIn("rev:", snippet)

    def test_ci_section_uploads_sarif_and_states_exit_codes(self):
        ci = section(self.text, "CI")
        self.assertIn("--output-format sarif --output-file results.sarif", ci)
        self.assertIn("github/codeql-action/upload-sarif", ci)
        self.assertIn("sarif_file: results.sarif", ci)
        self.assertIn("0 no findings · 1 findings · 2 usage, configuration or I/O error", ci)


if __name__ == "__main__":
    unittest.main()
