# fix: PPL201 safe
def run(items, front):
    queue = list(items)
    out = []
    while queue:
        x = queue.pop(0)
        out.append(x)
        if x == front and len(out) < 20:
            queue.append(x)
    try:
        queue.pop(0)
    except IndexError as e:
        out.append(type(e).__name__)
    return out, len(queue), sorted(queue)


SAMPLES = [((), 1), ([1, 2, 3], 2), ([1, 1, 1], 1), ((None, "a"), "a"), ("abc", "b"), ([[]], [])]
