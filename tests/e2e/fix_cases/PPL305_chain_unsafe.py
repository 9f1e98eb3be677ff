# fix: PPL305 unsafe
def run(rows):
    return sum(rows, [])


SAMPLES = [([],), ([[1, 2], [3]],), ([[], [], [1]],), ([[[1]], [2]],)]
# sum() adds with `+`: a list plus a tuple or a string raises TypeError; chain iterates anything.
UNSAFE = [([[1], (2, 3)],), (["ab"],), ([[1], "ab"],)]
