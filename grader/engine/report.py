"""The JSON report (the schema every other format derives from)."""
import json
import os
import platform
import tempfile

SCHEMA = 1
STATUSES = ("passed", "failed", "error", "skipped")


def build(submission, functions, module_errors, duration_s, devices, inputs=None):
    """``inputs``: what the hidden inputs were drawn from (never the seed itself)."""
    return {
        "schema": SCHEMA,
        "submission": str(submission),
        "score": round(sum(f["score"] for f in functions), 2),
        "max_score": float(round(sum(f["max_score"] for f in functions), 2)),
        "functions": functions,
        "errors": [{"module": m, "message": msg.split("\n")[0]} for m, msg in module_errors.items()],
        "environment": {"python": platform.python_version(),
                        "torch": _torch_version(), "devices": devices,
                        **({"inputs": inputs} if inputs else {})},
        "duration_s": round(duration_s, 2),
    }


def _torch_version():
    import torch    # not at module level: the CLI imports this before the worker starts
    return torch.__version__.split("+")[0]


def write(report, path):
    write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", path)


def write_text(text, path):
    """Write ``text`` to ``path`` ('-' for stdout). A new file renamed into place:
    replaces whatever stood there, links included."""
    if str(path) == "-":
        print(text, end="")
        return
    path = os.path.abspath(path)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".report-")
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def validate(report):
    """Problems with ``report`` against the documented schema ([] when valid)."""
    problems = []
    for key, kind in (("schema", int), ("submission", str), ("score", float),
                      ("max_score", float), ("functions", list), ("errors", list),
                      ("environment", dict), ("duration_s", float)):
        if not isinstance(report.get(key), kind):
            problems.append(f"{key} missing or not {kind.__name__}")
    for f in report.get("functions", []):
        for key, kind in (("module", str), ("function", str), ("score", float),
                          ("max_score", float), ("checks", list)):
            if not isinstance(f.get(key), kind):
                problems.append(f"function {f.get('function')}: {key} missing or not {kind.__name__}")
        for c in f.get("checks", []):
            if c.get("status") not in STATUSES or not isinstance(c.get("name"), str) \
                    or not isinstance(c.get("message"), str):
                problems.append(f"check {c} malformed")
    for e in report.get("errors", []):
        if not (isinstance(e.get("module"), str) and isinstance(e.get("message"), str)):
            problems.append(f"error {e} malformed")
    env = report.get("environment", {})
    if not all(isinstance(env.get(k), t) for k, t in (("python", str), ("torch", str), ("devices", list))):
        problems.append("environment malformed")
    functions = report.get("functions", [])
    if isinstance(report.get("score"), float) and functions and \
            abs(report["score"] - round(sum(f["score"] for f in functions), 2)) > 1e-9:
        problems.append("score is not the sum of the functions' scores")
    return problems
