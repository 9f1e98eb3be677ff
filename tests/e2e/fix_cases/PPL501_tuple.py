# fix: PPL501 safe
def run(days):
    out = []
    for d in range(days):
        names = ["mon", "tue", "wed", "thu", "fri"]
        only = [0]
        first, *rest = names
        out.append((names[d % 5], len(names), names.index("wed"), only[0], sorted(names)[0], first, rest,
                    ",".join(names), list(enumerate(only)), bool(only)))
    return out


SAMPLES = [(0,), (1,), (7,)]
