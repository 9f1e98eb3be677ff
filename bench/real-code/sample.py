#!/usr/bin/env python3
"""Samples findings of one rule, spread across projects, with context, for reading.

usage: pyperf-lint STDLIB --output-format concise -q > /tmp/std3.txt
       pyperf-lint SITE_PACKAGES --output-format concise -q > /tmp/sp3.txt
       bench/real-code/sample.py PPL101 10 [SEED]
"""
import sys, random, collections
code, n = sys.argv[1], int(sys.argv[2])
rows = []
for path in ("/tmp/std3.txt", "/tmp/sp3.txt"):
    for line in open(path):
        parts = line.split(": ", 2)
        if len(parts) < 2 or not parts[1].startswith(code + " "):
            continue
        f, l, c = parts[0].rsplit(":", 2)
        rel = f.replace("/root/.pyenv/versions/3.11.7/lib/python3.11/", "")
        proj = rel.split("/")[1] if rel.startswith("site-packages/") else "stdlib:" + rel.split("/")[0]
        rows.append((proj, f, int(l), parts[1][len(code)+1:]))
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
by = collections.defaultdict(list)
for r in rows: by[r[0]].append(r)
projs = list(by); random.shuffle(projs)
picked = []
while len(picked) < n and any(by.values()):
    for p in projs:
        if by[p] and len(picked) < n:
            picked.append(by[p].pop(random.randrange(len(by[p]))))
for proj, f, l, msg in picked:
    lines = open(f, encoding="utf-8", errors="replace").read().splitlines()
    print(f"=== [{proj}] {f.replace('/root/.pyenv/versions/3.11.7/lib/python3.11/','')}:{l}  {msg[:150]}")
    for i in range(max(0, l-5), min(len(lines), l+2)):
        print(("> " if i == l-1 else "  ") + lines[i][:140])
