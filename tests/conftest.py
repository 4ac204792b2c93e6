"""Shared fixtures for the project's own tests: grading runs in a subprocess,
exactly as a student or an instructor runs it."""
import atexit
import json
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def grade(submission, *only, timeout=600, extra=()):
    """Run ``python -m grader`` on ``submission``; return (report, completed process)."""
    tmp = tempfile.mkdtemp(prefix="grader-test-")
    atexit.register(shutil.rmtree, tmp, True)   # kept until the end: tests re-read the file
    out = Path(tmp) / "report.json"
    args = [sys.executable, "-m", "grader", str(submission), "--json", str(out), *extra]
    for sel in only:
        args += ["--only", sel]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"grader exited {proc.returncode}\n{proc.stderr[-3000:]}"
    return json.loads(out.read_text()), proc


@pytest.fixture(scope="session")
def solutions_report(tmp_path_factory):
    report, _ = grade(ROOT / "solutions")
    return report


@pytest.fixture(scope="session")
def exercises_report(tmp_path_factory):
    report, _ = grade(ROOT / "exercises")
    return report


def function_entry(report, module, function):
    return next(f for f in report["functions"]
                if f["module"] == module and f["function"] == function)


def check_base(name):
    return name.split("[", 1)[0]
