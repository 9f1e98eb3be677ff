"""End-to-end tests of the output formats: json-lines, grouped, pylint, github, gitlab, junit, sarif
(validated against the SARIF 2.1.0 schema), --output-file, --statistics, and hostile file names."""

import json
import os
import re
import subprocess
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from helpers import BINARY, CLEAN_ENV, FIXTURES, SARIF_SCHEMA, SOURCE_DIR, TempTree, run, validate_against_schema

FINDING = 'K = "x"\nif K in ("a", "b", "c"):\n    pass\n'
FINDING_IN_LOOP = 'for k in range(3):\n    if k in (1, 2, 3, 4, 5):\n        pass\n'


def sarif_results(document):
    return document["runs"][0]["results"]


class Formats(TempTree):
    def output(self, fmt, *args, cwd=None):
        r = run(*args, "--output-format", fmt, "--select", "PPL102", cwd=cwd or self.dir)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return r.stdout

    def test_json_lines_holds_the_json_objects(self):
        self.write("a.py", FINDING)
        self.write("b.py", FINDING + FINDING_IN_LOOP)
        lines = self.output("json-lines", ".").splitlines()
        self.assertEqual([json.loads(line) for line in lines], json.loads(self.output("json", ".")))
        self.assertEqual(len(lines), 3)

    def test_grouped(self):
        self.write("a.py", FINDING)
        self.write("b.py", "\n" * 9 + FINDING_IN_LOOP + FINDING)
        out = self.output("grouped", ".")
        self.assertEqual(out.split("\n\n")[0].splitlines()[0], "a.py:")
        self.assertIn("\nb.py:\n  11:8 PPL102 ", out)
        self.assertIn("\n  14:4 PPL102 ", out)  # rows and columns aligned within a file
        self.assertIn("Found 3 findings in 2 files checked.", out)

    def test_pylint(self):
        self.write("a.py", FINDING)
        self.assertRegex(self.output("pylint", "a.py"), r"^a\.py:2: \[PPL102\(literal-list-membership\), \] `in` scans")

    def test_github(self):
        self.write("a.py", FINDING)
        self.write("b.py", FINDING_IN_LOOP)
        lines = self.output("github", ".").splitlines()
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[0].startswith(
            "::notice title=pyperf-lint (PPL102),file=a.py,line=2,col=4,endLine=2,endColumn=24::a.py:2:4: PPL102 "),
            lines[0])
        self.assertTrue(lines[1].startswith("::warning title=pyperf-lint (PPL102),file=b.py,line=2,col=8,"), lines[1])

    def test_gitlab(self):
        self.write("a.py", FINDING + FINDING)
        data = json.loads(self.output("gitlab", "."))
        self.assertEqual(len(data), 2)
        for issue in data:
            self.assertEqual(issue["check_name"], "PPL102")
            self.assertEqual(issue["location"]["path"], "a.py")
            self.assertIn(issue["severity"], ("info", "minor", "major", "critical", "blocker"))
            self.assertTrue(issue["description"].startswith("PPL102 "))
        self.assertEqual([i["location"]["lines"]["begin"] for i in data], [2, 5])
        self.assertEqual(len({i["fingerprint"] for i in data}), 2)
        # CI_PROJECT_DIR anchors the paths, as GitLab expects.
        r = run(self.dir / "a.py", "--output-format", "gitlab", cwd="/",
                env=dict(CLEAN_ENV, CI_PROJECT_DIR=str(self.dir)))
        self.assertEqual(json.loads(r.stdout)[0]["location"]["path"], "a.py")

    def test_junit(self):
        self.write("a.py", FINDING + FINDING)
        self.write("clean.py", "x = 1\n")
        root = ET.fromstring(self.output("junit", "."))
        self.assertEqual(root.tag, "testsuites")
        self.assertEqual((root.get("tests"), root.get("failures"), root.get("errors")), ("3", "2", "0"))
        suites = {s.get("name"): s for s in root.findall("testsuite")}
        self.assertEqual(sorted(suites), ["a.py", "clean.py"])
        failures = suites["a.py"].findall("testcase/failure")
        self.assertEqual(len(failures), 2)
        self.assertIn("a.py:2:4: PPL102", failures[0].text)
        clean = suites["clean.py"].findall("testcase")
        self.assertEqual(len(clean), 1)
        self.assertEqual(list(clean[0]), [])  # a passing test case

    def test_junit_reports_unreadable_files_as_errors(self):
        self.write("bad.py", b"x = '\xff'\n")
        r = run(".", "--output-format", "junit", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        root = ET.fromstring(r.stdout)
        self.assertEqual(root.get("errors"), "1")
        self.assertIn("invalid UTF-8", root.find("testsuite/testcase/error").get("message"))

    def test_output_file(self):
        self.write("a.py", FINDING)
        r = run(".", "--output-format", "sarif", "--output-file", "out/../report.sarif", cwd=self.dir)
        self.assertEqual(r.returncode, 2)  # the directory `out` does not exist
        self.assertIn("cannot write", r.stderr)
        r = run(".", "--output-format", "sarif", "-o", "report.sarif", cwd=self.dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(len(sarif_results(json.loads((self.dir / "report.sarif").read_text()))), 1)
        r = run(".", "--output-file", "report.txt", cwd=self.dir)
        self.assertEqual(r.stdout, "")
        text = (self.dir / "report.txt").read_text()
        self.assertIn("a.py:2:4: PPL102", text)
        self.assertIn("Found 1 finding", text)
        self.assertNotIn("\x1b[", text)

    def test_output_file_that_is_an_input_is_refused_before_anything_is_written(self):
        source = self.write("pkg/mod.py", FINDING)
        os.symlink(source, self.dir / "alias.txt")
        for output, args in (("pkg/mod.py", ["pkg/mod.py"]),            # the same name
                             ("./pkg/../pkg/mod.py", ["pkg"]),          # another spelling, found by the walk
                             ("alias.txt", ["pkg/mod.py"]),             # a link to it: same device and inode
                             (str(source), ["pkg/mod.py"])):            # absolute against relative
            with self.subTest(output=output):
                r = run(*args, "-o", output, cwd=self.dir)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertIn(f"--output-file {output}: refusing to overwrite pkg/mod.py, one of the files to lint",
                              r.stderr)
                self.assertEqual(source.read_text(), FINDING)
        # Standard input linted as a file that does not exist yet: that name is an input too.
        r = run("-", "--stdin-filename", "new.py", "-o", "new.py", stdin=FINDING, cwd=self.dir)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertFalse((self.dir / "new.py").exists())

    def test_empty_output_file_name_is_an_error_not_stdout(self):
        self.write("a.py", FINDING)
        r = run("a.py", "-o", "", cwd=self.dir)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertIn("--output-file: the file name is empty", r.stderr)

    def test_statistics(self):
        self.write("a.py", FINDING * 3 + "flat = sum([[1], [2]], [])\n")
        self.write("b.py", "flat = sum([[1], [2]], [])\n" * 3 + "y = any([v for v in [1]])\n")
        r = run(".", "--statistics", "--select", "PPL102,PPL305,PPL404", cwd=self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.splitlines(), [
            "4  PPL305  quadratic-list-sum",
            "3  PPL102  literal-list-membership",
            "1  PPL404  comprehension-in-any-all",
        ])
        r = run(".", "--statistics", "--select", "PPL102,PPL305,PPL404", "--output-format", "json", cwd=self.dir)
        self.assertEqual(json.loads(r.stdout)[0], {"code": "PPL305", "name": "quadratic-list-sum", "count": 4})


class Sarif(TempTree):
    def sarif(self, *args, cwd=None):
        r = run(*args, "--output-format", "sarif", cwd=cwd or self.dir)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        path = self.dir / f"out-{len(list(self.dir.glob('out-*')))}.sarif"
        path.write_text(r.stdout, encoding="utf-8")
        validate_against_schema(self, SARIF_SCHEMA, path)
        return json.loads(r.stdout)

    def test_demo_validates_and_carries_what_code_scanning_needs(self):
        doc = self.sarif("fixtures/demo", cwd=SOURCE_DIR)
        self.assertEqual(doc["version"], "2.1.0")
        self.assertEqual(doc["$schema"], "https://json.schemastore.org/sarif-2.1.0.json")
        run_ = doc["runs"][0]
        driver = run_["tool"]["driver"]
        self.assertEqual(driver["name"], "pyperf-lint")
        self.assertRegex(driver["version"], r"^\d+\.\d+\.\d+$")
        self.assertEqual(run_["columnKind"], "unicodeCodePoints")
        root = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        self.assertEqual(root, SOURCE_DIR.resolve().as_uri() + "/")
        results = run_["results"]
        self.assertGreaterEqual(len({r["ruleId"] for r in results}), 4)
        self.assertEqual([r["id"] for r in driver["rules"]], sorted({r["ruleId"] for r in results}))
        docs = {d["code"]: d for d in json.loads(run("rule", "--all", "--output-format", "json").stdout)}
        for rule in driver["rules"]:
            meta = docs[rule["id"]]
            self.assertEqual(rule["name"], meta["name"])
            self.assertEqual(rule["shortDescription"]["text"], meta["summary"])
            self.assertTrue(rule["fullDescription"]["text"])
            self.assertIn(rule["fullDescription"]["text"], meta["explanation"])
            self.assertEqual(rule["help"]["markdown"], meta["explanation"])
            self.assertEqual(rule["helpUri"], meta["url"])
            self.assertEqual(rule["defaultConfiguration"]["level"],
                             {"info": "note", "warning": "warning", "error": "error"}[meta["severity"]])
        for result in results:
            self.assertEqual(driver["rules"][result["ruleIndex"]]["id"], result["ruleId"])
            self.assertIn(result["level"], ("note", "warning", "error"))
            self.assertTrue(result["message"]["text"])
            location = result["locations"][0]["physicalLocation"]
            self.assertEqual(location["artifactLocation"]["uriBaseId"], "%SRCROOT%")
            self.assertTrue(location["artifactLocation"]["uri"].startswith("fixtures/demo/"))
            self.assertTrue((SOURCE_DIR / location["artifactLocation"]["uri"]).is_file())
            region = location["region"]
            self.assertGreaterEqual(region["startLine"], 1)
            self.assertGreaterEqual(region["startColumn"], 1)
            self.assertRegex(result["partialFingerprints"]["primaryLocationLineHash"], r"^[0-9a-f]{16}:\d+$")
        self.assertTrue(run_["invocations"][0]["executionSuccessful"])

    def test_parse_error_regions_are_never_empty(self):
        # A MISSING `)`: tree-sitter's node is zero-width; the region covers the `:` where it is due.
        self.write("broken.py", "def f(:\n    pass\n")
        results = sarif_results(self.sarif("broken.py"))
        self.assertEqual([r["ruleId"] for r in results], ["PPL001"])
        region = results[0]["locations"][0]["physicalLocation"]["region"]
        self.assertEqual(region, {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 8})

    def test_rules_carry_precision_and_problem_severity(self):
        self.write("mixed.py", "def f(:\n    pass\n\n" + FINDING + "for x in range(3):\n    s = sorted([x])\n")
        rules = {r["id"]: r["properties"] for r in self.sarif(".", "--select", "PPL102,PPL303,PPL402")["runs"][0]
                 ["tool"]["driver"]["rules"]}
        docs = {d["code"]: d for d in json.loads(run("rule", "--all", "--output-format", "json").stdout)}
        self.assertIn("PPL001", rules)
        self.assertGreaterEqual(len(rules), 2)
        for code, properties in rules.items():
            with self.subTest(code=code):
                self.assertEqual(properties["precision"], "very-high" if docs[code]["tier"] == "tool" else "high")
                self.assertEqual(properties["problem.severity"],
                                 {"info": "recommendation", "warning": "warning", "error": "error"}[
                                     docs[code]["severity"]])

    def test_columns_count_code_points_and_end_is_exclusive(self):
        self.write("u.py", 'K = "x"\nif K in ("é", "漢", "c"):\n    pass\n')
        region = sarif_results(self.sarif("u.py", "--select", "PPL102"))[0]["locations"][0]["physicalLocation"]["region"]
        self.assertEqual(region, {"startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 24})

    def fingerprints(self, text):
        self.write("mod.py", text)
        results = sarif_results(self.sarif("mod.py", "--select", "PPL102"))
        gitlab = json.loads(run("mod.py", "--output-format", "gitlab", "--select", "PPL102", cwd=self.dir).stdout)
        return ([r["partialFingerprints"]["primaryLocationLineHash"] for r in results],
                [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results],
                [i["fingerprint"] for i in gitlab])

    def test_fingerprints_survive_unrelated_edits(self):
        body = FINDING + FINDING_IN_LOOP + FINDING
        prints, lines, gitlab = self.fingerprints(body)
        self.assertEqual(len(set(prints)), 3)  # the repeated line still has its own fingerprint
        moved, moved_lines, moved_gitlab = self.fingerprints('"""Docs."""\nimport os\n\n\n' + body + "\nx = 1\n")
        self.assertEqual(moved, prints)
        self.assertEqual(moved_gitlab, gitlab)
        self.assertEqual(moved_lines, [line + 4 for line in lines])
        # Re-indenting the flagged line keeps it; changing it does not.
        same, _, _ = self.fingerprints(body.replace("if K in", "if  K in", 1))
        self.assertEqual(same, prints)
        head, tail = body.rsplit('"b"', 1)
        changed, _, _ = self.fingerprints(head + '"bb"' + tail)
        self.assertEqual(changed[:2], prints[:2])
        self.assertNotEqual(changed[2], prints[2])

    def test_unreadable_file_is_a_notification(self):
        self.write("bad.py", b"\x00")
        self.write("good.py", FINDING)
        r = run(".", "--output-format", "sarif", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        invocation = json.loads(r.stdout)["runs"][0]["invocations"][0]
        self.assertFalse(invocation["executionSuccessful"])
        self.assertIn("NUL", invocation["toolExecutionNotifications"][0]["message"]["text"])


# Names that break naive reporters: quotes, separators, newlines, control characters, markup,
# percent signs, non-ASCII, and bytes that are not UTF-8.
HOSTILE = [
    'quote"d.py', "apos'd.py", "new\nline.py", "carriage\rreturn.py", "tab\tname.py", "comma,colon:pct%2C.py",
    "amp&lt;<gt>.py", "café 漢字.py", "esc\x1b[31mred.py", "bell\x07.py", "del\x7f.py", "c1\u009bcsi.py",
    os.fsdecode(b"bad\xff.py"), os.fsdecode(b"bad\xfe.py"), "back\\slash\\xff.py",
]


def printable(name):
    """What the text formats show for a name (report::printable)."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8
            out.append("\\x%02x" % (code - 0xDC00))
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append("\\x%02x" % code)
        elif 0x80 <= code < 0xA0:
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    return "".join(out)


def xml_visible(name):
    """What junit carries for a name: XML 1.0 cannot hold these characters even as references."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append("\\x%02x" % (code - 0xDC00))
        elif code < 0x20 and ch not in "\t\n\r":
            out.append("\\x%02x" % code)
        else:
            out.append(ch)
    return "".join(out)


def lossless(name):
    """The name as the JSON formats carry it (report::lossless_name): bytes that are not UTF-8, and
    backslashes, as \\xNN."""
    return re.sub(r"\\|[\udc80-\udcff]", lambda m: "\\x%02x" % (ord(m.group(0)) & 0xFF), name)


def from_lossless(name):
    """The bytes of a name in the JSON formats, as a consumer decodes them (the README's recipe)."""
    return re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name.encode("utf-8"))


def github_unescape(value):
    raw = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: raw[m.group(0)], value)


class HostileNames(TempTree):
    def setUp(self):
        super().setUp()
        for name in HOSTILE:
            self.write(name, FINDING)

    def output(self, fmt):
        # Bytes, decoded strictly: every format must produce valid UTF-8 whatever the names.
        r = subprocess.run([BINARY, ".", "--output-format", fmt, "--select", "PPL102"], cwd=self.dir, env=CLEAN_ENV, capture_output=True,
                           timeout=120)
        self.assertEqual(r.returncode, 1, r.stderr)
        return r.stdout.decode("utf-8")

    def test_text_formats_keep_one_finding_per_line(self):
        for fmt, marker in (("concise", ": PPL102 "), ("full", ": PPL102 "), ("grouped", " PPL102 "),
                            ("pylint", ": [PPL102(")):
            with self.subTest(fmt=fmt):
                out = self.output(fmt)
                self.assertNotIn("\x1b", out)
                self.assertNotIn("\r", out)
                self.assertNotIn("\x9b", out)
                lines = out.split("\n")
                self.assertEqual(sum(marker in line for line in lines), len(HOSTILE))
                for name in HOSTILE:
                    self.assertIn(printable(name), out)

    def test_json_and_json_lines(self):
        expected = sorted(lossless(str(self.dir / name)) for name in HOSTILE)
        names = [d["filename"] for d in json.loads(self.output("json"))]
        self.assertEqual(sorted(names), expected)
        lines = self.output("json-lines").split("\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual(sorted(json.loads(line)["filename"] for line in lines[:-1]), expected)
        # Lossless: every name decodes back to its bytes, and no two files share a name.
        self.assertEqual(sorted(from_lossless(n) for n in names), sorted(os.fsencode(self.dir / n) for n in HOSTILE))

    def test_sarif_uris_round_trip_and_validate(self):
        out = self.output("sarif")
        path = self.dir / "report.sarif"
        path.write_text(out, encoding="utf-8")
        validate_against_schema(self, SARIF_SCHEMA, path)
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif_results(json.loads(out))]
        for uri in uris:
            self.assertRegex(uri, r"^[A-Za-z0-9\-._~/%]+$")
        self.assertEqual(sorted(urllib.parse.unquote_to_bytes(u) for u in uris),
                         sorted(os.fsencode(name) for name in HOSTILE))

    def test_github_commands_escape_properties_and_data(self):
        lines = self.output("github").split("\n")
        self.assertEqual(lines[-1], "")
        command = re.compile(r"^::notice title=([^,:]*),file=([^,:]*),line=2,col=4,endLine=2,endColumn=24::(.*)$")
        files = []
        for line in lines[:-1]:
            m = command.match(line)
            self.assertIsNotNone(m, line)
            self.assertEqual(github_unescape(m.group(1)), "pyperf-lint (PPL102)")
            files.append(github_unescape(m.group(2)))
            self.assertTrue(github_unescape(m.group(3)).startswith(files[-1] + ":2:4: PPL102 "))
            # Nothing that drives a terminal or a log viewer reaches the job log.
            self.assertIsNone(re.search(r"[\x00-\x1f\x7f-\x9f]", line), repr(line))
        expected = [printable(name.replace("\r", "").replace("\n", "")) for name in HOSTILE]
        self.assertEqual(sorted(f.replace("\r", "").replace("\n", "") for f in files), sorted(expected))

    def test_gitlab_paths(self):
        data = json.loads(self.output("gitlab"))
        self.assertEqual(sorted(i["location"]["path"] for i in data), sorted(lossless(name) for name in HOSTILE))
        self.assertEqual(len({i["fingerprint"] for i in data}), len(HOSTILE))

    def test_junit_is_well_formed(self):
        root = ET.fromstring(self.output("junit"))
        self.assertEqual(sorted(s.get("name") for s in root.findall("testsuite")),
                         sorted(xml_visible(name) for name in HOSTILE))
        for failure in root.iter("failure"):
            self.assertTrue(failure.get("message"))


if __name__ == "__main__":
    unittest.main()
