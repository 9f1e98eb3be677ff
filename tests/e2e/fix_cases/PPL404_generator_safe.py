# fix: PPL404 safe
def run(values):
    items = list(values)
    return (
        any([x for x in items]),
        all([x is not None for x in items]),
        any([x for x in items if x is not None and x is not False]),
        all([x for x in items], ),
    )


SAMPLES = [([],), ([0, 0],), ([1, None, 0],), ([None],), ([False, "", ()],), (["a", 1, [2]],)]
