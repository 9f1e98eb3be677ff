# fix: PPL303 safe
def run(chunks, header: bytes):
    data = b""
    for chunk in chunks:
        data += bytes(chunk)
    out = header
    for chunk in chunks:
        out = out + bytes(chunk)
    return data, out


SAMPLES = [((), b""), ([b"a", b"b"], b"h"), ([b"", b""], b"x"), ([[1, 2], [255]], b"\x00"), ([b"a"] * 3, b"")]
