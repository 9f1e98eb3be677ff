# fix: PPL305 safe
def run(xs):
    pairs = sum(((1, 2), (3,), ()), ())
    flat = sum([[x, -x] for x in xs], [])
    return pairs, flat


SAMPLES = [([],), ([1, 2],), ([0, 0],), ("ab",)]
