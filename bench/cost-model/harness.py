"""Runs inside one measured interpreter: loads the pair modules, checks equivalence, times them.

run.py and check.py start it once per interpreter and read JSON from its stdout (progress goes to
stderr). It must run on CPython 3.9+ with the standard library only, like the pair modules.

    python -B harness.py check --pairs DIR [--code PPL101 ...] [--max-n N]
    python -B harness.py time  --pairs DIR [--code PPL101 ...] [--repeats 7] [--target-ms 20] [--no-check]

`check` runs every variant's equivalence check (on every size up to --max-n). `time` first runs the
equivalence check on every size and stops (exit 1) on any failure, then times each variant:
before and after alternate, `repeats` times, each repeat calling the function enough times to last
about `target-ms` (like timeit's autorange); the per-call medians give ratio = before / after.

The pair-module protocol (also read by check.py and run.py) is described in README.md.
"""

import argparse
import copy
import gc
import importlib.util
import json
import platform
import statistics
import sys
import time
import timeit
import traceback
from pathlib import Path

SLOW_CALL_S = 0.2  # above this per call, fewer repeats
# CPU time of this process, not wall time: on a shared machine the time spent descheduled while
# other jobs run would otherwise land on whichever form happened to be running.
CLOCK = time.process_time
SLOW_REPEATS = 3

_REQUIRED = ("CODE", "NAME", "VARIANT", "N", "BEFORE", "AFTER", "SIZES", "FIRES_FROM", "setup", "before", "after")
_VARIANT_KEYS = {
    "before",
    "after",
    "setup",
    "sizes",
    "fires_from",
    "equivalent",
    "before_text",
    "after_text",
    "n_means",
    "slower_on",
    "alternative",
}


class PairError(Exception):
    """A pair module that does not follow the protocol."""


class Variant:
    """One measured before/after pair of a rule (a module's main pair, or one of its VARIANTS)."""

    def __init__(self, module, name, main, spec):
        self.module = module
        self.code = module.CODE
        self.rule_name = module.NAME
        self.name = name
        self.main = main
        self.setup = spec["setup"]
        self.before = spec["before"]
        self.after = spec["after"]
        self.sizes = tuple(spec["sizes"])
        self.fires_from = spec["fires_from"]
        self.equivalent = spec.get("equivalent") or _equal
        self.before_text = spec["before_text"]
        self.after_text = spec["after_text"]
        self.n_means = spec["n_means"]
        self.slower_on = dict(spec.get("slower_on") or {})
        # An alternative recommendation is measured and reported but not gated; the reason says why.
        self.alternative = spec.get("alternative")
        self._validate()

    @property
    def gated(self):
        return not self.alternative

    @property
    def key(self):
        return "%s/%s" % (self.code, self.name)

    def _validate(self):
        where = "%s variant %r" % (self.code, self.name)
        if not self.sizes or any(not isinstance(n, int) or n < 1 for n in self.sizes):
            raise PairError("%s: sizes must be positive ints" % where)
        if list(self.sizes) != sorted(set(self.sizes)):
            raise PairError("%s: sizes must be strictly increasing" % where)
        if not isinstance(self.fires_from, int) or self.fires_from < 1:
            raise PairError("%s: FIRES_FROM must be a positive int" % where)
        if self.fires_from > self.sizes[-1]:
            # The gate would check nothing: a silent excuse. Not allowed.
            raise PairError("%s: FIRES_FROM %d is above every measured size" % (where, self.fires_from))
        for text in (self.before_text, self.after_text, self.n_means):
            if not isinstance(text, str) or not text.strip():
                raise PairError("%s: BEFORE/AFTER/N texts must be non-empty strings" % where)
        if self.alternative is not None and (not isinstance(self.alternative, str) or not self.alternative.strip()):
            raise PairError("%s: 'alternative' must be a reason string" % where)
        for key, reason in self.slower_on.items():
            version, size = (key, None) if isinstance(key, str) else (key[0], key[1])
            if not isinstance(version, str) or not _is_minor(version):
                raise PairError("%s: SLOWER_ON key %r: use '3.X' or ('3.X', n)" % (where, key))
            if size is not None and size not in self.sizes:
                raise PairError("%s: SLOWER_ON key %r: n is not a measured size" % (where, key))
            if not isinstance(reason, str) or not reason.strip():
                raise PairError("%s: SLOWER_ON %r needs a reason" % (where, key))

    def excuse(self, minor, n):
        """The declared reason why the advice may be slower on `minor` ('3.X') at size n, or None."""
        if (minor, n) in self.slower_on:
            return self.slower_on[(minor, n)]
        return self.slower_on.get(minor)

    def describe(self):
        return {
            "code": self.code,
            "rule": self.rule_name,
            "variant": self.name,
            "main": self.main,
            "gated": self.gated,
            "alternative": self.alternative,
            "sizes": list(self.sizes),
            "fires_from": self.fires_from,
            "before": self.before_text,
            "after": self.after_text,
            "n": self.n_means,
        }


def _is_minor(version):
    parts = version.split(".")
    return len(parts) == 2 and all(p.isdigit() for p in parts)


def _equal(a, b):
    return a == b


def load_module(path):
    path = Path(path)
    name = "pyperf_pair_" + path.stem
    spec = importlib.util.spec_from_file_location(name, str(path))
    if spec is None or spec.loader is None:
        raise PairError("%s: cannot be imported" % path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def variants_of(module):
    """The module's main pair followed by its extra VARIANTS, validated."""
    missing = [attr for attr in _REQUIRED if not hasattr(module, attr)]
    if missing:
        raise PairError("%s: missing %s" % (getattr(module, "__file__", module), ", ".join(missing)))
    if not (module.__doc__ or "").strip():
        raise PairError("%s: the module docstring must explain the pair and its FIRES_FROM" % module.CODE)
    main = {
        "setup": module.setup,
        "before": module.before,
        "after": module.after,
        "sizes": module.SIZES,
        "fires_from": module.FIRES_FROM,
        "equivalent": getattr(module, "equivalent", None),
        "before_text": module.BEFORE,
        "after_text": module.AFTER,
        "n_means": module.N,
        "slower_on": getattr(module, "SLOWER_ON", {}),
    }
    out = [Variant(module, module.VARIANT, True, main)]
    for name, extra in getattr(module, "VARIANTS", {}).items():
        unknown = set(extra) - _VARIANT_KEYS
        if unknown:
            raise PairError("%s variant %r: unknown keys %s" % (module.CODE, name, sorted(unknown)))
        spec = dict(main)
        spec["slower_on"] = {}  # never inherited: each variant declares its own exceptions
        spec.update(extra)
        out.append(Variant(module, name, False, spec))
    names = [v.name for v in out]
    if len(set(names)) != len(names):
        raise PairError("%s: variant names repeat" % module.CODE)
    return out


def pair_files(pairs_dir, codes=None):
    files = sorted(Path(pairs_dir).glob("PPL*.py"))
    if codes:
        wanted = set(codes)
        files = [f for f in files if f.stem in wanted]
    return files


def load_all(pairs_dir, codes=None):
    """[(path, [Variant...] or None, error text or None)] for every pair module."""
    loaded = []
    for path in pair_files(pairs_dir, codes):
        try:
            module = load_module(path)
            if module.CODE != path.stem:
                raise PairError("%s defines CODE = %r" % (path.name, module.CODE))
            loaded.append((path, variants_of(module), None))
        except Exception:  # noqa: BLE001 - reported, not raised: one broken module must not hide the others
            loaded.append((path, None, traceback.format_exc(limit=3)))
    return loaded


def check_variant(variant, n):
    """None when the pair is equivalent at size n, else a description of the failure."""
    try:
        inputs = variant.setup(n)
        snapshot = copy.deepcopy(inputs)
        a1 = variant.before(inputs)
        if inputs != snapshot:
            return "before mutates its inputs: copy them inside, so that every timed call does the same work"
        b1 = variant.after(inputs)
        if inputs != snapshot:
            return "after mutates its inputs: copy them inside, so that every timed call does the same work"
        if a1 is None or b1 is None:
            return "before/after must return a comparable result, not None"
        if not variant.equivalent(a1, b1):
            return "before and after differ: before=%s after=%s" % (_short(a1), _short(b1))
        # Repeated timing must be fair: calling again on the same inputs gives the same result.
        a2 = variant.before(inputs)
        b2 = variant.after(inputs)
        if not variant.equivalent(a1, a2) or not variant.equivalent(b1, b2):
            return "a second call on the same inputs differs: a function mutates its inputs (copy them inside)"
        # setup must be deterministic (seeded).
        a3 = variant.before(variant.setup(n))
        if not variant.equivalent(a1, a3):
            return "setup(n) is not deterministic: seed its random generator"
    except Exception:  # noqa: BLE001
        return "raised:\n" + traceback.format_exc(limit=4)
    return None


def _short(value, limit=160):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "...(%d chars)" % len(text)


def calibrate(timer, target_s):
    """(number, seconds per call): a call count whose total reaches target_s (like timeit's autorange,
    but estimated from one call instead of climbing 1, 2, 5, 10, ... from scratch)."""
    number = 1
    while True:
        took = timer.timeit(number)
        if took >= target_s:
            return number, took / number
        if took <= 0:
            number *= 10
            continue
        # Aim 20% past the target so that the next attempt almost always reaches it.
        number = max(number + 1, int(number * 1.2 * target_s / took))


def time_variant(variant, n, repeats, target_s, confirm_band=0.0):
    inputs = variant.setup(n)
    gc.collect()
    t_before = timeit.Timer(lambda: variant.before(inputs), timer=CLOCK)
    t_after = timeit.Timer(lambda: variant.after(inputs), timer=CLOCK)
    nb, per_b = calibrate(t_before, target_s)
    na, per_a = calibrate(t_after, target_s)
    if max(per_b, per_a) > SLOW_CALL_S:
        repeats = min(repeats, SLOW_REPEATS)
    before, after = [], []

    def rounds(count):
        for i in range(count):
            # Alternate which form goes first so that drifting machine load hits both alike.
            if (len(before) + i) % 2 == 0:
                before.append(t_before.timeit(nb) / nb)
                after.append(t_after.timeit(na) / na)
            else:
                after.append(t_after.timeit(na) / na)
                before.append(t_before.timeit(nb) / nb)

    rounds(repeats)
    b = statistics.median(before)
    a = statistics.median(after)
    if abs(b / a - 1.0) < confirm_band:
        # Close to even: the sign of the result matters, so take twice as many samples.
        rounds(repeats)
        b = statistics.median(before)
        a = statistics.median(after)
    repeats = len(before)
    return {
        "code": variant.code,
        "variant": variant.name,
        "n": n,
        "before_ns": b * 1e9,
        "after_ns": a * 1e9,
        "ratio": b / a,
        "repeats": repeats,
        "before_number": nb,
        "after_number": na,
    }


def interpreter():
    return {
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "build": " ".join(platform.python_build()),
        "compiler": platform.python_compiler(),
    }


def run_checks(loaded, max_n):
    failures = []
    checked = 0
    for path, variants, error in loaded:
        if error:
            failures.append({"code": path.stem, "variant": None, "n": None, "error": error})
            continue
        for variant in variants:
            for n in variant.sizes:
                if max_n is not None and n > max_n and n != variant.sizes[0]:
                    continue
                problem = check_variant(variant, n)
                checked += 1
                if problem:
                    failures.append({"code": variant.code, "variant": variant.name, "n": n, "error": problem})
    return checked, failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("check", "time", "describe"))
    parser.add_argument("--pairs", required=True)
    parser.add_argument("--code", action="append", default=[])
    parser.add_argument("--max-n", type=int, default=None, help="check: skip sizes above this (smallest size kept)")
    parser.add_argument("--no-check", action="store_true", help="time: skip the equivalence check (run.py ran it)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--target-ms", type=float, default=20.0)
    parser.add_argument("--confirm-band", type=float, default=0.1, help="re-time cells whose ratio is within 1 +- this")
    args = parser.parse_args(argv)

    loaded = load_all(args.pairs, args.code)
    result = {"interpreter": interpreter(), "failures": [], "rows": [], "variants": []}
    for _, variants, _ in loaded:
        for variant in variants or ():
            result["variants"].append(variant.describe())

    if args.command == "check" or (args.command == "time" and not args.no_check):
        checked, failures = run_checks(loaded, args.max_n if args.command == "check" else None)
        result["checked"] = checked
        result["failures"] = failures
        if failures:
            print(json.dumps(result))
            return 1

    if args.command == "time":
        version = platform.python_version()
        for _, variants, _ in loaded:
            for variant in variants:
                for n in variant.sizes:
                    row = time_variant(variant, n, args.repeats, args.target_ms / 1000.0, args.confirm_band)
                    result["rows"].append(row)
                    sys.stderr.write(
                        "  %s %-8s %-26s n=%-6d %10.0f ns %10.0f ns  x%.3g\n"
                        % (version, variant.code, variant.name, n, row["before_ns"], row["after_ns"], row["ratio"])
                    )
                    sys.stderr.flush()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
