# fix: PPL102 unsafe
def run(ext):
    return ext in (".py", ".pyi", ".pyx")


SAMPLES = [(".py",), (".c",), ("",), (1,), (None,)]
# An unhashable operand: the tuple scan answers False, the set raises TypeError.
UNSAFE = [([".py"],), ({},)]
