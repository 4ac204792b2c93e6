"""The class's tables: gradebook.csv, checks.csv and the printed summary."""
import csv
import statistics

from .. import curriculum
from ..i18n import t

STATUSES = ("passed", "failed", "error", "skipped")
SHOWN = 5       # worst functions / checks in the summary


def gradebook(outcomes, path):
    """One row per student: total, status, then each function's points."""
    functions = curriculum.all_functions()
    total = float(sum(curriculum.points(m, fn) for m, fn in functions))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "score", "max_score", "status",
                    *(f"{m}.{fn}" for m, fn in functions)])
        for o in outcomes:
            report = o.report or {"max_score": total, "functions": []}
            got = {(e["module"], e["function"]): e["score"] for e in report["functions"]}
            w.writerow([o.student, score(o), report["max_score"], o.status,
                        *(got.get(key, 0.0) for key in functions)])


def check_counts(outcomes):
    """{(module, function, check): {status: students}} over the graded reports, in
    curriculum order, then in each function's check order."""
    counts = {}
    reports = [o.report for o in outcomes if o.report]
    order = {key: i for i, key in enumerate(curriculum.all_functions())}
    entries = sorted((e for r in reports for e in r["functions"]),
                     key=lambda e: order.get((e["module"], e["function"]), len(order)))
    for e in entries:
        for c in e["checks"]:
            key = (e["module"], e["function"], c["name"])
            counts.setdefault(key, dict.fromkeys(STATUSES, 0))[c["status"]] += 1
    return counts


def checks(counts, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["module", "function", "check", *STATUSES, "pass_rate"])
        for key, n in counts.items():
            rate = pass_rate(n)
            w.writerow([*key, *(n[s] for s in STATUSES), "" if rate is None else round(rate, 3)])


def pass_rate(n):
    """Passed over the students where it ran (skipped ones do not count); None if none."""
    ran = n["passed"] + n["failed"] + n["error"]
    return n["passed"] / ran if ran else None


def score(outcome):
    return outcome.report["score"] if outcome.report else 0.0


def summary(outcomes, counts, seconds):
    """A few lines for the instructor: who was not graded, the score distribution, the
    functions and the checks the class did worst on."""
    scores = [score(o) for o in outcomes]
    ungraded = [o for o in outcomes if not o.report]
    lines = [t("batch.graded", graded=len(outcomes) - len(ungraded), total=len(outcomes),
               seconds=f"{seconds:.1f}")]
    lines += ["  " + t("batch.not_graded", student=o.student, status=o.status) for o in ungraded]
    lines.append(t("batch.scores", mean=f"{statistics.mean(scores):.2f}",
                   median=f"{statistics.median(scores):.2f}", min=f"{min(scores):.2f}",
                   max=f"{max(scores):.2f}"))
    graded = [o.report for o in outcomes if o.report]
    if not graded:
        return "\n".join(lines)
    share = {}
    for r in graded:
        for e in r["functions"]:
            share.setdefault(f"{e['module']}.{e['function']}", []).append(
                e["score"] / e["max_score"] if e["max_score"] else 1.0)
    # stable sorts: ties stay in curriculum order
    means = sorted(((statistics.mean(s), name) for name, s in share.items()), key=lambda m: m[0])
    worst = [(mean, name) for mean, name in means if mean < 1][:SHOWN]
    if worst:
        lines.append(t("batch.worst_functions"))
        lines += [f"  {name:<45} {mean:6.0%}" for mean, name in worst]
    rates = {key: rate for key, n in counts.items() if (rate := pass_rate(n)) is not None}
    ranked = [key for key in sorted(rates, key=rates.get) if rates[key] < 1][:SHOWN]
    if ranked:
        lines.append(t("batch.worst_checks"))
    for module, function, check in ranked:
        n = counts[(module, function, check)]
        ran = n["passed"] + n["failed"] + n["error"]
        lines.append(f"  {module}.{function}::{check:<40} {n['passed']}/{ran}")
    if not worst and not ranked:
        lines.append(t("batch.all_passed"))
    return "\n".join(lines)
