# fix: PPL501 safe
def run(days):
    out = []
    for d in range(days):
        names = ["mon", "tue", "wed", "thu", "fri"]
        only = [0]
        out.append((names[d % 5], len(names), names.index("wed"), only[0], sorted(names)[0]))
        out.append((",".join(names), list(enumerate(only)), max(names), names.count("x")))
        for n in names:
            out.append(n)
    return out


SAMPLES = [(0,), (1,), (7,)]
