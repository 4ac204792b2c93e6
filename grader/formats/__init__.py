"""Other formats of the grading report, each derived from the JSON report (docs/report.md).

One module per format, each with a pure ``render(report) -> str``:
gradescope (results.json), junit (JUnit XML), summary (Markdown table),
classroom (GitHub Classroom's autograding reporter). See docs/formats.md.
"""
import os
import sys

from ..engine.report import write_text

# CLI flag (attribute of the parsed args) -> module that renders it to a file
FILE_FORMATS = {"gradescope": "gradescope", "junit": "junit", "summary": "summary"}
# --format NAME writes the file its platform expects, in the current folder
DEFAULT_FILES = {"json": "report.json", "gradescope": "results.json", "junit": "junit.xml",
                 "summary": "summary.md"}
NAMES = (*DEFAULT_FILES, "classroom")


def apply_format_names(args):
    """``--format gradescope`` is ``--gradescope results.json`` unless that flag is given."""
    for name in getattr(args, "format", None) or ():
        if name == "classroom":
            args.classroom = True
        elif not getattr(args, name, None):
            setattr(args, name, DEFAULT_FILES[name])


def check_outputs(args):
    """A one-line reason why a requested output file cannot be written, or None.

    Checked before grading, so a typo in a path does not cost a whole run."""
    for flag in ("json", *FILE_FORMATS):
        path = getattr(args, flag, None)
        if not path or path == "-":
            continue
        folder = os.path.dirname(os.path.abspath(path))
        if os.path.isdir(path):
            return f"--{flag} {path}: is a directory"
        if not os.path.isdir(folder):
            return f"--{flag} {path}: no such directory: {folder}"
        if not os.access(folder, os.W_OK):
            return f"--{flag} {path}: cannot write in {folder}"
    return None


def write_requested(report, args):
    """Write every format asked for on the command line, all from one report."""
    import importlib
    for flag, name in FILE_FORMATS.items():
        path = getattr(args, flag, None)
        if path:
            write_text(importlib.import_module(f"{__name__}.{name}").render(report), path)
    if getattr(args, "classroom", False):
        from . import classroom
        print(classroom.render(report), end="")
        classroom.set_output(report, os.environ.get("GITHUB_OUTPUT"))
    sys.stdout.flush()


def points(x):
    """87.5 -> '87.5', 100.0 -> '100', 1.333 -> '1.33'."""
    return f"{round(x, 2):g}"
