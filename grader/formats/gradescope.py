"""Gradescope's results.json, derived from the JSON report.

Format: https://gradescope-autograders.readthedocs.io/en/latest/specs/
("Output format", "Controlling Test Case Visibility", "Test case status").

One Gradescope test per function and visibility: the function's public checks
(shown to students at once) and its hidden checks (shown once the instructor
publishes grades). Every check that ran is worth the same share of the function's
points (engine/scoring.py), so the function's score splits over its two tests in
proportion to the checks each one passed, and the tests add up to the report's score.
"""
import json
import re

from . import points

VISIBILITY = {"public": "visible", "hidden": "after_published"}


def render(report):
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"


def build(report):
    tests = []
    for f in report["functions"]:
        tests += function_tests(f, _number(f, report["functions"]))
    return {"score": report["score"],
            "execution_time": int(round(report["duration_s"])),
            "output": overview(report),
            "tests": tests}


def overview(report):
    lines = [f"Score: {points(report['score'])}/{points(report['max_score'])}"]
    if any(c["visibility"] == "hidden" for f in report["functions"] for c in f["checks"]):
        lines.append("Tests named '(hidden checks)' are shown once grades are published.")
    for e in report["errors"]:
        lines.append(f"{e['module']}.py could not be loaded: {e['message']}")
    return "\n".join(lines)


def function_tests(f, number):
    """One test per visibility present among the function's checks that ran."""
    ran = [c for c in f["checks"] if c["status"] != "skipped"]
    groups = [[c for c in ran if c["visibility"] == v] for v in VISIBILITY]
    groups = [g for g in groups if g]
    if not groups:   # nothing could run here (CUDA-only checks on a CPU machine)
        return [_test(f, number, "hidden", [], 0.0, f["max_score"], f["checks"])]
    shares = [(f["score"], f["max_score"])]
    if len(groups) == 2:
        shares = _split(f["score"], f["max_score"], len(groups[0]) / len(ran),
                        _passed(groups[0]) / _passed(ran) if _passed(ran) else 0.0)
    return [_test(f, f"{number}.{i}", checks[0]["visibility"], checks, score, max_score,
                  [c for c in f["checks"]
                   if c["status"] == "skipped" and c["visibility"] == checks[0]["visibility"]])
            for i, (checks, (score, max_score)) in enumerate(zip(groups, shares), 1)]


def _split(score, max_score, max_fraction, score_fraction):
    """Two (score, max) pairs, rounded to cents, that add up exactly to the function's,
    the first score never above the first max nor the second above the second max."""
    first_max = round(max_score * max_fraction, 2)
    second_max = round(max_score - first_max, 2)
    first = min(max(round(score * score_fraction, 2), round(score - second_max, 2)), first_max)
    return [(first, first_max), (round(score - first, 2), second_max)]


def _passed(checks):
    return sum(c["status"] == "passed" for c in checks)


def _test(f, number, visibility, checks, score, max_score, skipped):
    all_passed = bool(checks) and all(c["status"] == "passed" for c in checks)
    return {"name": f"{f['module']}.{f['function']} ({visibility} checks)",
            "number": number,
            "score": score,
            "max_score": max_score,
            "status": "passed" if all_passed and score >= max_score else "failed",
            "output": _output(f, checks, skipped),
            "visibility": VISIBILITY[visibility]}


def _output(f, checks, skipped):
    passed = sum(c["status"] == "passed" for c in checks)
    lines = [f"{passed} of {len(checks)} checks passed"
             + (f" ({len(skipped)} skipped: cannot run on this machine)" if skipped else "")]
    if f.get("forbidden_op"):
        lines.append(f"called a forbidden operation: {f['forbidden_op']} (this function scores 0)")
    bad = [c for c in checks if c["status"] != "passed"]
    if bad and all(c["message"].startswith("not implemented yet") for c in bad):
        lines.append(f"not implemented yet: fill in {f['function']} in {f['module']}.py")
        bad = []
    for c in bad:
        lines.append(f"\n{c['status'].upper()} {c['name']}\n{c['message']}")
        if c.get("stdout"):
            lines.append(f"your code printed:\n{c['stdout']}")
    return "\n".join(lines)


def _number(f, functions):
    """'5.2' for the second function of ex05; the module's position if it has no exNN."""
    modules = list(dict.fromkeys(g["module"] for g in functions))
    match = re.match(r"ex(\d+)", f["module"])
    module_no = int(match.group(1)) if match else modules.index(f["module"]) + 1
    in_module = [g["function"] for g in functions if g["module"] == f["module"]]
    return f"{module_no}.{in_module.index(f['function']) + 1}"
