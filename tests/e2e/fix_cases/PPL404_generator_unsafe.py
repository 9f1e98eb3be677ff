# fix: PPL404 unsafe
def run(values):
    return any([v > 0 for v in values]), all([bool(v) for v in values])


SAMPLES = [([],), ([0, -1],), ([1, 2],), ([0, 1, 2],)]
# After the deciding element the list comprehension still compares the rest: `None > 0` raises.
UNSAFE = [([1, None],), ([1, "a"],)]
