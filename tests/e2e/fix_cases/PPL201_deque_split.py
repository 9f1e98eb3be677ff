# fix: PPL201 safe
def run(text: str):
    lines = text.split("\n")
    out = []
    while len(lines) > 0:
        line = lines.pop(0)
        if line:
            out.append(line)
        elif lines and lines[0] == "":
            lines.pop(0)
    return out, len(lines), list(lines)


SAMPLES = [("",), ("\n",), ("a\nb",), ("a\n\n\nb\n",), ("x\n\n",), ("é\r\nz",)]
