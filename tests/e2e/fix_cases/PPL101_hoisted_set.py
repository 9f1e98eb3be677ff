# fix: PPL101 safe
def run(pages: int, words: list[str], vocabulary: list[str]) -> int:
    n = 0
    for _ in range(pages):
        for word in words:
            if word not in vocabulary:
                n += 1
    return n


SAMPLES = [
    (0, ["a"], ["a"]),
    (2, [], ["a"]),
    (3, ["a", "b", "a", ""], ["a", "a", ""]),
    (1, ["x"], []),
]
