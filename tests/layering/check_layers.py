#!/usr/bin/env python3
"""Fails when a file includes a header of a higher layer than its own.

The libraries' link lines (CMakeLists.txt) enforce the direction for code that is called; this
check also catches an include that is only there (types, inline functions) and would link fine.
The layers, from the bottom: syntax and cost (leaves), semantic, lint (with rules/), report, app.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2]).resolve()

# Each layer and the layers it may include directly; includes are checked against the closure.
DEPENDS = {
    "syntax": [],
    "cost": [],
    "semantic": ["syntax"],
    "lint": ["semantic", "cost"],
    "report": ["lint"],
    "app": ["report"],
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def closure(layer):
    seen = {layer}
    pending = [layer]
    while pending:
        for dep in DEPENDS[pending.pop()]:
            if dep not in seen:
                seen.add(dep)
                pending.append(dep)
    return seen


def layer_of_file(path):
    rel = path.relative_to(ROOT).parts
    if rel[0] == "rules":
        return "lint"
    if rel[0] == "src" and len(rel) > 2:
        return rel[1]
    return None  # src/main.cpp sits on top of everything


def layer_of_include(target):
    first = target.split("/")[0]
    if first == "rules":
        return "lint"
    return first if first in DEPENDS else None


def violations():
    found = []
    for path in sorted(list((ROOT / "src").rglob("*")) + list((ROOT / "rules").rglob("*"))):
        if path.suffix not in (".cpp", ".hpp", ".def", ".inc"):
            continue
        layer = layer_of_file(path)
        if layer is None:
            continue
        if layer not in DEPENDS:
            found.append(f"{path.relative_to(ROOT)}: folder '{layer}' is not a known layer")
            continue
        allowed = closure(layer)
        for target in INCLUDE.findall(path.read_text(encoding="utf-8")):
            target_layer = layer_of_include(target)
            if target_layer is not None and target_layer not in allowed:
                found.append(f"{path.relative_to(ROOT)}: includes {target} ({target_layer} is above {layer})")
    return found


def main():
    problems = violations()
    for line in problems:
        print(line)
    print(f"layering: {len(problems)} include(s) against the flow")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
