# fix: PPL403 safe
def run(point, text):
    point = tuple(point)
    out = []
    for coord in list(point):
        out.append(coord)
    for ch in list("abc"):
        out.append(ch + text)
    for i in list(range(3)):
        out.append(i)
    return out


SAMPLES = [((), ""), ((1, 2), "x"), ((None, "a", 1.5), "yz")]
