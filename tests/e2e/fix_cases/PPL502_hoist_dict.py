# fix: PPL502 unsafe
def run(rows, pairs):
    pairs = list(pairs)
    out = []
    for k in rows:
        out.append(dict(pairs).get(k))
    return out


SAMPLES = [([], [("a", 1)]), (["a", "b"], [("a", 1), ("b", 2), ("a", 3)])]
# A loop that runs zero times never built the dict; hoisted, the build runs and raises.
UNSAFE = [([], [1, 2]), ([], ["abc"])]
