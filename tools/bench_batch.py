"""Time `python -m grader batch` with --jobs 1 against --jobs 2 on a generated class.

    python tools/bench_batch.py [--students 21] [--rounds 1] [--keep DIR]

Builds a class of submissions in a temporary folder (copies of solutions/ and of the
exercises/ stubs, half-done ones, and broken ones: a syntax error, an infinite loop,
a memory blow-up, os._exit() at import, zips), grades it with --jobs 1 and --jobs 2,
checks that both batches give the same reports (durations and temporary paths aside)
and the same gradebook.csv and checks.csv, and prints both times and the speed-up.
Both batches run from one snapshot of grader/, so an edit made to the checkout while
the bench runs cannot make them differ. Rounds alternate which of the two goes first,
and the machine's load average is printed next to each time: other work on the
machine slows --jobs 2 more than --jobs 1.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS, STUBS = ROOT / "solutions", ROOT / "exercises"

# appended to one module of a solutions copy: a later def replaces the reference one
INFINITE_LOOP = "\n\ndef relu(x):\n    while True:\n        pass\n"
MEMORY_BLOWUP = ("\n\ndef flatten_images(x):\n    blocks = []\n    while True:\n"
                 "        blocks.append(torch.ones(1 << 27))   # 512 MiB a step\n")
SYNTAX_ERROR = "\n\ndef broken(:\n"
EXIT_AT_IMPORT = "import os\nos._exit(3)\n"


def copy(source, dest, edits=None):
    """Copy source/*.py to dest; ``edits`` maps a module to (text before, text after)."""
    dest.mkdir(parents=True)
    for path in sorted(source.glob("ex*.py")):
        before, after = (edits or {}).get(path.stem, ("", ""))
        (dest / path.name).write_text(before + path.read_text() + after)


def half_done(dest, done):
    """Solutions for the modules in ``done``, stubs for the rest."""
    dest.mkdir(parents=True)
    for path in sorted(SOLUTIONS.glob("ex*.py")):
        shutil.copy(path if path.stem in done else STUBS / path.name, dest / path.name)


def zipped(source, archive, folder):
    """source/*.py zipped, inside ``folder`` (or at the top when folder is '')."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(source.glob("ex*.py")):
            z.write(path, f"{folder}/{path.name}" if folder else path.name)


def make_class(root, students):
    """At least ``students`` submissions (>= 21): mostly correct or stubbed, 6 special."""
    root.mkdir(parents=True)
    copy(SOLUTIONS, root / "syntax_error", {"ex07_conv": ("", SYNTAX_ERROR)})
    copy(SOLUTIONS, root / "infinite_loop", {"ex04_activations": ("", INFINITE_LOOP)})
    copy(SOLUTIONS, root / "memory_blowup", {"ex01_tensors": ("", MEMORY_BLOWUP)})
    copy(SOLUTIONS, root / "exit_at_import", {"ex03_linear_regression": (EXIT_AT_IMPORT, "")})
    zipped(SOLUTIONS, root / "zip_solutions.zip", "my_submission")
    zipped(STUBS, root / "zip_stubs.zip", "")
    half_done(root / "half_done_a", {"ex01_tensors", "ex02_gradient_descent", "ex04_activations"})
    half_done(root / "half_done_b", {"ex05_softmax", "ex07_conv", "ex08_knn"})
    rest = max(students - 8, 13)
    for i in range(rest):
        source = SOLUTIONS if i % 3 else STUBS      # two correct for one stubbed
        copy(source, root / f"{'solutions' if i % 3 else 'stubs'}_{i:02d}")


def run_batch(project, subs, out, jobs, extra):
    command = [sys.executable, "-m", "grader", "batch", str(subs), "--out", str(out),
               "--jobs", str(jobs), "--quiet", *extra]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench_batch: the batch exited {proc.returncode}: {proc.stderr.strip()}")
    return seconds, load, os.getloadavg()[0]


def normalised(out):
    """{student: report} without what legitimately differs between two runs."""
    reports = {}
    for path in sorted((out / "reports").glob("*.json")):
        report = json.loads(path.read_text())
        text = json.dumps({k: v for k, v in report.items() if k != "duration_s"})
        reports[path.stem] = text.replace(json.dumps(report["submission"])[1:-1], "<submission>")
    return reports


def differences(out1, out2):
    """What differs between two batches' outputs (empty when they agree)."""
    found = []
    a, b = normalised(out1), normalised(out2)
    if a.keys() != b.keys():
        found.append(f"reports of different students: {sorted(a.keys() ^ b.keys())}")
    found += [f"reports/{s}.json differs" for s in sorted(a.keys() & b.keys()) if a[s] != b[s]]
    found += [f"{name} differs" for name in ("gradebook.csv", "checks.csv")
              if (out1 / name).read_text() != (out2 / name).read_text()]
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--students", type=int, default=21, help="class size (at least 21)")
    p.add_argument("--rounds", type=int, default=1, help="--jobs 1 / --jobs 2 pairs to time")
    p.add_argument("--keep", metavar="DIR", help="build the class and outputs here and keep them")
    args, extra = p.parse_known_args()     # anything else goes to the batch (--seed ...)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-batch-"))
    if args.keep and work.exists():
        sys.exit(f"bench_batch: {work} already exists")
    try:
        make_class(work / "class", args.students)
        shutil.copytree(ROOT / "grader", work / "project" / "grader",
                        ignore=shutil.ignore_patterns("__pycache__"))
        count = len(list((work / "class").iterdir()))
        print(f"{count} submissions, {os.cpu_count()} cores; load average before: "
              f"{os.getloadavg()[0]:.2f}")
        speedups = []
        for r in range(args.rounds):
            times = {}
            for jobs in ((1, 2), (2, 1))[r % 2]:
                out = work / f"out_r{r}_j{jobs}"
                seconds, before, after = run_batch(work / "project", work / "class", out, jobs,
                                                   extra)
                times[jobs] = seconds
                print(f"round {r + 1}: --jobs {jobs}: {seconds:6.1f} s   "
                      f"(load average {before:.2f} at start, {after:.2f} at end)", flush=True)
            problems = differences(work / f"out_r{r}_j1", work / f"out_r{r}_j2")
            for line in problems:
                print(f"  MISMATCH: {line}")
            speedups.append(times[1] / times[2])
            print(f"round {r + 1}: speed-up {speedups[-1]:.2f}x, reports "
                  f"{'identical' if not problems else 'DIFFER'}", flush=True)
            if problems:
                return 1
        print(f"speed-up over {args.rounds} round(s): "
              + ", ".join(f"{s:.2f}x" for s in speedups))
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
