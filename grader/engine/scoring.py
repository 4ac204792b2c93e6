"""Check results -> points per function (the curriculum's table)."""
import re

from .. import curriculum

# Checks of a side property (inputs left alone, no Python loops, returns None or
# detached tensors, reproducible, raises on bad input) are passed by a function that
# does nothing or always raises, and checks on fixed inputs (the public examples) by a
# table of memorised outputs: they earn points only alongside a passed check of the
# function's output on inputs drawn from the run's seed, where the function has such checks.
SIDE_PROPERTY = re.compile(r"unchanged|vectorised|returns_none|returns_detached|reproducible|"
                           r"raises")


def score_functions(results, violations, selected=None):
    """One dict per curriculum function (in curriculum order), report-shaped.

    A function's points are split evenly over its checks that ran (skipped ones
    do not count); failing the check that is the reason it exists (the curriculum's
    ``essential``) leaves at most half of them; a forbidden operation zeroes it.
    """
    by_function = {}
    for r in results:
        by_function.setdefault((r.module, r.function), []).append(r)
    functions = []
    for module, function in curriculum.all_functions():
        if selected is not None and (module, function) not in selected:
            continue
        checks = by_function.get((module, function), [])
        ran = [c for c in checks if c.status != "skipped"]
        points = curriculum.points(module, function)
        passed = sum(c.status == "passed" for c in ran)
        earned = points * passed / len(ran) if ran else 0.0
        if not _output_check_passed(ran):
            earned = 0.0
        entry = {"module": module, "function": function, "score": 0.0,
                 "max_score": float(points),
                 "checks": [_check(c) for c in checks]}
        essential = curriculum.essential(module, function)
        if any(_base(c.name) == essential and c.status != "passed" for c in ran):
            entry["capped_by"] = essential
            earned = min(earned, points / 2)
        if (module, function) in violations:
            entry["forbidden_op"] = violations[(module, function)]
            earned = 0.0
        entry["score"] = round(earned, 2)
        functions.append(entry)
    return functions


def _base(name):
    return name.split("[", 1)[0]


def _output_check_passed(ran):
    outputs = [c for c in ran if not SIDE_PROPERTY.search(c.name)]
    unforeseeable = [c for c in outputs if c.seeded] or outputs
    return any(c.status == "passed" for c in unforeseeable)


def _check(c):
    check = {"name": c.name, "status": c.status, "message": c.message,
             "visibility": c.visibility}
    if c.stdout and c.status != "passed":
        check["stdout"] = c.stdout
    return check
