# fix: PPL303 unsafe
def run(pieces):
    data = b"<"
    try:
        for p in pieces:
            data += bytes(1 // p)
    except ZeroDivisionError:
        pass
    return data


SAMPLES = [((),), ([1, 1],), ([2, -1],)]
UNSAFE = [([1, 0],), ([1, 1, 0],)]
