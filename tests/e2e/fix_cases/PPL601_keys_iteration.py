# fix: PPL601 safe
def run(prefix):
    codes = {"b": 1, "a": 2, 3: "c"}
    out = []
    for name in codes.keys():
        out.append(prefix + str(name))
    return out, [k for k in {"x": 1, "y": 2}.keys()]


SAMPLES = [("",), ("p-",), (1,)]
