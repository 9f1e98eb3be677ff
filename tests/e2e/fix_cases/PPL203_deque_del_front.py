# fix: PPL203 safe
def run(items):
    pending = [x for x in items]
    out = []
    while pending:
        out.append(pending[0])
        del pending[0]
    return out, len(pending), sorted(pending)


SAMPLES = [((),), ([1, 2, 3],), ([3, 3, 3],), ("xyz",), ([[], {}],)]
