#!/usr/bin/env python3
"""Cost-model evidence bench: times every rule's before/after pair on every CPython found.

For each interpreter (python3, python3.X on PATH, pyenv versions; 3.9+; one per minor version, or
only the ones given with --python), it first checks that every pair is equivalent at every size
(any mismatch stops the run with exit status 1), then times each pair in a fresh subprocess
(harness.py): before and after alternate, 7 repeats of at least --target-ms each, medians,
ratio = before / after. It writes results.csv (raw numbers) and RESULTS.md (one table per rule
variant, one row per interpreter: the rows the rule docs quote), then updates the tables quoted in
the rule docs (rules/<family>/<rule>.md) to the new rows.

With --code it measures only those rules and prints their tables; add --merge to replace those
rules' rows in results.csv instead (every other row is kept; the interpreters must be the ones
results.csv was measured with), re-render RESULTS.md with its header kept and a note of the
re-measurement, and update the rule docs.

usage: bench/cost-model/run.py [--python PATH]... [--quick] [--runs N] [--code PPL101]... [--no-sync-docs]
       bench/cost-model/run.py --runs 3 --code PPL104 --merge   # re-measure one rule in place
       bench/cost-model/run.py --sync-docs      # only copy the RESULTS.md rows into the rule docs
"""

import argparse
import concurrent.futures
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import common


def log(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def machine_description():
    pretty = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return "%s, %s, %d cores (%s)" % (pretty, platform.machine(), os.cpu_count() or 0, cpu)


def loadavg():
    try:
        return "%.1f" % os.getloadavg()[0]
    except OSError:
        return "?"


def check_all(interpreters, codes):
    """Equivalence at every size on every interpreter. Nothing is timed, so they run concurrently."""
    ok = True
    extra = []
    for code in codes:
        extra += ["--code", code]
    log("equivalence, every size: " + ", ".join("CPython %s" % i["version"] for i in interpreters))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        futures = [pool.submit(common.run_harness, interp, "check", common.PAIRS_DIR, extra) for interp in interpreters]
        outcomes = [f.result() for f in futures]
    for interp, (rc, data, err) in zip(interpreters, outcomes):
        if data is None:
            log(err)
            log("FAIL [%s] the harness did not report (exit %d)" % (interp["version"], rc))
            ok = False
            continue
        for line in common.format_failures(interp["version"], data["failures"]):
            log(line)
        if rc != 0 or data["failures"]:
            ok = False
        else:
            log("  CPython %s: %d checks passed" % (interp["version"], data["checked"]))
    return ok


def time_all(interpreters, args):
    extra = ["--no-check", "--repeats", str(args.repeats), "--target-ms", str(args.target_ms)]
    for code in args.code:
        extra += ["--code", code]
    samples = {}
    for run in range(args.runs):
        for interp in interpreters:
            log("timing, run %d/%d: CPython %s (%s)" % (run + 1, args.runs, interp["version"], interp["executable"]))
            rc, data, err = common.run_harness(interp, "time", common.PAIRS_DIR, extra, stream_stderr=True)
            if rc != 0 or data is None:
                log("FAIL [%s] timing stopped (exit %d)" % (interp["version"], rc))
                if data:
                    for line in common.format_failures(interp["version"], data["failures"]):
                        log(line)
                sys.exit(1)
            for row in data["rows"]:
                key = (row["code"], row["variant"], interp["version"], row["n"])
                samples.setdefault(key, []).append(row)
    rows = []
    for (code, variant, version, n), runs in samples.items():
        rows.append(
            {
                "rule": code,
                "variant": variant,
                "version": version,
                "n": n,
                "before_ns": statistics.median(r["before_ns"] for r in runs),
                "after_ns": statistics.median(r["after_ns"] for r in runs),
                "ratio": statistics.median(r["ratio"] for r in runs),
            }
        )
    return rows


def render(variants, rows, meta):
    table = common.grouped(rows)
    by_code = {}
    for v in variants:
        by_code.setdefault(v.code, []).append(v)
    out = []
    if meta is None:  # --render: the caller keeps the existing header
        meta = {"date": "", "machine": "", "load_start": "", "load_end": "", "interpreters": [], "repeats": 0,
                "target_ms": 0, "runs": 1, "quick": False, "wall": ""}
    out.append("# Cost-model evidence: measured before/after ratios per rule")
    out.append("")
    out.append(
        "Generated by `bench/cost-model/run.py`; do not edit by hand. Rule docs quote their rows from "
        "here (`run.py` updates them; `check.py` fails when a quoted row differs)."
    )
    out.append("")
    out.append("- Date: %s" % meta["date"])
    out.append("- Machine: %s. Shared with other jobs (load average %s at the start, %s at the end), so expect "
               "about ±10%% noise on any single number; medians throughout." % (meta["machine"], meta["load_start"],
                                                                                meta["load_end"]))
    out.append("- Interpreters: %s." % ", ".join("CPython %s (`%s`)" % (i["version"], i["executable"])
                                               for i in meta["interpreters"]))
    out.append(
        "- Method: every pair's before and after are first checked to return equal results at every size, "
        "on every interpreter. Then per size, timeit with before and after alternating, timed with the CPU "
        "clock of the benchmark process (`time.process_time`, so time spent descheduled by other jobs does not "
        "count): %d repeats of at least %g ms each (%d when one call takes over %.1f s; twice as many when the ratio is within 1 ± 0.1), the "
        "median time per call of each; %s. `PYTHONHASHSEED=%s`.%s"
        % (meta["repeats"], meta["target_ms"], common.harness.SLOW_REPEATS, common.harness.SLOW_CALL_S,
           "one run" if meta["runs"] == 1 else "median of %d runs" % meta["runs"], common.HASH_SEED,
           " **Quick mode: fewer, shorter repeats.**" if meta["quick"] else "")
    )
    out.append("- Caveat: a collection above 128 KiB (a set of 2000 strings has a 128 KiB table) is allocated with "
               "glibc's `malloc`, whose heap trimming and mmap threshold can add page faults to each build "
               "depending on the process's allocation history (a ratio that drops from one size to the next on one "
               "version only, as PPL101 on 3.13 at n = 2000 did; the after form measured 84-350 µs in different "
               "processes). Such cells understate the ratio.")
    out.append("- ratio = before / after: above 1 the rule's advice is faster. Ratios below 1 are in **bold**. "
               "Wall time %s." % meta["wall"])
    out.append("- Raw numbers (ns per call): `results.csv`. Pair sources: `pairs/<CODE>.py`.")
    out.append("")
    out.append("## Where the advice measured slower where the rule fires")
    out.append("")
    slower = common.slower_cells([v for v in variants if v.gated], rows)
    if not slower:
        out.append("Nowhere: every gated cell (default advice, n ≥ the size where the rule fires, 3.9–3.13) is at or above 1.")
    else:
        out.append("Gated cells (the rule's default advice, n ≥ where it fires, supported versions) below 1. "
                   "Each is declared in its pair module with a reason (`SLOWER_ON`); `check.py` fails on any that is not.")
        out.append("")
        out.append("| rule/variant | python | n | ratio | declared reason |")
        out.append("|---|---|---|---|---|")
        for v, version, n, ratio, excuse in slower:
            out.append("| %s/%s | %s | %d | %s | %s |" % (v.code, v.name, version, n, common.fmt_ratio(ratio),
                                                         excuse or "**not declared**"))
    out.append("")
    for code in sorted(by_code):
        vs = by_code[code]
        out.append("## %s %s" % (code, vs[0].rule_name))
        out.append("")
        for v in vs:
            if v.alternative:
                role = "alternative advice, reported, not gated (%s)" % v.alternative
            else:
                role = "%s, gated from n = %d" % ("default advice" if v.main else "advice the rule also gives",
                                                  v.fires_from)
            out.append("**%s**: %s. n: %s." % (v.name, role, v.n_means))
            out.append("")
            out.append("- before: `` %s ``" % v.before_text)
            out.append("- after: `` %s ``" % v.after_text)
            out.append("")
            by_version = table.get((code, v.name), {})
            if by_version:
                out.extend(common.variant_block(v, by_version))
            else:
                out.append("(not measured)")
            if v.slower_on:
                out.append("")
                for key, reason in sorted(v.slower_on.items(), key=_declaration_order):
                    where = key if isinstance(key, str) else "%s at n = %d" % key
                    out.append("- Declared slower on %s: %s" % (where, reason))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _declaration_order(item):
    key = item[0]
    version, n = (key, 0) if isinstance(key, str) else key
    return common.version_key(version), n


def sync_docs(results_md=common.RESULTS_MD, root=common.ROOT, dry_run=False):
    """Replaces every quoted results table in the rule docs with its current block. Returns changed docs."""
    blocks = parse_blocks(Path(results_md).read_text(encoding="utf-8").splitlines())
    changed = []
    for code, snake in common.rules_def_codes(Path(root) / "rules" / "rules.def").items():
        path = common.doc_path(code, snake, root)
        if path is None or not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        new = []
        i = 0
        while i < len(lines):
            block = _table_at(lines, i)
            if block is not None:
                end, key = block
                replacement = blocks.get(key)
                if replacement is not None:
                    new.extend(replacement)
                    i = end
                    continue
            new.append(lines[i])
            i += 1
        if new != lines:
            changed.append(path)
            if not dry_run:
                path.write_text("\n".join(new) + "\n", encoding="utf-8")
    return changed


def _table_at(lines, i):
    """(end index, (code, variant)) when lines[i] starts a results table of one variant, else None."""
    if not lines[i].startswith("| rule | variant | python |") or i + 2 >= len(lines):
        return None
    if not lines[i + 1].startswith("|---"):
        return None
    j = i + 2
    key = None
    while j < len(lines):
        k = common.row_key(lines[j])
        if k is None or (key is not None and k[:2] != key):
            break
        key = k[:2]
        j += 1
    return (j, key) if key is not None else None


def parse_blocks(lines):
    """{(code, variant): [header, sep, rows...]} from RESULTS.md."""
    blocks = {}
    i = 0
    while i < len(lines):
        block = _table_at(lines, i)
        if block is not None:
            end, key = block
            blocks[key] = lines[i:end]
            i = end
        else:
            i += 1
    return blocks


REMEASURED = "- Re-measured alone since (same interpreters and method, rows merged into results.csv): "


def merge_rows(old_rows, new_rows, codes):
    """results.csv rows with every row of `codes` replaced by new_rows. Raises ValueError when the new
    rows were measured on other interpreters than the old ones: one RESULTS.md header lists one set."""
    codes = set(codes)
    old_versions = {r["version"] for r in old_rows}
    new_versions = {r["version"] for r in new_rows}
    if old_versions and new_versions != old_versions:
        raise ValueError(
            "results.csv was measured on CPython %s, this run on %s: re-measure everything (run.py) or pass the "
            "same interpreters with --python" % (", ".join(sorted(old_versions, key=common.version_key)),
                                                 ", ".join(sorted(new_versions, key=common.version_key))))
    stray = sorted({r["rule"] for r in new_rows} - codes)
    if stray:
        raise ValueError("new rows for rules not being merged: %s" % ", ".join(stray))
    return [r for r in old_rows if r["rule"] not in codes] + list(new_rows)


def remeasured_header(header, codes, meta):
    """The RESULTS.md header (everything before the first `## `) with the re-measured rules noted
    in one line after `- Date:`; a later re-measurement of a rule replaces its earlier note."""
    note = "%s on %s (%s, load average %s at the start, %s at the end, wall time %s%s)" % (
        "/".join(sorted(codes)), meta["date"], "one run" if meta["runs"] == 1 else "median of %d runs" % meta["runs"],
        meta["load_start"], meta["load_end"], meta["wall"], "; **quick mode**" if meta["quick"] else "")
    lines = header.split("\n")
    entries = []
    at = None
    for i, line in enumerate(lines):
        if line.startswith(REMEASURED):
            at = i
            entries = [e for e in line[len(REMEASURED):].rstrip(".").split("; ") if e]
    # An entry starts with its rules ("PPL104 on ..." or "PPL104/PPL105 on ..."): drop those re-measured now.
    entries = [e for e in entries if not set(e.split(" on ", 1)[0].split("/")) & set(codes)]
    entries.append(note)
    text = REMEASURED + "; ".join(entries) + "."
    if at is None:
        at = next((i + 1 for i, line in enumerate(lines) if line.startswith("- Date:")), len(lines))
        lines.insert(at, text)
    else:
        lines[at] = text
    return "\n".join(lines)


def rewrite_results(header, rows=None):
    """RESULTS.md = header (kept) + the tables rendered from results.csv (or `rows`) and every pair module."""
    variants, errors = common.load_variants()
    if errors:
        for e in errors:
            log("FAIL " + e)
        return False
    fresh = render(variants, common.read_csv() if rows is None else rows, None)
    common.RESULTS_MD.write_text(header + fresh[fresh.index("\n## ") + 1 :], encoding="utf-8")
    log("rebuilt %s" % common.RESULTS_MD.relative_to(common.ROOT))
    return True


def results_header():
    old = common.RESULTS_MD.read_text(encoding="utf-8")
    return old[: old.index("\n## ") + 1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", default=[], help="interpreter to measure (repeatable; no discovery)")
    ap.add_argument("--quick", action="store_true", help="3 repeats of 5 ms: a smoke run, not evidence")
    ap.add_argument("--runs", type=int, default=1, help="repeat the whole timing, median of the runs")
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--target-ms", type=float, default=10.0)
    ap.add_argument("--code", action="append", default=[], help="only these rules; prints, writes nothing (see --merge)")
    ap.add_argument("--merge", action="store_true",
                    help="with --code: replace those rules' rows in results.csv and RESULTS.md (same interpreters), "
                         "keep the rest, sync docs")
    ap.add_argument("--no-sync-docs", action="store_true", help="do not update the tables quoted in the rule docs")
    ap.add_argument("--sync-docs", action="store_true", help="only update the rule docs from RESULTS.md")
    ap.add_argument("--render", action="store_true",
                    help="only rebuild RESULTS.md from results.csv and the pair modules (keeps its header), then sync docs")
    args = ap.parse_args()

    if args.merge and not args.code:
        ap.error("--merge needs --code: it replaces the rows of the rules given")
    if args.render:
        if not rewrite_results(results_header()):
            return 1
        args.sync_docs = True
    if args.sync_docs:
        for path in sync_docs():
            log("updated %s" % path.relative_to(common.ROOT))
        return 0
    if args.quick:
        args.repeats, args.target_ms = 3, 5.0

    variants, errors = common.load_variants(codes=args.code or None)
    if errors:
        for e in errors:
            log("FAIL " + e)
        return 1
    interpreters = common.discover(args.python, log)
    if not interpreters:
        log("no CPython 3.9+ interpreter found")
        return 1
    log("interpreters: " + ", ".join("%s (%s)" % (i["version"], i["executable"]) for i in interpreters))
    missing = [m for m in common.SUPPORTED if m not in {common.minor_of(i["version"]) for i in interpreters}]
    if missing:
        log("warning: supported versions not found on this machine: %s" % ", ".join(missing))

    start = time.time()
    load_start = loadavg()
    if not check_all(interpreters, args.code):
        log("equivalence check failed: nothing timed")
        return 1
    rows = time_all(interpreters, args)
    meta = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_description(),
        "load_start": load_start,
        "load_end": loadavg(),
        "interpreters": interpreters,
        "repeats": args.repeats,
        "target_ms": args.target_ms,
        "runs": args.runs,
        "quick": args.quick,
        "wall": "%.0f s" % (time.time() - start),
    }
    if args.code and not args.merge:
        sys.stdout.write(render(variants, rows, meta))
        return 0
    if args.merge:
        try:
            merged = merge_rows(common.read_csv(), rows, args.code)
        except ValueError as e:
            log("FAIL --merge: %s" % e)
            return 1
        errors = common.load_variants()[1]  # RESULTS.md is rendered from every pair: all must load
        if errors:
            for e in errors:
                log("FAIL " + e)
            return 1
        header = remeasured_header(results_header(), args.code, meta)
        common.write_csv(merged)
        if not rewrite_results(header):  # rendered from the stored numbers, exactly as check.py reads them
            return 1
        log("merged %s into %s" % (", ".join(args.code), common.RESULTS_CSV.relative_to(common.ROOT)))
        if not args.no_sync_docs:
            for path in sync_docs():
                log("updated %s" % path.relative_to(common.ROOT))
        rows = common.read_csv()
        variants = [v for v in common.load_variants()[0] if v.code in set(args.code)]
        for v, version, n, ratio, excuse in common.slower_cells([v for v in variants if v.gated], rows):
            log("slower where it fires: %s/%s %s n=%d ratio %.3f (%s)" % (v.code, v.name, version, n, ratio,
                                                                        excuse or "NOT DECLARED"))
        return 0
    common.write_csv(rows)
    rows = common.read_csv()  # render from the stored numbers, exactly as check.py reads them
    common.RESULTS_MD.write_text(render(variants, rows, meta), encoding="utf-8")
    log("wrote %s and %s" % (common.RESULTS_MD.relative_to(common.ROOT), common.RESULTS_CSV.relative_to(common.ROOT)))
    if not args.no_sync_docs:
        for path in sync_docs():
            log("updated %s" % path.relative_to(common.ROOT))
    slower = common.slower_cells([v for v in variants if v.gated], rows)
    for v, version, n, ratio, excuse in slower:
        log("slower where it fires: %s/%s %s n=%d ratio %.3f (%s)" % (v.code, v.name, version, n, ratio,
                                                                    excuse or "NOT DECLARED"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
