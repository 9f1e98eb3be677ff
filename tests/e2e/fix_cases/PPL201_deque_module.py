# fix: PPL201 unsafe
jobs = [3, 1, 2]
done = []
while jobs:
    done.append(jobs.pop(0))
jobs.append(len(done))


def run(importer):
    if importer:
        # What another module gets from `from case import jobs`: it may expect a list.
        return type(globals()["jobs"]).__name__
    return done


SAMPLES = [(False,)]
UNSAFE = [(True,)]
