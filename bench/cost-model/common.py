"""Shared by run.py and check.py: interpreter discovery, the harness subprocess, result files, tables."""

import csv
import glob
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PAIRS_DIR = HERE / "pairs"
HARNESS = HERE / "harness.py"
RESULTS_MD = HERE / "RESULTS.md"
RESULTS_CSV = HERE / "results.csv"
RULES_DEF = ROOT / "rules" / "rules.def"

SUPPORTED = ("3.9", "3.10", "3.11", "3.12", "3.13")
MIN_VERSION = (3, 9)
CSV_FIELDS = ("rule", "variant", "version", "n", "before_ns", "after_ns", "ratio")
HASH_SEED = "0"

sys.path.insert(0, str(HERE))
import harness  # noqa: E402  (the same loader the measured interpreters use)


def minor_of(version):
    return ".".join(version.split(".")[:2])


def version_key(version):
    return tuple(int(p) for p in version.split(".") if p.isdigit())


# ---------------------------------------------------------------- interpreters


def _probe(path):
    """{version, implementation, executable} of the interpreter at path, or None if it does not run."""
    code = "import json, platform, sys; print(json.dumps([platform.python_implementation(), platform.python_version(), sys.executable]))"
    try:
        done = subprocess.run([path, "-c", code], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    try:
        implementation, version, executable = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return {"version": version, "implementation": implementation, "executable": executable or path, "found_as": path}


def candidate_paths():
    """python3, python3.X on PATH, then pyenv versions ($PYENV_ROOT or ~/.pyenv, /root/.pyenv)."""
    paths = []
    for name in ["python3"] + ["python3.%d" % minor for minor in range(MIN_VERSION[1], 30)]:
        found = shutil.which(name)
        if found:
            paths.append(found)
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv"), "/root/.pyenv"]
    for root in roots:
        if root:
            paths.extend(sorted(glob.glob(os.path.join(root, "versions", "*", "bin", "python"))))
    return paths


def discover(explicit=None, log=None):
    """Interpreters to use, one per minor version, oldest first.

    explicit: paths given with --python (then nothing else is discovered). Otherwise the first
    interpreter found for each 3.X (3.9+) wins, in candidate_paths() order, so `python3` keeps
    its own minor version. Interpreters that do not start (an unselected pyenv shim) are skipped.
    """
    log = log or (lambda message: None)
    chosen = {}
    for path in explicit or candidate_paths():
        info = _probe(path)
        if info is None:
            log("skip %s: does not run" % path)
            continue
        if info["implementation"] != "CPython":
            log("skip %s: %s, not CPython" % (path, info["implementation"]))
            continue
        if version_key(info["version"])[:2] < MIN_VERSION:
            log("skip %s: %s is older than 3.9 (out of scope)" % (path, info["version"]))
            continue
        minor = minor_of(info["version"])
        if minor in chosen:
            if os.path.realpath(chosen[minor]["executable"]) != os.path.realpath(info["executable"]):
                log("skip %s: %s already measured with %s" % (path, info["version"], chosen[minor]["executable"]))
            continue
        chosen[minor] = info
    return sorted(chosen.values(), key=lambda info: version_key(info["version"]))


def harness_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = HASH_SEED  # same string hashes, set orders and collisions in every run
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_harness(interp, command, pairs_dir, extra=(), stream_stderr=False, timeout=3600):
    """(returncode, parsed JSON or None, stderr text) of harness.py in one interpreter."""
    cmd = [interp["executable"], "-B", "-s", str(HARNESS), command, "--pairs", str(pairs_dir)] + list(extra)
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=None if stream_stderr else subprocess.PIPE,
        text=True,
        env=harness_env(),
        cwd=str(HERE),
    )
    out, err = proc.communicate(timeout=timeout)
    data = None
    try:
        data = json.loads(out.strip().splitlines()[-1]) if out.strip() else None
    except ValueError:
        data = None
    return proc.returncode, data, err or ""


def format_failures(version, failures):
    lines = []
    for f in failures:
        where = f["code"] if f.get("variant") is None else "%s/%s n=%s" % (f["code"], f["variant"], f["n"])
        lines.append("FAIL [%s] %s: %s" % (version, where, f["error"].rstrip()))
    return lines


# ---------------------------------------------------------------- rules and catalog


def rules_def_codes(path=RULES_DEF):
    """{code: snake_name} from rules.def (PYPERF_RULE(CODE, family, name) lines)."""
    codes = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("PYPERF_RULE(") and line.endswith(")"):
            code, _family, name = [part.strip() for part in line[len("PYPERF_RULE(") : -1].split(",")]
            codes[code] = name
    return codes


def catalog_codes(path):
    """{code: kebab name} from the catalog's tables (`| PPL101 | membership-test-on-list | ...`)."""
    codes = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and len(cells[0]) == 6 and cells[0].startswith("PPL") and cells[0][3:].isdigit():
            codes[cells[0]] = cells[1]
    return codes


def is_tool_rule(code):
    return code.startswith("PPL0")


def doc_path(code, snake, root=ROOT):
    """rules/<family>/<snake>.md, found by name (the family is the folder that holds the .cpp)."""
    matches = sorted((Path(root) / "rules").glob("*/%s.cpp" % snake))
    if not matches:
        return None
    return matches[0].with_suffix(".md")


# ---------------------------------------------------------------- results


def fmt_ratio(ratio):
    """Three significant figures; below 1 rounded down and in bold, so it never reads as 1.00."""
    if ratio < 1.0:
        return "**%.2f**" % (math.floor(ratio * 100) / 100)
    if ratio >= 100:
        return "%d" % round(ratio)
    if ratio >= 10:
        return "%.1f" % ratio
    return "%.2f" % ratio


def table_header(sizes):
    head = "| rule | variant | python | " + " | ".join("n = %d" % n for n in sizes) + " |"
    sep = "|" + "---|" * (3 + len(sizes))
    return head, sep


def table_row(code, variant, version, ratios, sizes):
    cells = [fmt_ratio(ratios[n]) if n in ratios else "–" for n in sizes]
    return "| %s | %s | %s | %s |" % (code, variant, version, " | ".join(cells))


def row_key(line):
    """(code, variant, minor) of a table row line, or None."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 4 or not (cells[0].startswith("PPL") and cells[0][3:].isdigit()):
        return None
    return cells[0], cells[1], minor_of(cells[2])


def write_csv(rows, path=RESULTS_CSV):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(CSV_FIELDS)
        for r in sorted(rows, key=lambda r: (r["rule"], r["variant"], version_key(r["version"]), r["n"])):
            writer.writerow(
                [r["rule"], r["variant"], r["version"], r["n"], "%.1f" % r["before_ns"], "%.1f" % r["after_ns"],
                 "%.6g" % r["ratio"]]
            )


def read_csv(path=RESULTS_CSV):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append(
                {
                    "rule": r["rule"],
                    "variant": r["variant"],
                    "version": r["version"],
                    "n": int(r["n"]),
                    "before_ns": float(r["before_ns"]),
                    "after_ns": float(r["after_ns"]),
                    "ratio": float(r["ratio"]),
                }
            )
    return rows


def grouped(rows):
    """{(rule, variant): {version: {n: ratio}}}"""
    out = {}
    for r in rows:
        out.setdefault((r["rule"], r["variant"]), {}).setdefault(r["version"], {})[r["n"]] = r["ratio"]
    return out


def variant_block(variant, by_version):
    """The markdown table of one variant: header, separator, one row per version (oldest first)."""
    head, sep = table_header(variant.sizes)
    lines = [head, sep]
    for version in sorted(by_version, key=version_key):
        lines.append(table_row(variant.code, variant.name, version, by_version[version], variant.sizes))
    return lines


def slower_cells(variants, rows):
    """[(variant, version, n, ratio, excuse)] for gated variants below 1 where the rule fires."""
    table = grouped(rows)
    out = []
    for v in variants:
        for version, ratios in sorted(table.get((v.code, v.name), {}).items(), key=lambda kv: version_key(kv[0])):
            if minor_of(version) not in SUPPORTED:
                continue
            for n in sorted(ratios):
                if n >= v.fires_from and ratios[n] < 1.0:
                    out.append((v, version, n, ratios[n], v.excuse(minor_of(version), n)))
    return out


def load_variants(pairs_dir=PAIRS_DIR, codes=None):
    """(variants, errors) loaded in this process (metadata only: nothing is timed)."""
    variants, errors = [], []
    for path, vs, error in harness.load_all(pairs_dir, codes):
        if error:
            errors.append("%s: %s" % (path.name, error.strip()))
        else:
            variants.extend(vs)
    return variants, errors
