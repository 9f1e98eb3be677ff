# fix: PPL202 safe
def run(items):
    stack = []
    for x in items:
        stack.insert(0, x)
        if x == 0:
            stack.insert(1, -1)
    out = list(stack)
    if stack:
        out.append((stack[0], stack[-1]))
    return out, stack.count(0), len(stack), 0 in stack


SAMPLES = [((),), ([1, 2, 3],), ([0, 0, 1],), ("ab",), ([None, None],)]
