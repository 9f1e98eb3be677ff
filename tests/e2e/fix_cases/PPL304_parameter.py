# fix: PPL304 unsafe
def merge(groups, acc: list):
    for group in groups:
        acc = acc + group
    return acc


def run(groups, start):
    mine = list(start)
    merged = merge(groups, mine)
    return merged, mine


SAMPLES = [([], []), ([], [1, 2])]
# `acc + group` left the caller's list alone; extend() grows it.
UNSAFE = [([[1], [2, 3]], []), ([[1]], [0])]
