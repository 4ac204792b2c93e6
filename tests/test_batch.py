"""`python -m grader batch`: a small class graded in parallel through the CLI.

One batch run (module fixture) grades five students: a copy of solutions/, a copy of
the stubs, a syntax error, a zip, and one that hangs at import, cut by a short
--submission-timeout. The tests read its outputs.
"""
import csv
import ctypes
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from grader import curriculum

from .conftest import ROOT, grade

LIMIT = 30          # s per submission: the hanging one would take > 160 s
SUBREAPER = 36      # prctl(PR_SET_CHILD_SUBREAPER): orphans of the batch become ours
HANG = "import time\ntime.sleep(10 ** 6)\n"


def batch(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "grader", "batch", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def make_class(root):
    root.mkdir()
    shutil.copytree(ROOT / "solutions", root / "alice")
    shutil.copytree(ROOT / "exercises", root / "bob")
    shutil.copytree(ROOT / "solutions", root / "carol")
    with open(root / "carol" / "ex07_conv.py", "a") as f:
        f.write("\n\ndef broken(:\n")
    with zipfile.ZipFile(root / "dave.zip", "w") as z:
        for path in sorted((ROOT / "solutions").glob("ex*.py")):
            z.write(path, f"dave/{path.name}")
    (root / "abe").mkdir()     # first in name order: graded while the others run
    for path in (ROOT / "solutions").glob("ex*.py"):
        (root / "abe" / path.name).write_text(HANG + path.read_text())
    (root / "notes.txt").write_text("not a submission\n")


def _children():
    """Live processes whose parent is this one (zombies are reaped)."""
    live = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(stat[1]) == os.getpid():
            if stat[0] == b"Z":
                os.waitpid(int(entry), os.WNOHANG)
            else:
                live.append(int(entry))
    return live


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("batch")
    make_class(tmp / "class")
    libc = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None
    reaper = libc is not None and libc.prctl(SUBREAPER, 1, 0, 0, 0) == 0
    try:
        before = set(_children()) if reaper else set()
        start = time.monotonic()
        proc = batch(tmp / "class", "--out", tmp / "out", "--jobs", 2,
                     "--submission-timeout", LIMIT)
        seconds = time.monotonic() - start
        time.sleep(1)
        leftovers = [p for p in _children() if p not in before] if reaper else None
    finally:
        if reaper:
            libc.prctl(SUBREAPER, 0, 0, 0, 0)
    assert proc.returncode == 0, proc.stderr
    out = tmp / "out"
    with open(out / "gradebook.csv", newline="") as f:
        gradebook = list(csv.reader(f))
    with open(out / "checks.csv", newline="") as f:
        checks = list(csv.DictReader(f))
    reports = {p.stem: json.loads(p.read_text()) for p in (out / "reports").glob("*.json")}
    return {"proc": proc, "seconds": seconds, "leftovers": leftovers, "class": tmp / "class",
            "gradebook": gradebook, "checks": checks, "reports": reports}


def rows(run):
    header, *body = run["gradebook"]
    return {row[0]: dict(zip(header, row)) for row in body}


def test_gradebook_has_a_row_per_student_and_a_column_per_function(run):
    header = run["gradebook"][0]
    assert header == ["student", "score", "max_score", "status",
                      *(f"{m}.{f}" for m, f in curriculum.all_functions())]
    assert [row[0] for row in run["gradebook"][1:]] == ["abe", "alice", "bob", "carol", "dave"]
    for student, row in rows(run).items():
        if student in run["reports"]:
            report = run["reports"][student]
            assert row["status"] == "graded"
            assert float(row["score"]) == report["score"]
            for f in report["functions"]:
                assert float(row[f"{f['module']}.{f['function']}"]) == f["score"]


def test_scores_follow_the_submissions(run):
    reports = run["reports"]
    alice, carol = reports["alice"], reports["carol"]
    assert alice["score"] == alice["max_score"] == 100.0
    assert reports["bob"]["score"] == 0.0
    for a, c in zip(alice["functions"], carol["functions"]):   # only ex07 is lost
        assert c["score"] == (0.0 if a["module"] == "ex07_conv" else a["score"])
    assert [e["module"] for e in carol["errors"]] == ["ex07_conv"]


def test_report_equals_grading_the_submission_alone(run):
    alone, _ = grade(run["class"] / "carol")
    in_batch = run["reports"]["carol"]
    for report in (alone, in_batch):
        report.pop("duration_s")
    assert in_batch == alone


def test_a_zip_is_graded_like_the_folder_it_holds(run):
    def strip(report):
        return [(f["function"], f["score"], [(c["name"], c["status"]) for c in f["checks"]])
                for f in report["functions"]]
    assert strip(run["reports"]["dave"]) == strip(run["reports"]["alice"])


def test_a_hang_is_cut_and_costs_only_its_student(run):
    abe = rows(run)["abe"]
    assert abe["status"] == f"grader timed out after {LIMIT} s"
    assert float(abe["score"]) == 0.0
    assert all(float(abe[f"{m}.{f}"]) == 0.0 for m, f in curriculum.all_functions())
    assert "abe" not in run["reports"]
    assert set(run["reports"]) == {"alice", "bob", "carol", "dave"}
    assert run["seconds"] < 150     # grading abe to the end takes > 160 s
    if run["leftovers"] is not None:
        assert run["leftovers"] == [], "processes of the batch outlived it"


def test_checks_csv_counts_every_graded_student(run):
    graded = run["reports"].values()
    statuses = {}
    for report in graded:
        for f in report["functions"]:
            for c in f["checks"]:
                statuses.setdefault((f["module"], f["function"], c["name"]), []).append(c["status"])
    assert [(r["module"], r["function"], r["check"]) for r in run["checks"]] == list(statuses)
    for row in run["checks"]:
        got = statuses[(row["module"], row["function"], row["check"])]
        counts = {s: int(row[s]) for s in ("passed", "failed", "error", "skipped")}
        assert sum(counts.values()) == len(graded)
        assert counts == {s: got.count(s) for s in counts}
        ran = len(graded) - counts["skipped"]
        assert row["pass_rate"] == ("" if not ran else str(round(counts["passed"] / ran, 3)))


def test_progress_and_summary_are_printed(run):
    out = run["proc"].stdout
    assert sum(line.startswith("[") for line in out.splitlines()) == 5
    assert "notes.txt" in out                       # reported as ignored
    assert "Graded 4 of 5 submissions" in out
    assert "mean" in out and "median" in out
    assert "Worst functions" in out and "ex07_conv" in out


def test_unsafe_zips_are_refused_without_writing_outside(tmp_path):
    subs = tmp_path / "class"
    subs.mkdir()
    with zipfile.ZipFile(subs / "slip.zip", "w") as z:
        z.writestr("../../escaped.py", "x = 1\n")
        z.writestr("ex01_tensors.py", "x = 1\n")
    with zipfile.ZipFile(subs / "absolute.zip", "w") as z:
        z.writestr("/tmp/ex01_tensors.py", "x = 1\n")
    with zipfile.ZipFile(subs / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ex01_tensors.py", b"#" * (100 << 20))
    (subs / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    proc = batch(subs, "--out", tmp_path / "out", "--quiet")
    assert proc.returncode == 0, proc.stderr
    with open(tmp_path / "out" / "gradebook.csv", newline="") as f:
        status = {row["student"]: row["status"] for row in csv.DictReader(f)}
    assert set(status) == {"slip", "absolute", "bomb", "broken"}
    assert all(s.startswith("bad zip:") for s in status.values()), status
    assert not list(tmp_path.rglob("escaped.py"))


@pytest.mark.parametrize("args, reason", [
    (["{tmp}/missing", "--out", "{tmp}/out"], "no such directory"),
    (["{tmp}/class", "--out", "{tmp}/out", "--jobs", "0"], "--jobs"),
    (["{tmp}/class", "--out", "{tmp}/class/out"], "inside"),
    (["{tmp}/empty", "--out", "{tmp}/out"], "no submissions"),
    (["{tmp}/class"], "--out"),
    (["{tmp}/class", "--out", "{tmp}/out", "--jobs", "two"], "--jobs"),
])
def test_bad_arguments_exit_2_with_one_line(tmp_path, args, reason):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    proc = batch(*(a.format(tmp=tmp_path) for a in args))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("grader batch:") and reason in proc.stderr
    assert not (tmp_path / "out").exists()
