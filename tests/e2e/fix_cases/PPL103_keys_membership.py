# fix: PPL103 safe
def run(d, k):
    table = dict(d)
    return k in table.keys(), k not in table.keys()


SAMPLES = [({"a": 1}, "a"), ({"a": 1}, "b"), ({}, "a"), ({1: 2}, 1.0), ({"a": 1}, [1])]
