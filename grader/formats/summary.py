"""A Markdown score table (module, function, points, status; total), derived from
the JSON report. The GitHub Actions template appends it to $GITHUB_STEP_SUMMARY."""
from . import points


def render(report):
    lines = [f"## Grade: {points(report['score'])} / {points(report['max_score'])}", "",
             "| module | function | points | status |", "|---|---|---:|---|"]
    for f in report["functions"]:
        lines.append(f"| {f['module']} | {f['function']} | "
                     f"{points(f['score'])}/{points(f['max_score'])} | {status(f)} |")
    lines.append(f"| **total** | | **{points(report['score'])}/{points(report['max_score'])}** | |")
    for e in report["errors"]:
        lines.append(f"\n**{e['module']}.py could not be loaded:** {_cell(e['message'])}")
    return "\n".join(lines) + "\n"


def status(f):
    """One word or two for a function: what the student should do next."""
    ran = [c for c in f["checks"] if c["status"] != "skipped"]
    passed = sum(c["status"] == "passed" for c in ran)
    if f.get("forbidden_op"):
        return f"forbidden: `{_cell(f['forbidden_op'])}`"
    if not ran:
        return "not run here"
    if passed == len(ran) and f["score"] >= f["max_score"]:
        return "✅ passed"
    if all(c["message"].startswith("not implemented yet") for c in ran if c["status"] != "passed"):
        return "not implemented"
    return f"❌ {passed}/{len(ran)} checks passed"


def _cell(text):
    """Table cells are one line, and '|' would end the cell."""
    return " ".join(text.split()).replace("|", "\\|")
