"""The layering check finds an include against the flow and accepts the allowed directions."""

import pathlib
import subprocess
import sys
import tempfile
import unittest

CHECK = pathlib.Path(__file__).with_name("check_layers.py")


def tree(files):
    root = pathlib.Path(tempfile.mkdtemp())
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def run(root):
    return subprocess.run([sys.executable, str(CHECK), str(root)], capture_output=True, text=True)


class LayeringCheck(unittest.TestCase):
    def test_downward_includes_pass(self):
        root = tree({
            "src/app/a.cpp": '#include "report/r.hpp"\n#include "syntax/t.hpp"\n',
            "src/report/r.hpp": '#include "lint/l.hpp"\n',
            "src/lint/l.hpp": '#include "semantic/m.hpp"\n#include "cost/c.hpp"\n',
            "rules/x/y.cpp": '#include "lint/l.hpp"\n',
        })
        result = run(root)
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_upward_include_fails(self):
        root = tree({
            "src/report/r.hpp": '#include "app/runner.hpp"\n',
            "src/semantic/m.cpp": '#include "lint/context.hpp"\n',
            "src/cost/c.cpp": '#include "syntax/tree.hpp"\n',
            "rules/x/y.cpp": '#include "report/reporter.hpp"\n',
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        for needle in ("src/report/r.hpp: includes app/runner.hpp", "src/semantic/m.cpp: includes lint/context.hpp",
                       "src/cost/c.cpp: includes syntax/tree.hpp", "rules/x/y.cpp: includes report/reporter.hpp"):
            self.assertIn(needle, result.stdout)


if __name__ == "__main__":
    unittest.main()
