# fix: PPL303 safe
def run(rows, sep: bytes):
    out = b""
    for row in rows:
        for cell in row:
            out += bytes(cell)
        out += sep
    head = sep
    for row in rows:
        head = head + bytes(len(row))
    else:
        print("done")
    return out, head


SAMPLES = [((), b","), ([[]], b""), ([[b"a", b"b"], [b"c"]], b";"), ([[b"a", b"a"], []], b"\xff"), ([[[1, 2]]], b"\n")]
