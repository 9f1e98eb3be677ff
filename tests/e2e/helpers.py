"""Shared helpers for the end-to-end tests: run the real pyperf-lint binary."""

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
import unittest
from pathlib import Path

BINARY = os.environ.get("PYPERF_LINT", "")
SOURCE_DIR = Path(os.environ.get("PYPERF_SOURCE_DIR", Path(__file__).resolve().parents[2]))
FIXTURES = SOURCE_DIR / "fixtures"

# Tests must not depend on the developer's terminal or colour settings.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}


def run(*args, cwd=None, env=None, stdin=None, timeout=120):
    """Runs pyperf-lint with args; returns CompletedProcess with text stdout/stderr."""
    if not BINARY:
        raise RuntimeError("set PYPERF_LINT to the pyperf-lint binary")
    return subprocess.run(
        [BINARY, *map(str, args)],
        cwd=cwd,
        env=env if env is not None else CLEAN_ENV,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


HEADER = re.compile(r"#\s*pyperf-test:\s*select=([A-Z0-9,]+)(?:\s+target-version=(py3[0-9]+))?\s*$")
EXPECT = re.compile(r"\[([A-Z]+[0-9]+)(?:@[0-9]+)?\]")


def fixture_expectations(path):
    """(select codes, sorted [(code, row)], target version or None) from a fixture's annotations,
    read with tokenize so that text inside strings is never taken for an annotation."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    select = []
    target = None
    expected = []
    tokens = []
    try:  # keep the tokens read before a syntax error (fixtures of PPL001 hold some)
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            tokens.append(tok)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    for tok in tokens:
        if tok.type != tokenize.COMMENT:
            continue
        row, col = tok.start
        body = tok.string
        m = HEADER.match(body)
        if m:
            select = [c.strip() for c in m.group(1).split(",") if c.strip()]
            target = m.group(2)
            continue
        if not body.startswith("# expect:"):
            continue
        own_line = lines[row - 1][:col].strip() == ""
        line = row
        if own_line:
            line = row + 1
            while line <= len(lines) and (lines[line - 1].strip() == "" or lines[line - 1].strip().startswith("#")):
                line += 1
        for code in EXPECT.findall(body[len("# expect:"):]):
            expected.append((code, line))
    return select, sorted(expected), target


# SARIF 2.1.0's schema (OASIS, errata 01), kept in the repository so that a fresh clone validates
# offline.
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

_VALIDATE = """
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
validator = jsonschema.validators.validator_for(schema)
validator.check_schema(schema)
errors = sorted(validator(schema).iter_errors(document), key=lambda e: list(map(str, e.path)))
for e in errors:
    print("/".join(map(str, e.path)) + ": " + e.message)
sys.exit(1 if errors else 0)
"""


def jsonschema_python():
    """An interpreter that can import jsonschema (Debian: python3-jsonschema for /usr/bin/python3)."""
    candidates = [shutil.which("python3"), "/usr/bin/python3", sys.executable]
    for python in dict.fromkeys(c for c in candidates if c):
        probe = subprocess.run([python, "-c", "import jsonschema"], capture_output=True, timeout=60)
        if probe.returncode == 0:
            return python
    return None


def require_jsonschema(test):
    """The validating interpreter; in CI (CI=true) its absence is a failure, elsewhere a skip."""
    python = jsonschema_python()
    if python is None:
        message = "no Python with jsonschema (install python3-jsonschema: scripts/setup-deps)"
        if os.environ.get("CI", "").lower() == "true":
            test.fail(message)
        test.skipTest(message)
    return python


def validate_against_schema(test, schema_path, document_path):
    """Fails `test` with every schema violation of the JSON file at document_path."""
    python = require_jsonschema(test)
    r = subprocess.run([python, "-c", _VALIDATE, str(schema_path), str(document_path)], capture_output=True, text=True,
                       timeout=300)
    test.assertEqual(r.returncode, 0, r.stdout + r.stderr)


class TempTree(unittest.TestCase):
    """A test case with a fresh temporary directory and a writer for files in it."""

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="pyperf-e2e-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, content):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path


def git(*args, cwd):
    """Runs git with a fixed identity and no user or system configuration."""
    env = dict(CLEAN_ENV, GIT_CONFIG_NOSYSTEM="1", HOME=str(cwd), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True, timeout=120)
