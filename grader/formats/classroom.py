"""GitHub Classroom: the result its autograding reporter reads, derived from the JSON report.

classroom-resources/autograding-grading-reporter (src/main.js) reads, for each runner
named in its `runners` input, the environment variable <RUNNER>_RESULTS: base64 of a
JSON object {version, status, max_score, tests: [{name, status, message, line_no,
score, ...}]}, the shape autograding-command-grader sets as its `result` output.
Statuses are "pass", "fail" and "error". The points it posts to Classroom
(src/notify-classroom.js) are the sum of the tests' `score` over `max_score`;
its console line "Total points for <runner>" counts whole tests passed instead.
"""
import base64
import json

from . import points


def build(report):
    broken = {e["module"] for e in report["errors"]}
    tests = [{"name": f"{f['module']}.{f['function']}",
              "status": _status(f, broken),
              "message": _message(f),
              "score": f["score"],
              "max_score": f["max_score"],
              "filename": f"{f['module']}.py",
              "line_no": 0,     # the reporter prints "- line N" unless it is 0
              "duration": 0}
             for f in report["functions"]]
    return {"version": 1,
            "status": "pass" if all(t["status"] == "pass" for t in tests) else "fail",
            "max_score": report["max_score"],
            "tests": tests}


def encode(report):
    return base64.b64encode(json.dumps(build(report)).encode()).decode()


def render(report):
    """What --classroom prints: the points line, then the reporter's base64 result."""
    return f"points {points(report['score'])}/{points(report['max_score'])}\n{encode(report)}\n"


def set_output(report, github_output):
    """Set the step output `result` when run inside GitHub Actions."""
    if github_output:   # appended, not replaced: the runner collects every step's outputs here
        with open(github_output, "a", encoding="utf-8") as f:
            f.write(f"result={encode(report)}\n")


def _status(f, broken):
    if f["module"] in broken:
        return "error"
    full = f["score"] >= f["max_score"]
    return "pass" if full and not f.get("forbidden_op") else "fail"


def _message(f):
    if f.get("forbidden_op"):
        return f"called a forbidden operation: {f['forbidden_op']}"
    bad = [c for c in f["checks"] if c["status"] in ("failed", "error")]
    if not bad:
        return ""
    return f"{len(bad)} checks failed; first: {bad[0]['name']}: {bad[0]['message']}"
