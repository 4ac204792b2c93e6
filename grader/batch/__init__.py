"""python -m grader batch SUBMISSIONS --out DIR [--jobs N]: grade a whole class.

Each entry of SUBMISSIONS is one student: a folder, or a .zip of one. Every
submission is graded by its own `python -m grader` process, in parallel, so a crash,
a hang or a memory blow-up costs only that student. Writes DIR/reports/<student>.json,
DIR/gradebook.csv and DIR/checks.csv, and prints a summary (docs/batch.md).
"""
import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from .. import i18n
from ..i18n import t
from . import run, tables

DEFAULT_LIMIT = 1200.0      # s per submission: worse than every function timing out twice


class _Parser(argparse.ArgumentParser):
    def error(self, message):       # one line, not the usage block
        raise SystemExit(_fail(message))


def parse(argv):
    p = _Parser(prog="python -m grader batch", description="Grade every submission of a class.")
    p.add_argument("submissions", help="a folder holding one folder or .zip per student")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="where reports/, gradebook.csv and checks.csv go")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="submissions graded at once (default: the number of cores)")
    p.add_argument("--submission-timeout", type=float, metavar="SECONDS",
                   help=f"wall-clock limit per submission (default {DEFAULT_LIMIT:g} s "
                        "times the timeout scale)")
    p.add_argument("--seed", type=int, help="passed on to the grader (env GRADER_SEED)")
    p.add_argument("--timeout-scale", type=float, help="passed on to the grader")
    p.add_argument("--quiet", action="store_true", help="no progress lines, no summary")
    p.add_argument("--lang", choices=i18n.LANGUAGES,
                   help="language of the messages, passed on to the grader")
    return p.parse_args(argv)


def _fail(message):
    print(f"grader batch: {message}", file=sys.stderr)
    return 2


def problem(args):
    """A one-line reason why these arguments cannot run, or None."""
    root, out = Path(args.submissions).resolve(), Path(args.out).resolve()
    if not root.is_dir():
        return t("cli.no_such_directory", path=args.submissions)
    if args.jobs < 1:
        return t("batch.jobs", jobs=args.jobs)
    if args.submission_timeout is not None and args.submission_timeout <= 0:
        return t("batch.submission_timeout")
    if args.timeout_scale is not None and args.timeout_scale <= 0:
        return t("batch.timeout_scale")
    if out == root or root in out.parents:
        return t("batch.out_inside", out=args.out, submissions=args.submissions)
    if out.exists() and not out.is_dir():
        return t("batch.out_not_a_directory", out=args.out)
    if not entries(root)[0]:
        return t("batch.no_submissions", submissions=args.submissions)
    return None


def entries(root):
    """({student: folder or .zip}, [ignored entry names]), by student name."""
    students, ignored = {}, []
    for path in sorted(root.iterdir()):
        if path.name.startswith((".", "__")):
            continue
        name = path.stem if path.suffix == ".zip" and path.is_file() else path.name
        if (path.is_dir() or path.suffix == ".zip") and name not in students:
            students[name] = path
        else:
            ignored.append(path.name)
    return students, ignored


def options(args):
    """The grader's options passed through (unset ones come from the environment)."""
    passed = []
    if args.seed is not None:
        passed += ["--seed", str(args.seed)]
    if args.timeout_scale is not None:
        passed += ["--timeout-scale", repr(args.timeout_scale)]
    if args.lang is not None:
        passed += ["--lang", args.lang]
    return passed


def main(argv):
    args = parse(argv)
    i18n.set_language(args.lang)
    reason = problem(args)
    if reason:
        return _fail(reason)
    students, ignored = entries(Path(args.submissions))
    out = Path(args.out)
    try:
        (out / "reports").mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return _fail(t("batch.cannot_create", path=out / "reports", error=e.strerror))
    limit = args.submission_timeout or DEFAULT_LIMIT * _timeout_scale(args)
    if ignored and not args.quiet:
        print(t("batch.ignored", names=", ".join(ignored)))
    start = time.perf_counter()
    outcomes = _grade_all(students, out / "reports", options(args), limit, args)
    if outcomes is None:
        return 130
    outcomes.sort(key=lambda o: o.student)
    counts = tables.check_counts(outcomes)
    tables.gradebook(outcomes, out / "gradebook.csv")
    tables.checks(counts, out / "checks.csv")
    if not args.quiet:
        print(tables.summary(outcomes, counts, time.perf_counter() - start))
        print(t("batch.wrote", gradebook=out / "gradebook.csv", checks=out / "checks.csv",
                reports=out / "reports"))
    return 0


def _grade_all(students, reports, passed, limit, args):
    """Every Outcome, in the order they finished; None if interrupted (Ctrl-C)."""
    outcomes = []
    pool = ThreadPoolExecutor(max_workers=args.jobs)
    try:
        futures = {pool.submit(run.grade, name, path, reports / f"{name}.json", passed, limit): name
                   for name, path in students.items()}
        for future in as_completed(futures):
            try:
                outcomes.append(future.result())
            except Exception as e:   # noqa: BLE001 (one student's problem, never the batch's)
                outcomes.append(run.Outcome(futures[future], f"batch error: {e}", None, 0.0))
            if not args.quiet:
                print(_progress(outcomes[-1], len(outcomes), len(futures)), flush=True)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in list(run.RUNNING):
            run.kill_tree(proc.pid)
        print("grader batch: " + t("batch.interrupted"), file=sys.stderr)
        return None
    pool.shutdown()
    return outcomes


def _progress(o, done, total):
    return t("batch.progress", done=f"{done:>{len(str(total))}}", total=total,
             student=f"{o.student:<24}", score=f"{tables.score(o):6.2f}", status=o.status,
             seconds=f"{o.seconds:.1f}")


def _timeout_scale(args):
    if args.timeout_scale is not None:
        return args.timeout_scale
    try:
        return float(os.environ.get("GRADER_TIMEOUT_SCALE", "1"))
    except ValueError:
        return 1.0
