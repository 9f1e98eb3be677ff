"""PPL303 bytes-concat-in-loop: `data += chunk` on bytes in a loop -> a `bytearray`.

The pair follows the catalog (RULES.md) and rules/build/bytes_concat_in_loop.cpp: `+=` on `bytes` inside a loop, which
always copies (bytes has no in-place path): quadratic. The catalog's first advice, measured as
`bytearray`: accumulate into a `bytearray` (amortised O(1) appends) and convert once with `bytes()`.

Variant `bytes-join` (the second advice): collect the chunks in a list, `b"".join(parts)` once.
Measured and reported, not gated: `bytearray` is the catalog's first recommendation.

n is the number of 16-byte chunks.

FIRES_FROM = 10, the smallest size measured: the rule has no size condition.
"""

CODE = "PPL303"
NAME = "bytes-concat-in-loop"
VARIANT = "bytearray"
N = "number of 16-byte chunks"
BEFORE = 'data = b""; for chunk in chunks: data += chunk'
AFTER = "buf = bytearray(); for chunk in chunks: buf += chunk; data = bytes(buf)"
SIZES = (10, 100, 1000, 10000)
FIRES_FROM = 10
_SMALL = (
    "n = 10: creating the bytearray and the final bytes() copy cost more than ten small "
    "copies; wins from n = 100 (the bytes form is quadratic)"
)
SLOWER_ON = {
    ("3.9", 10): _SMALL,
    ("3.10", 10): _SMALL,
    ("3.11", 10): _SMALL,
    ("3.12", 10): _SMALL,
    ("3.13", 10): _SMALL,
}


def setup(n):
    return [(b"%015d\n" % i) for i in range(n)]


def before(chunks):
    data = b""
    for chunk in chunks:
        data += chunk
    return data


def after(chunks):
    buf = bytearray()
    for chunk in chunks:
        buf += chunk
    data = bytes(buf)
    return data


def _after_join(chunks):
    parts = []
    for chunk in chunks:
        parts.append(chunk)
    return b"".join(parts)


VARIANTS = {
    "bytes-join": {
        "after": _after_join,
        "after_text": 'parts = []; for chunk in chunks: parts.append(chunk); data = b"".join(parts)',
        "alternative": "second advice (the catalog offers bytearray first)",
    },
}
