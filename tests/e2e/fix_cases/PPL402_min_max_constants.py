# fix: PPL402 safe
def run(offset):
    low = sorted([3, 1, 2, 1, -4.5, 1e300])[0]
    high = sorted(("b", "a", "b", ""), reverse=True)[0]
    one = sorted([7])[0]
    return low + offset, high, one


SAMPLES = [(0,), (1.5,), (-3,)]
