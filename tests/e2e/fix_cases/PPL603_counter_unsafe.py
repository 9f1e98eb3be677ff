# fix: PPL603 unsafe
def run(words, probe):
    counts = {}
    for w in words:
        if w not in counts:
            counts[w] = 0
        counts[w] += 1
    return counts[probe] if probe is not None else counts


SAMPLES = [(["a", "b", "a"], "a"), (["b"], "b")]
# A missing key reads 0 instead of raising KeyError; the returned object is a Counter (its repr differs).
UNSAFE = [(["a"], "z"), ([], "a"), (["a", "a"], None)]
