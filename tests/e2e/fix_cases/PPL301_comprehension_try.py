# fix: PPL301 unsafe
def run(values):
    result = None
    try:
        result = []
        for v in values:
            result.append(10 // v)
    except ZeroDivisionError:
        pass
    return result


SAMPLES = [((),), ([1, 2],), ([5, 5],)]
UNSAFE = [([1, 0],), ([1, 1, 0],)]
