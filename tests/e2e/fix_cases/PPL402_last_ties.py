# fix: PPL402 unsafe
def run(xs):
    return sorted(xs, key=abs)[-1], sorted(xs, key=abs, reverse=True)[-1]


SAMPLES = [([3, 1, 2],), ([5],), ([-7, 3, 2],), ([2, 2],)]
# Ties on the key: `[-1]` is the last of the equal elements, max()/min() return the first.
UNSAFE = [([2, -2],), ([-1, 1, 0, 0.0, -0.0],)]
