# fix: PPL101 safe
_KEYWORDS = ["if", "else", "for", "while", "def", "if"]


def is_keyword(token: str) -> bool:
    return token in _KEYWORDS


def run(tokens):
    return [is_keyword(t) for t in tokens]


SAMPLES = [([],), (["if", "x", "", "def", "IF"],)]
