# fix: PPL602 unsafe
def run(pairs, bumps):
    table = dict(pairs)
    out = []

    def bump():
        if bumps:
            for k in table:
                table[k] += 1

    for key in table:
        bump()
        out.append(table[key])
    return out


SAMPLES = [([], False), ([("a", 1)], False), ([("a", 1), ("b", 2)], False), ([], True)]
# Other code changes the values during the loop: d[k] reads the new value, items() had already
# handed out the old one.
UNSAFE = [([("a", 1)], True), ([(1, 1), (2, 2), (3, 3)], True)]
