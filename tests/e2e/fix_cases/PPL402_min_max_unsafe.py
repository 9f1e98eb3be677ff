# fix: PPL402 unsafe
def run(xs):
    return sorted(xs)[0], sorted(xs, reverse=True)[0]


SAMPLES = [([3, 1, 2],), ([5],), ([1, 1, 2, 2],), (["b", "a", "c"],), ([(1, "b"), (1, "a")],), ([1, 1.0, True],)]
# Empty: IndexError becomes ValueError. NaN is not ordered: the sort and min()/max() disagree.
UNSAFE = [([],), ([1, float("nan"), 0],)]
