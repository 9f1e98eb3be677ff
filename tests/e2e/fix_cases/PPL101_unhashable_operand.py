# fix: PPL101 unsafe
def run(rows, allowed):
    allowed = list(allowed)
    found = []
    for row in rows:
        if row in allowed:
            found.append(row)
    return found


SAMPLES = [([], ["a"]), (["a", "b", 1, 1.0, None], ["a", 1, None]), ([(1, 2)], [(1, 2)])]
# A list row: the scan compares it with ==, the set raises TypeError (unhashable type).
UNSAFE = [([["a"]], ["a"]), ([{}], [])]
