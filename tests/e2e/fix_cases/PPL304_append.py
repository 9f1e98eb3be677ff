# fix: PPL304 safe
def run(rows):
    result = []
    for row in rows:
        result = result + [row]
    pairs = []
    for row in rows:
        pairs = pairs + [row, row]
    return result, pairs


SAMPLES = [([],), ([1, 2, 2],), (["a", None, [3]],)]
