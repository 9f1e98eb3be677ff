"""End-to-end tests of `# noqa` suppression and the opt-in unused-noqa check (PPL002)."""

import json
import unittest

from helpers import TempTree, run

FINDING_LINE = 'r = K in ("a", "b", "c")'


def codes_by_line(result):
    return sorted((d["code"], d["location"]["row"]) for d in json.loads(result.stdout))


class Noqa(TempTree):
    def lint(self, text, *args):
        path = self.write("mod.py", text)
        r = run(path, "--output-format", "json", "--select", "PPL102,PPL305", *args)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return codes_by_line(r)

    def test_line_directives(self):
        source = "\n".join([
            'K = "x"',
            FINDING_LINE + "  # noqa",
            FINDING_LINE + "  # noqa: PPL102",
            FINDING_LINE + "  # noqa:PPL102,E501",
            FINDING_LINE + "  # NOQA: literal-list-membership",
            FINDING_LINE + "  # noqa: PPL305",
            FINDING_LINE + "  # noqa: E501",
            FINDING_LINE + '  # type: ignore  # noqa: PPL102',
            'r = K in ("a", "# noqa", "c")',
            "",
        ])
        self.assertEqual(self.lint(source), [("PPL102", 6), ("PPL102", 7), ("PPL102", 9)])

    def test_file_directives(self):
        body = 'K = "x"\n' + FINDING_LINE + "\nflat = sum([[1], [2]], [])\n"
        self.assertEqual(self.lint("# pyperf-lint: noqa\n" + body), [])
        self.assertEqual(self.lint(body + "# pyperf-lint: noqa: PPL305\n"), [("PPL102", 2)])
        self.assertEqual(self.lint("# pyperf-lint: noqa: literal-list-membership, PPL305\n" + body), [])
        # Only as an own-line comment; other tools' file directives are theirs.
        self.assertEqual(self.lint('x = 1  # pyperf-lint: noqa\n# ruff: noqa\n# flake8: noqa\n' + body),
                         [("PPL102", 5), ("PPL305", 6)])


class LineEndingsAndMalformedDirectives(TempTree):
    def run_json(self, data):
        path = self.write("mod.py", data)
        r = run(path, "--output-format", "json", "--select", "PPL102,PPL305")
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return codes_by_line(r), r

    def test_crlf_lines(self):
        body = 'K = "x"\r\n' + FINDING_LINE + "  # noqa\r\n" + FINDING_LINE + "  # noqa: PPL102\r\n" + FINDING_LINE + "\r\n"
        self.assertEqual(self.run_json(body.encode())[0], [("PPL102", 4)])
        whole = "# pyperf-lint: noqa\r\n" + 'K = "x"\r\n' + FINDING_LINE + "\r\n"
        self.assertEqual(self.run_json(whole.encode())[0], [])
        codes = "# pyperf-lint: noqa: PPL102\r\n" + 'K = "x"\r\n' + FINDING_LINE + "\r\nflat = sum([[1], [2]], [])\r\n"
        self.assertEqual(self.run_json(codes.encode())[0], [("PPL305", 4)])

    def test_codes_without_colon_are_blanket_and_warned_about(self):
        source = 'K = "x"\n' + FINDING_LINE + "  # noqa PPL305\n" + FINDING_LINE + "  # noqa because it is fine\n"
        found, r = self.run_json(source)
        self.assertEqual(found, [])  # blanket, as in ruff
        self.assertEqual(r.returncode, 0)  # a warning does not change the exit code
        self.assertEqual(r.stderr.splitlines(), [
            f"pyperf-lint: warning: {self.dir / 'mod.py'}:2: `# noqa PPL305` has no colon: it is read as a blanket "
            "`# noqa` and silences every rule on its line; write `# noqa: PPL305` for that rule only"])
        found, r = self.run_json("# pyperf-lint: noqa PPL305\n" + 'K = "x"\n' + FINDING_LINE + "\n")
        self.assertEqual(found, [])
        self.assertIn(":1: `# pyperf-lint: noqa PPL305` has no colon", r.stderr)
        self.assertIn("every rule in the whole file", r.stderr)


class UnusedNoqa(TempTree):
    SOURCE = 'x = 1  # noqa: PPL102\ny = 2  # noqa: E501\nz = 3  # noqa\n'

    def codes(self, *args, config=None):
        if config is not None:
            self.write("pyperf-lint.toml", config)
        self.write("mod.py", self.SOURCE)
        r = run("mod.py", "--output-format", "json", *args, cwd=self.dir)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return [(d["code"], d["location"]["row"], d["message"]) for d in json.loads(r.stdout) if d["code"] == "PPL002"]

    def test_off_by_default(self):
        self.assertEqual(self.codes(), [])

    def test_on_with_preview_by_selection_or_config(self):
        expected = [("PPL002", 1, "unused `noqa` directive (unused: `PPL102`)"),
                    ("PPL002", 3, "unused blanket `noqa` directive: it suppresses nothing")]
        self.assertEqual(self.codes("--preview"), expected)
        self.assertEqual(self.codes("--extend-select", "PPL002"), expected)
        self.assertEqual(self.codes("--extend-select", "unused-noqa"), expected)
        self.assertEqual(self.codes(config='extend-select = ["PPL002"]\n'), expected)

    def test_reports_rules_that_did_not_run(self):
        found = self.codes("--select", "PPL305,PPL002")
        self.assertEqual(found[0][2], "unused `noqa` directive (non-enabled: `PPL102`)")

    def test_column_points_at_the_directive(self):
        self.write("mod.py", self.SOURCE)
        r = run("mod.py", "--output-format", "concise", "--select", "PPL002", cwd=self.dir)
        self.assertIn("mod.py:1:8: PPL002", r.stdout)


if __name__ == "__main__":
    unittest.main()
