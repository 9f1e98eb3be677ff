a = []
for i in range(3):
	a.insert(0, i)b = a.pop(0)
