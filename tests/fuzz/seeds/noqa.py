L = [1]
for i in range(3):
    L.pop(0)  # noqa
    L.insert(0, i)  # noqa: PPL202, XYZ999
    L.remove(i)  # noqa PPL205
    s = (1 in
         L)  # noqa:PPL101
