"""python -m grader SUBMISSION [--json FILE] [--only ex07_conv[.conv2d_loops]] [--seed N]"""
import argparse
import os
import sys
import time
from pathlib import Path

from . import curriculum
from .engine.session import Session


def parse(argv):
    p = argparse.ArgumentParser(prog="python -m grader",
                                description="Grade a submission of the PyTorch exercises.")
    p.add_argument("submission", help="directory holding the exNN_*.py modules")
    p.add_argument("--json", metavar="FILE", help="write the JSON report here ('-' for stdout)")
    p.add_argument("--only", action="append", default=[], metavar="MODULE[.FUNCTION]",
                   help="grade only this module or function (repeatable)")
    p.add_argument("--seed", type=int, default=int(os.environ.get("GRADER_SEED", "0")),
                   help="seed of the hidden checks' inputs (env GRADER_SEED; default 0)")
    p.add_argument("--timeout-scale", type=float,
                   default=float(os.environ.get("GRADER_TIMEOUT_SCALE", "1")),
                   help="multiply every per-call time limit (env GRADER_TIMEOUT_SCALE)")
    p.add_argument("--quiet", action="store_true", help="no progress, no table")
    p.add_argument("--all-failures", action="store_true",
                   help="show every failing function in full, not just the first")
    return p.parse_args(argv)


def expand(selection):
    """``ex05`` or ``ex05.softmax`` -> ``ex05_softmax`` / ``ex05_softmax.softmax``."""
    module, dot, function = selection.partition(".")
    matches = [m for m in curriculum.CURRICULUM if m == module or m.split("_")[0] == module]
    return (matches[0] if len(matches) == 1 else module) + dot + function


def check_submission(path, only):
    """A one-line reason why ``path`` cannot be graded, or None."""
    if not path.exists():
        return f"no such directory: {path}"
    if not path.is_dir():
        return f"not a directory: {path}"
    if not any((path / f"{m}.py").is_file() for m in curriculum.CURRICULUM):
        return (f"not a submission: {path} holds none of the modules "
                f"({', '.join(m + '.py' for m in curriculum.CURRICULUM)})")
    for sel in only:
        module, _, function = sel.partition(".")
        if module not in curriculum.CURRICULUM or (function and function not in curriculum.CURRICULUM[module]):
            return f"--only {sel}: no such module or function in the curriculum"
    return None


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    args.only = [expand(sel) for sel in args.only]
    submission = Path(args.submission)
    problem = check_submission(submission, args.only)
    if problem:
        print(f"grader: {problem}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    # the worker imports torch while this process does: start it before our imports
    session = Session(submission, timeout_scale=args.timeout_scale)
    from .engine import runner, terminal
    from .engine import report as report_
    progress = None if args.quiet else terminal.Progress()
    try:
        result = runner.grade(submission, only=args.only, seed=args.seed, progress=progress,
                              session=session, start=start)
    except RuntimeError as e:
        print(f"grader: {e}", file=sys.stderr)
        return 3
    if progress:
        progress.done()
        print(terminal.render(result, args.submission.rstrip("/"), args.all_failures))
    if args.json:
        report_.write(result, args.json)
    return 0
