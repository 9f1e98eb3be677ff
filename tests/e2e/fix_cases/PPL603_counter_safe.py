# fix: PPL603 safe
def run(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    lengths = dict()
    for w in words:
        if w in lengths:
            lengths[w] += 1
        else:
            lengths[w] = 1
    return sorted(counts.items()), list(lengths), len(lengths), "a" in counts, max(lengths.values(), default=0)


SAMPLES = [([],), (["a", "b", "a"],), ([1, 1.0, True, "1"],), (["x"] * 5,)]
