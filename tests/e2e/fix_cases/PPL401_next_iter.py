# fix: PPL401 unsafe
def run(xs):
    return list(xs)[0], [x * 2 for x in xs if x][0]


SAMPLES = [([3, 1, 2],), ((5,),), ("ab",), ({"k": 1, "j": 2},)]
# Empty: IndexError becomes StopIteration; a later element that raises is no longer computed.
UNSAFE = [([],), ([1, {1: 2}],)]
