# fix: PPL602 safe
def run(pairs):
    table = dict(pairs)
    out = []
    for key in table:
        out.append((key, table[key], table[key] * 2))
    return out, [k for k in table if table[k]], {k: table[k] for k in table.keys()}


SAMPLES = [([],), ([("a", 1), ("b", 0)],), ([("a", 1), ("a", 2)],), ([(1, 1), (1.0, 2), (True, 3)],)]
