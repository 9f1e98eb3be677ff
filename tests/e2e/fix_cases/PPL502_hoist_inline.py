# fix: PPL502 safe
def run(rows):
    known = ["red", "green", "blue", "red"]
    n = 0
    for row in rows:
        if row in set(known):
            n += 1
    widths = [3, 5, 8]
    total = 0
    for row in rows:
        cells = tuple(widths)
        total += len(cells) + len(str(row))
    return n, total


SAMPLES = [([],), (["red", "x", "blue", ""],), ([1, None, "green"],)]
