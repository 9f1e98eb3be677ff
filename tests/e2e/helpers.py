"""Shared helpers for the end-to-end tests: run the real pyperf-lint binary."""

import io
import os
import re
import subprocess
import tokenize
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


HEADER = re.compile(r"#\s*pyperf-test:\s*select=([A-Z0-9, ]+)\s*$")
EXPECT = re.compile(r"\[([A-Z]+[0-9]+)(?:@[0-9]+)?\]")


def fixture_expectations(path):
    """(select codes, sorted [(code, row)]) from a fixture's annotations, read with tokenize so that
    text inside strings is never taken for an annotation."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    select = []
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
            continue
        if not body.startswith("# expect:"):
            continue
        own_line = lines[row - 1][:col].strip() == ""
        target = row
        if own_line:
            target = row + 1
            while target <= len(lines) and (lines[target - 1].strip() == "" or lines[target - 1].strip().startswith("#")):
                target += 1
        for code in EXPECT.findall(body[len("# expect:"):]):
            expected.append((code, target))
    return select, sorted(expected)
