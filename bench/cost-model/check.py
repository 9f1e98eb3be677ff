#!/usr/bin/env python3
"""Cost-model evidence check (no timing): pairs exist, pairs are equivalent, the measured advice is not slower.

Fails (exit 1) when:
  (a) a rule registered in rules/rules.def (tool rules PPL0xx aside) or listed in a rule catalog
      given with --catalog (a markdown table of codes) has no pair module bench/cost-model/pairs/<CODE>.py,
      or a pair module does not follow the protocol (README.md);
  (b) on any interpreter found (python3, python3.X, pyenv 3.9+; or the --python ones), a pair's
      before and after give different results (sizes up to --max-n), or a function mutates its inputs;
  (c) results.csv lacks a variant, a supported version (3.9-3.13) or a size of a pair, or shows a
      gated variant (the rule's default advice) below ratio 1.0 on a supported version at a size
      where the rule fires (n >= FIRES_FROM) that its pair module does not declare in SLOWER_ON
      with a reason; declared cells are listed;
  (d) RESULTS.md does not match results.csv, or a rule doc (rules/<family>/<rule>.md) quotes a row
      that is not in RESULTS.md, or does not quote its default advice's rows.

usage: bench/cost-model/check.py [--python PATH]... [--max-n 1000] [--pairs DIR] [--results DIR]
                                 [--rules-def FILE] [--catalog FILE] [--root DIR]
"""

import argparse
import concurrent.futures
import os
import sys
from pathlib import Path

import common


class Report:
    def __init__(self):
        self.failures = []
        self.notes = []

    def fail(self, message):
        self.failures.append(message)
        print("FAIL " + message)

    def note(self, message):
        self.notes.append(message)
        print("     " + message)


def check_coverage(report, variants, load_errors, rules_def, catalog):
    print("(a) every rule has a pair")
    for error in load_errors:
        report.fail("pair module does not load: " + error)
    have = {}
    for v in variants:
        have.setdefault(v.code, v.rule_name)
    registered = {code: name for code, name in common.rules_def_codes(rules_def).items() if not common.is_tool_rule(code)}
    wanted = {code: name.replace("_", "-") for code, name in registered.items()}
    if catalog is not None and Path(catalog).exists():
        for code, name in common.catalog_codes(catalog).items():
            if not common.is_tool_rule(code):
                wanted.setdefault(code, name)
        source = "rules.def + catalog"
    else:
        source = "rules.def (catalog not found: %s)" % catalog
    broken = {e.split(":", 1)[0][: -len(".py")] for e in load_errors}
    for code in sorted(wanted):
        if code in broken:
            continue
        if code not in have:
            report.fail("%s %s has no pair module (pairs/%s.py)" % (code, wanted[code], code))
        elif have[code] != wanted[code]:
            report.fail("%s: pair NAME %r differs from the rule name %r" % (code, have[code], wanted[code]))
    print("     %d rules from %s, %d pair modules" % (len(wanted), source, len(have)))


def check_equivalence(report, interpreters, pairs_dir, max_n):
    print("(b) before and after are equivalent (sizes up to %d)" % max_n)
    if not interpreters:
        report.fail("no CPython 3.9+ interpreter found")
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        futures = [pool.submit(common.run_harness, interp, "check", pairs_dir, ["--max-n", str(max_n)])
                   for interp in interpreters]
        outcomes = [f.result() for f in futures]
    for interp, (rc, data, err) in zip(interpreters, outcomes):
        if data is None:
            report.fail("[%s] the harness did not report (exit %d): %s" % (interp["version"], rc, err.strip()[-2000:]))
            continue
        for line in common.format_failures(interp["version"], data["failures"]):
            report.fail(line[len("FAIL ") :])
        if rc != 0 and not data["failures"]:
            report.fail("[%s] harness exit %d" % (interp["version"], rc))
        if not data["failures"]:
            print("     CPython %s (%s): %d checks passed" % (interp["version"], interp["executable"], data["checked"]))


def check_results(report, variants, rows):
    print("(c) the default advice is not slower where the rule fires (3.9-3.13)")
    table = common.grouped(rows)
    known = {(v.code, v.name) for v in variants}
    for key in sorted(set(table) - known):
        report.fail("results.csv has rows for %s/%s, which no pair defines: regenerate (run.py)" % key)
    measured_minors = {common.minor_of(r["version"]) for r in rows}
    for v in variants:
        by_version = table.get((v.code, v.name))
        if not by_version:
            report.fail("%s/%s: not measured: run bench/cost-model/run.py" % (v.code, v.name))
            continue
        minors = {common.minor_of(version): version for version in by_version}
        if len(minors) != len(by_version):
            report.fail("%s/%s: two interpreters of one minor version in the results" % (v.code, v.name))
        if v.gated:
            for minor in common.SUPPORTED:
                if minor not in minors:
                    report.fail("%s/%s: no measurement on CPython %s (supported)" % (v.code, v.name, minor))
        for version, ratios in sorted(by_version.items()):
            if sorted(ratios) != list(v.sizes):
                report.fail("%s/%s on %s: measured sizes %s differ from SIZES %s: regenerate (run.py)"
                            % (v.code, v.name, version, sorted(ratios), list(v.sizes)))
        for key, reason in v.slower_on.items():
            minor = key if isinstance(key, str) else key[0]
            if minor not in measured_minors:
                report.note("%s/%s declares SLOWER_ON %r, a version not in the results" % (v.code, v.name, key))
    slower = common.slower_cells([v for v in variants if v.gated], rows)
    used = set()
    for v, version, n, ratio, excuse in slower:
        where = "%s/%s on %s at n = %d: ratio %.3f" % (v.code, v.name, version, n, ratio)
        if excuse:
            report.note("declared slower: %s (%s)" % (where, excuse))
            minor = common.minor_of(version)
            used.add((v.key, (minor, n) if (minor, n) in v.slower_on else minor))
        else:
            report.fail("%s: the rule's default advice is slower where the rule fires (FIRES_FROM = %d). "
                        "Fix the rule (gate it) or declare SLOWER_ON in pairs/%s.py with a reason"
                        % (where, v.fires_from, v.code))
    for v in variants:
        for key in v.slower_on:
            if (v.key, key) not in used:
                report.note("%s/%s: SLOWER_ON %r is declared but no such cell is below 1 now" % (v.code, v.name, key))
    for v in variants:
        if v.gated:
            continue
        for version, ratios in sorted(table.get((v.code, v.name), {}).items(), key=lambda kv: common.version_key(kv[0])):
            low = ["n = %d: %.3f" % (n, r) for n, r in sorted(ratios.items()) if r < 1.0 and n >= v.fires_from]
            if low:
                report.note("alternative %s/%s (not gated) slower on %s: %s" % (v.code, v.name, version, ", ".join(low)))


def check_tables(report, variants, rows, results_md, rules_def, root):
    print("(d) RESULTS.md matches results.csv; rule docs quote their rows")
    if not Path(results_md).exists():
        report.fail("%s is missing: run bench/cost-model/run.py" % results_md)
        return
    lines = Path(results_md).read_text(encoding="utf-8").splitlines()
    present = set(lines)
    table = common.grouped(rows)
    expected_rows = {}
    for v in variants:
        by_version = table.get((v.code, v.name), {})
        if not by_version:
            continue
        block = common.variant_block(v, by_version)
        for line in block[2:]:
            expected_rows[common.row_key(line)] = line
        missing = [line for line in block if line not in present]
        if missing:
            report.fail("RESULTS.md does not show results.csv for %s/%s (e.g. %r): regenerate (run.py)"
                        % (v.code, v.name, missing[0]))
    for line in lines:
        key = common.row_key(line)
        if key is not None and expected_rows.get(key) != line:
            report.fail("RESULTS.md row not backed by results.csv: %r" % line)
    by_code = {}
    for v in variants:
        by_code.setdefault(v.code, []).append(v)
    docs = 0
    for code, snake in sorted(common.rules_def_codes(rules_def).items()):
        if common.is_tool_rule(code) or code not in by_code:
            continue
        path = common.doc_path(code, snake, root)
        if path is None or not path.exists():
            continue  # the meta-test reports missing docs
        docs += 1
        doc_lines = path.read_text(encoding="utf-8").splitlines()
        quoted = set()
        for line in doc_lines:
            key = common.row_key(line)
            if key is None:
                continue
            if line not in present:
                report.fail("%s quotes a row that is not in RESULTS.md (stale? run.py --sync-docs): %r"
                            % (path.relative_to(root), line))
            if key[0] != code:
                report.fail("%s quotes another rule's row: %r" % (path.relative_to(root), line))
            quoted.add(key)
        main = next(v for v in by_code[code] if v.main)
        for version in table.get((code, main.name), {}):
            if (code, main.name, common.minor_of(version)) not in quoted:
                report.fail("%s does not quote its row %s/%s for %s from RESULTS.md"
                            % (path.relative_to(root), code, main.name, version))
    print("     %d rule docs checked" % docs)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", default=[], help="interpreter to check with (repeatable; no discovery)")
    ap.add_argument("--max-n", type=int, default=1000, help="largest size checked for equivalence (default 1000)")
    ap.add_argument("--pairs", default=str(common.PAIRS_DIR))
    ap.add_argument("--results", default=str(common.HERE), help="directory holding results.csv and RESULTS.md")
    ap.add_argument("--rules-def", default=str(common.RULES_DEF))
    ap.add_argument("--catalog", default=None)
    ap.add_argument("--root", default=str(common.ROOT), help="repository root (for rules/<family>/<rule>.md)")
    args = ap.parse_args(argv)

    report = Report()
    variants, errors = common.load_variants(args.pairs)
    check_coverage(report, variants, errors, args.rules_def, args.catalog)
    interpreters = common.discover(args.python)
    check_equivalence(report, interpreters, args.pairs, args.max_n)
    csv_path = Path(args.results) / "results.csv"
    if csv_path.exists():
        rows = common.read_csv(csv_path)
        check_results(report, variants, rows)
        check_tables(report, variants, rows, Path(args.results) / "RESULTS.md", args.rules_def, Path(args.root))
    else:
        report.fail("%s is missing: run bench/cost-model/run.py" % csv_path)
    print()
    if report.failures:
        print("cost-model check: %d failure(s)" % len(report.failures))
        return 1
    print("cost-model check: OK (%d variants of %d rules; %d note(s))"
          % (len(variants), len({v.code for v in variants}), len(report.notes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
