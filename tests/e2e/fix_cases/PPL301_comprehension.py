# fix: PPL301 safe
def run(rows, limit):
    out = []
    for row in rows:
        if row:
            for cell in row:
                out.append((cell, len(row)))
    picked = []
    for x in range(limit):
        if x % 2 if limit > 3 else x:
            picked.append(x * 2 if x else -1)
    return out, picked


SAMPLES = [((), 0), ([[]], 1), ([[1, 1], [2]], 5), ([["a"], [], ["b", "b"]], 3), ([[None]], -1)]
