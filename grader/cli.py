"""python -m grader SUBMISSION [--json FILE] [--only ex07_conv[.conv2d_loops]] [--seed N]"""
import argparse
import os
import sys
import time
from pathlib import Path

from . import curriculum, formats, i18n
from .engine.session import Session
from .engine.printable import printable
from .i18n import t


def parse(argv):
    p = argparse.ArgumentParser(prog="python -m grader",
                                description="Grade a submission of the PyTorch exercises.")
    p.add_argument("submission", help="directory holding the exNN_*.py modules")
    p.add_argument("--json", metavar="FILE", help="write the JSON report here ('-' for stdout)")
    p.add_argument("--only", action="append", default=[], metavar="MODULE[.FUNCTION]",
                   help="grade only this module or function (repeatable)")
    p.add_argument("--seed", type=int, default=_env_seed(),
                   help="the instructor's secret seed of the hidden checks' inputs, mixed "
                        "with the submission's files (env GRADER_SEED; default: the files "
                        "alone); the same files and seed give the same inputs")
    p.add_argument("--timeout-scale", type=float,
                   default=float(os.environ.get("GRADER_TIMEOUT_SCALE", "1")),
                   help="multiply every per-call time limit (env GRADER_TIMEOUT_SCALE)")
    p.add_argument("--quiet", action="store_true", help="no progress, no table")
    p.add_argument("--all-failures", action="store_true",
                   help="show every failing function in full, not just the first")
    p.add_argument("--lang", choices=i18n.LANGUAGES,
                   help="language of the messages (default: GRADER_LANG, else the locale)")
    # other formats, all derived from the same report (docs/formats.md)
    p.add_argument("--gradescope", metavar="FILE", help="write Gradescope's results.json here")
    p.add_argument("--junit", metavar="FILE", help="write JUnit XML here")
    p.add_argument("--summary", metavar="FILE", help="write a Markdown score table here")
    p.add_argument("--format", action="append", choices=formats.NAMES, metavar="NAME",
                   help="also write NAME's file in this folder: gradescope -> results.json, "
                        "junit -> junit.xml, summary -> summary.md, json -> report.json; "
                        "classroom prints (repeatable; an explicit --NAME FILE wins)")
    p.add_argument("--classroom", action="store_true",
                   help="print the GitHub Classroom reporter's result (sets it in $GITHUB_OUTPUT)")
    return p.parse_args(argv)


def _env_seed():
    value = os.environ.get("GRADER_SEED", "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        print(f"grader: GRADER_SEED must be an integer, not {value!r}", file=sys.stderr)
        sys.exit(2)


def expand(selection):
    """``ex05`` or ``ex05.softmax`` -> ``ex05_softmax`` / ``ex05_softmax.softmax``."""
    module, dot, function = selection.partition(".")
    matches = [m for m in curriculum.CURRICULUM if m == module or m.split("_")[0] == module]
    return (matches[0] if len(matches) == 1 else module) + dot + function


def check_submission(path, only):
    """A one-line reason why ``path`` cannot be graded, or None."""
    if not path.exists():
        return t("cli.no_such_directory", path=path)
    if not path.is_dir():
        return t("cli.not_a_directory", path=path)
    if not any((path / f"{m}{ext}").is_file() for m in curriculum.CURRICULUM
               for ext in (".py", ".ipynb")):   # a notebook is graded like its module
        return t("cli.not_a_submission", path=path,
                 modules=", ".join(m + ".py" for m in curriculum.CURRICULUM))
    for sel in only:
        module, _, function = sel.partition(".")
        if module not in curriculum.CURRICULUM or (function and function not in curriculum.CURRICULUM[module]):
            return t("cli.unknown_selection", selection=sel)
    return None


# python -m grader COMMAND ...: each command is a module with main(argv) -> exit code
COMMANDS = {"batch": "grader.batch", "hint": "grader.hints", "watch": "grader.watch"}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        import importlib
        return importlib.import_module(COMMANDS[argv[0]]).main(argv[1:])
    args = parse(argv)
    i18n.set_language(args.lang)
    args.only = [expand(sel) for sel in args.only]
    submission = Path(args.submission)
    formats.apply_format_names(args)
    problem = check_submission(submission, args.only) or formats.check_outputs(args)
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
        print(printable(terminal.render(result, args.submission.rstrip("/"), args.all_failures)))
        if runner.public_only():   # a student release (tools/release.py): no hidden suite
            print(t("cli.public_only"))
    if args.json:
        report_.write(result, args.json)
    formats.write_requested(result, args)
    return 0
