# fix: PPL303 unsafe
class Tail:
    def __radd__(self, other):
        return other + b"!"


def run(pieces):
    data = b""
    for p in pieces:
        data += p
    return data


SAMPLES = [((),), ([b"a", b"b"],), ([b"", bytearray(b"x")],)]
UNSAFE = [([Tail()],), ([b"a", Tail()],)]
