items = [1, 2, 3]
for x in range(9):
    if x in items:
        pass
