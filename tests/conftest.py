"""Shared fixtures for the project's own tests: grading runs in a subprocess,
exactly as a student or an instructor runs it."""
import atexit
import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def grade(submission, *only, timeout=1800, extra=()):
    """Run ``python -m grader`` on ``submission``; return (report, completed process).

    ``timeout``: the slowest honest alternatives take minutes (the seed notes' per-start
    Adam in find_minima: ~330 s of CPU over its calls), and a second grading run may share
    the machine's cores (entry_verdicts runs two at a time)."""
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


def _rounds(entries):
    """At most one entry per module in a round, so no two entries interfere."""
    by_module = {}
    for e in entries:
        by_module.setdefault(e.module, []).append(e)
    depth = max((len(v) for v in by_module.values()), default=0)
    return [[v[i] for v in by_module.values() if i < len(v)] for i in range(depth)]


@pytest.fixture(scope="session")
def entry_verdicts(request, tmp_path_factory):
    """{(module, entry name): the entry's function in its round's report (English)}.

    Shared by the mutant tests and the diagnosis tests (a catalogue mistake is a mutant
    too), so each entry is graded once; only the entries of the selected tests are
    graded (``-k ex05`` stays quick)."""
    from tests.mutants import build_submission, load_all
    by_key = {(e.module, e.name): e for e in load_all()}
    selected = {}
    for item in request.session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        for entry in (params.get("entry"), params.get("mistake")):
            if entry is not None:
                selected[(entry.module, entry.name)] = by_key[(entry.module, entry.name)]

    def run(numbered):
        number, entries = numbered
        directory = build_submission(entries, tmp_path_factory.mktemp(f"round{number}") / "sub")
        report, _ = grade(directory, *{f"{e.module}.{e.function}" for e in entries},
                          extra=["--quiet", "--lang", "en"])
        return {(e.module, e.name): function_entry(report, e.module, e.function)
                for e in entries}
    found = {}
    with ThreadPoolExecutor(2) as pool:
        for part in pool.map(run, enumerate(_rounds(list(selected.values())))):
            found.update(part)
    return found
