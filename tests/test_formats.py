"""Other formats of the report (docs/formats.md): Gradescope, JUnit XML, the Markdown
summary, GitHub Classroom, and the Gradescope autograder zip. One grading run of
solutions/ and one of exercises/ feed every format test."""
import base64
import copy
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from grader.cli import parse
from grader.formats import gradescope, junit

ROOT = Path(__file__).resolve().parent.parent

# Gradescope's results.json, from https://gradescope-autograders.readthedocs.io/en/latest/specs/
# ("Output format", "Controlling Test Case Visibility", "Test case status",
# "Output String Formatting").
GS_TOP_FIELDS = {"score", "execution_time", "output", "output_format", "test_output_format",
                 "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
                 "leaderboard"}
GS_TEST_FIELDS = {"score", "max_score", "status", "name", "name_format", "number", "output",
                  "output_format", "tags", "visibility", "extra_data"}
GS_VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}
GS_STATUSES = {"passed", "failed"}
# what this project promises on top of the spec (docs/formats.md)
GS_OUR_TOP = {"score", "execution_time", "output", "tests"}
GS_OUR_TEST = {"name", "number", "score", "max_score", "status", "output", "visibility"}

# JUnit XML, from the schema Jenkins' xUnit plugin validates against:
# https://github.com/jenkinsci/xunit-plugin/blob/master/src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd
JUNIT_ATTRS = {
    "testsuites": ({"name", "time", "tests", "failures", "errors"}, set()),
    "testsuite": ({"name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp",
                   "hostname", "id", "package", "file", "log", "url"},
                  {"name", "tests", "failures", "errors"}),
    "testcase": ({"name", "time", "classname", "group"}, {"name"}),
    "failure": ({"type", "message"}, set()), "error": ({"type", "message"}, set()),
    "skipped": ({"type", "message"}, set()),
    "properties": (set(), set()), "property": ({"name", "value"}, {"name", "value"}),
    "system-out": (set(), set()), "system-err": (set(), set()),
}
JUNIT_CHILDREN = {"testsuites": {"testsuite"},
                  "testsuite": {"testsuite", "properties", "testcase", "system-out", "system-err"},
                  "testcase": {"skipped", "error", "failure", "system-out", "system-err"},
                  "properties": {"property"}}


def run_all_formats(submission, out):
    """One grading run writing every format; returns what each produced."""
    out.mkdir()
    github_output = out / "github_output"
    args = [sys.executable, "-m", "grader", str(submission), "--quiet", "--classroom",
            "--json", str(out / "report.json"), "--gradescope", str(out / "results.json"),
            "--junit", str(out / "junit.xml"), "--summary", str(out / "summary.md")]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "GITHUB_OUTPUT": str(github_output)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {"report": json.loads((out / "report.json").read_text()),
            "gradescope": json.loads((out / "results.json").read_text()),
            "junit": ET.parse(out / "junit.xml").getroot(),
            "summary": (out / "summary.md").read_text(),
            "stdout": proc.stdout, "github_output": github_output.read_text()}


@pytest.fixture(scope="module")
def solutions(tmp_path_factory):
    return run_all_formats(ROOT / "solutions", tmp_path_factory.mktemp("fmt") / "solutions")


@pytest.fixture(scope="module")
def exercises(tmp_path_factory):
    return run_all_formats(ROOT / "exercises", tmp_path_factory.mktemp("fmt") / "exercises")


@pytest.fixture(params=["solutions", "exercises"])
def run(request):
    return request.getfixturevalue(request.param)


# ---- Gradescope ----------------------------------------------------------------------

def gradescope_problems(results):
    """Where ``results`` breaks the spec or our promises ([] when it follows both)."""
    problems = [f"top-level field {k} not in the spec" for k in set(results) - GS_TOP_FIELDS]
    problems += [f"top-level field {k} missing" for k in GS_OUR_TOP - set(results)]
    for t in results.get("tests", []):
        problems += [f"{t.get('name')}: field {k} not in the spec" for k in set(t) - GS_TEST_FIELDS]
        problems += [f"{t.get('name')}: field {k} missing" for k in GS_OUR_TEST - set(t)]
        if t.get("status") not in GS_STATUSES or t.get("visibility") not in GS_VISIBILITIES:
            problems.append(f"{t.get('name')}: status or visibility not allowed")
        if not (isinstance(t.get("number"), str) and isinstance(t.get("output"), str)):
            problems.append(f"{t.get('name')}: number and output must be strings")
        if not 0 <= t.get("score", -1) <= t.get("max_score", -1):
            problems.append(f"{t.get('name')}: score outside [0, max_score]")
    if not isinstance(results.get("execution_time"), int):
        problems.append("execution_time must be whole seconds")
    return problems


def assert_scores_add_up(results, report):
    assert results["score"] == report["score"]
    assert sum(t["score"] for t in results["tests"]) == pytest.approx(report["score"], abs=1e-9)
    assert sum(t["max_score"] for t in results["tests"]) == pytest.approx(report["max_score"],
                                                                          abs=1e-9)
    for f in report["functions"]:
        mine = [t for t in results["tests"] if t["name"].startswith(f"{f['module']}.{f['function']} ")]
        assert sum(t["score"] for t in mine) == pytest.approx(f["score"], abs=1e-9), f["function"]


def test_gradescope_results_follow_the_spec(run):
    results = run["gradescope"]
    assert gradescope_problems(results) == []
    assert_scores_add_up(results, run["report"])
    assert len({t["number"] for t in results["tests"]}) == len(results["tests"])


def test_gradescope_status_and_visibility_follow_the_checks(solutions, exercises):
    for t in solutions["gradescope"]["tests"]:
        assert (t["status"], t["score"]) == ("passed", t["max_score"])
    for t in exercises["gradescope"]["tests"]:
        assert (t["status"], t["score"]) == ("failed", 0.0)
        assert "not implemented yet" in t["output"]
    for run in (solutions, exercises):
        hidden = any(c["visibility"] == "hidden" for f in run["report"]["functions"]
                     for c in f["checks"])
        by_visibility = {t["visibility"] for t in run["gradescope"]["tests"]}
        assert ("after_published" in by_visibility) == hidden
        for t in run["gradescope"]["tests"]:
            assert t["visibility"] == ("visible" if "(public checks)" in t["name"]
                                       else "after_published")


def partial(report, fail_every=3, public_every=2):
    """The report as if every third check had failed and every second were public,
    with function scores recomputed as engine/scoring.py does (share of checks that ran)."""
    report = copy.deepcopy(report)
    n = 0
    for f in report["functions"]:
        for c in f["checks"]:
            if c["status"] == "skipped":
                continue
            n += 1
            c["visibility"] = "public" if n % public_every == 0 else "hidden"
            if n % fail_every == 0:
                c.update(status="failed", message="output is wrong")
        ran = [c for c in f["checks"] if c["status"] != "skipped"]
        f["score"] = round(f["max_score"] * sum(c["status"] == "passed" for c in ran) / len(ran), 2)
    report["score"] = round(sum(f["score"] for f in report["functions"]), 2)
    return report


def test_gradescope_splits_partial_scores_between_public_and_hidden(solutions):
    report = partial(solutions["report"])
    assert 0 < report["score"] < report["max_score"]
    results = gradescope.build(report)
    assert gradescope_problems(results) == []
    assert_scores_add_up(results, report)
    visible = [t for t in results["tests"] if t["visibility"] == "visible"]
    assert visible and all("(public checks)" in t["name"] for t in visible)
    for f in report["functions"]:    # every check that ran is worth the same
        ran = [c for c in f["checks"] if c["status"] != "skipped"]
        for t in (t for t in results["tests"] if t["name"].startswith(f"{f['module']}.{f['function']} ")):
            group = [c for c in ran if f"({c['visibility']} checks)" in t["name"]]
            passed = sum(c["status"] == "passed" for c in group)
            assert t["max_score"] == pytest.approx(f["max_score"] * len(group) / len(ran), abs=0.011)
            assert t["score"] == pytest.approx(f["max_score"] * passed / len(ran), abs=0.011)
            assert ("FAILED" in t["output"]) == (passed < len(group))


def test_example_gradescope_results_is_a_valid_real_run():
    example = json.loads((ROOT / "docs" / "examples" / "gradescope-results.json").read_text())
    assert gradescope_problems(example) == []
    assert example["score"] == sum(t["max_score"] for t in example["tests"]) == 100.0
    names = {t["name"].split(" ")[0] for t in example["tests"]}
    from grader import curriculum
    assert names == {f"{m}.{f}" for m, f in curriculum.all_functions()}


# ---- JUnit XML -----------------------------------------------------------------------

def junit_problems(root):
    problems = []
    for el in root.iter():
        allowed, required = JUNIT_ATTRS.get(el.tag, (None, None))
        if allowed is None:
            problems.append(f"element {el.tag} not in the schema")
            continue
        problems += [f"{el.tag}: attribute {a} not in the schema" for a in set(el.attrib) - allowed]
        problems += [f"{el.tag}: attribute {a} missing" for a in required - set(el.attrib)]
        problems += [f"{el.tag} may not hold {c.tag}" for c in el
                     if c.tag not in JUNIT_CHILDREN.get(el.tag, set())]
    return problems


def test_junit_follows_the_schema_and_counts_every_check(run):
    root, report = run["junit"], run["report"]
    assert root.tag == "testsuites" and junit_problems(root) == []
    checks = [(f, c) for f in report["functions"] for c in f["checks"]]
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(dict.fromkeys(f["module"] for f in report["functions"]))
    for el in (root, *suites):
        cases = list(el.iter("testcase"))
        assert int(el.get("tests")) == len(cases)
        for status, child in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            if el.tag == "testsuite" or status != "skipped":   # <testsuites> has no skipped
                assert int(el.get(status)) == sum(case.find(child) is not None for case in cases)
    cases = list(root.iter("testcase"))
    assert [(c.get("classname"), c.get("name")) for c in cases] == \
        [(f"{f['module']}.{f['function']}", c["name"]) for f, c in checks]
    for case, (f, c) in zip(cases, checks):
        child = {"failed": "failure", "error": "error", "skipped": "skipped"}.get(c["status"])
        assert [el.tag for el in case if el.tag != "system-out"] == ([child] if child else [])
        if child:
            assert case.find(child).text == c["message"]


def test_junit_survives_control_characters_the_student_printed(exercises):
    report = copy.deepcopy(exercises["report"])
    check = report["functions"][0]["checks"][0]
    check.update(stdout="\x1b[31mred\x00\n", message="bad \x07 value")
    root = ET.fromstring(junit.render(report).encode())
    case = root.find("testsuite/testcase")
    assert case.find("system-out").text == "\\x1b[31mred\\x00\n"
    assert case.find("error").get("message") == "bad \\x07 value"


# ---- Markdown summary ----------------------------------------------------------------

def table_rows(summary):
    return [line.strip("|").split("|") for line in summary.splitlines()
            if line.startswith("| ex")]


def test_summary_is_a_table_of_every_function_with_the_total(run):
    report, summary = run["report"], run["summary"]
    rows = table_rows(summary)
    assert [(m.strip(), f.strip()) for m, f, *_ in rows] == \
        [(f["module"], f["function"]) for f in report["functions"]]
    for (_, _, pts, status), f in zip(rows, report["functions"]):
        got, top = pts.strip().split("/")
        assert (float(got), float(top)) == (f["score"], f["max_score"])
        assert status.strip() == ("✅ passed" if f["score"] == f["max_score"] else "not implemented")
    total = f"**{report['score']:g}/{report['max_score']:g}**"
    assert re.search(rf"^\| \*\*total\*\* \| \| {re.escape(total)} \| \|$", summary, re.M)


# ---- GitHub Classroom ----------------------------------------------------------------

def test_classroom_prints_points_and_the_reporters_result(run):
    report = run["report"]
    lines = run["stdout"].strip().splitlines()
    assert lines[-2] == f"points {report['score']:g}/{report['max_score']:g}"
    result = json.loads(base64.b64decode(lines[-1], validate=True))
    assert run["github_output"] == f"result={lines[-1]}\n"
    assert set(result) == {"version", "status", "max_score", "tests"} and result["version"] == 1
    assert result["max_score"] == report["max_score"]
    # what the reporter sums (src/notify-classroom.js): the tests' score
    assert sum(t["score"] for t in result["tests"]) == pytest.approx(report["score"], abs=1e-9)
    assert [t["name"] for t in result["tests"]] == \
        [f"{f['module']}.{f['function']}" for f in report["functions"]]
    full = report["score"] == report["max_score"]
    assert result["status"] == ("pass" if full else "fail")
    assert {t["status"] for t in result["tests"]} == ({"pass"} if full else {"fail"})
    assert all(t["line_no"] == 0 and isinstance(t["message"], str) for t in result["tests"])


# ---- CLI -----------------------------------------------------------------------------

def test_an_unwritable_output_is_refused_before_grading(tmp_path):
    for flag in ("--gradescope", "--junit", "--summary", "--json"):
        proc = subprocess.run([sys.executable, "-m", "grader", "solutions", flag,
                               str(tmp_path / "missing" / "out")],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2
        assert proc.stderr.strip().splitlines() == \
            [f"grader: {flag} {tmp_path / 'missing' / 'out'}: no such directory: {tmp_path / 'missing'}"]


def test_format_names_write_each_platforms_file_in_the_current_folder(tmp_path, solutions):
    proc = subprocess.run([sys.executable, "-m", "grader", str(ROOT / "solutions"), "--quiet",
                           "--format", "gradescope", "--format", "junit", "--format", "summary",
                           "--format", "json", "--junit", str(tmp_path / "explicit.xml")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == \
        ["explicit.xml", "report.json", "results.json", "summary.md"]   # --junit FILE wins
    results = json.loads((tmp_path / "results.json").read_text())
    assert gradescope_problems(results) == []
    assert results["score"] == solutions["gradescope"]["score"]
    assert len(results["tests"]) == len(solutions["gradescope"]["tests"])


# ---- GitHub Actions templates ---------------------------------------------------------

@pytest.mark.parametrize("name", ["grade.yml", "classroom.yml"])
def test_workflow_templates_are_well_formed_and_run_real_commands(name):
    text = (ROOT / "templates" / "github" / name).read_text()
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert "\t" not in text
    assert all((len(line) - len(line.lstrip())) % 2 == 0 for line in lines)
    top = {line.split(":")[0] for line in lines if not line[0].isspace()}
    assert top == {"name", "on", "permissions", "jobs"}
    uses = re.findall(r"uses: (\S+)", text)
    assert "actions/checkout@v4" in uses and "actions/setup-python@v5" in uses
    commands = re.findall(r"python -m grader (.+)", text)
    assert commands
    for command in commands:   # every flag the workflow passes exists in the CLI
        args = parse(shlex.split(command))
        assert Path(ROOT / args.submission).is_dir()
    if name == "grade.yml":
        assert "actions/upload-artifact@v4" in uses
        assert 'cat summary.md >> "$GITHUB_STEP_SUMMARY"' in text
        assert any(parse(shlex.split(c)).summary == "summary.md" and parse(shlex.split(c)).json
                   for c in commands)
    else:
        assert "classroom-resources/autograding-grading-reporter@v1" in uses
        runner = re.search(r"runners: (\w+)", text).group(1)
        assert f"{runner.upper()}_RESULTS: \"${{{{ steps.{runner}.outputs.result }}}}\"" in text
        assert any(parse(shlex.split(c)).classroom for c in commands)


# ---- the Gradescope autograder -------------------------------------------------------

@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    """A directory laid out like Gradescope's /autograder, from `make gradescope`'s zip."""
    root = tmp_path_factory.mktemp("autograder")
    zip_path = root / "autograder.zip"
    subprocess.run([sys.executable, "tools/gradescope.py", "--out", str(zip_path), "--seed", "5"],
                   cwd=ROOT, check=True, capture_output=True, timeout=60)
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert {"setup.sh", "run_autograder", "seed.txt", "grader/cli.py"} <= set(names)
        assert not any("__pycache__" in n for n in names)
        modes = {i.filename: i.external_attr >> 16 for i in zf.infolist()}
        assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
        zf.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    setup = (root / "source" / "setup.sh").read_text()
    for requirement in ("torch>=2.1", "numpy", "pytest", "pytest-timeout", "nbformat"):
        assert requirement in setup
    return root


def run_autograder(root, files):
    """Gradescope's harness: a fresh submission/ and results/, then run_autograder."""
    for folder in ("submission", "results"):
        shutil.rmtree(root / folder, ignore_errors=True)
        (root / folder).mkdir()
    for name, source in files.items():
        (root / "submission" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / "submission" / name)
    proc = subprocess.run([sys.executable, str(root / "run_autograder")], cwd=root, timeout=600,
                          capture_output=True, text=True, env={**os.environ, "AUTOGRADER_ROOT": str(root)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text())
    assert gradescope_problems(results) == []
    return results


def test_run_autograder_grades_a_submission_folder(autograder):
    files = {f"exercises/{p.name}": p for p in (ROOT / "solutions").glob("ex*.py")}
    results = run_autograder(autograder, files)
    assert results["score"] == 100.0 and len(results["tests"]) >= 42
    assert all(t["status"] == "passed" for t in results["tests"])


def test_run_autograder_explains_a_submission_it_cannot_grade(autograder):
    empty = run_autograder(autograder, {"notes.txt": ROOT / "requirements.txt"})
    assert empty["score"] == 0.0 and empty["tests"] == []
    assert "No exercise file found" in empty["output"]
    wrong = run_autograder(autograder, {"ex99_mine.py": ROOT / "requirements.txt"})
    assert wrong["score"] == 0.0 and wrong["tests"] == []
    assert "could not grade" in wrong["output"] and "not a submission" in wrong["output"]
