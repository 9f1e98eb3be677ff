# fix: PPL403 unsafe
def run(n):
    items = [1, 2, 3]
    out = []
    for p in list(items):
        out.append(p)
        if len(out) < n:
            eval("items.append(p)")  # code the model cannot see changes the list
    return out


SAMPLES = [(0,), (1,)]
# The copy protected the loop from the appends; iterating the list itself sees them.
UNSAFE = [(5,), (3,)]
