"""make release DEST=dir: the student repository, with stubs and public checks only.

    python tools/release.py DEST

DEST gets exercises/ (stubs generated from solutions/), the grader with only its
public suites (grader/suites/test_*_public.py), requirements.txt, and a Makefile
and README written for students. Nothing else of the project goes: no solutions/,
no tests/, and of grader/ nothing that names or hints at a hidden check (WITHHELD). In the
release `make grade` runs the public checks and says that hidden checks run when
the instructor grades (grader/engine/runner.py: public_only()).

DEST must be empty or not exist, and must be outside this project.
"""
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_stubs  # noqa: E402  (tools/ is not a package on sys.path by default)

ROOT = Path(__file__).resolve().parent.parent
# What stays behind of grader/ (paths relative to it), and why
WITHHELD = [
    ("suites/test_ex*.py", "the hidden suites (the public ones are test_*_public.py)"),
    ("suites/README.md", "how to write hidden checks, with examples of their names"),
    ("i18n/*/suite_ex*.py", "the hidden checks' messages, keyed by their names (suite_exNN_public.py ships)"),
    ("diagnosis/ex*.py", "the mistake catalogue: near-solutions named after the hidden "
                         "checks, unused without solutions/ anyway"),
]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")

GITIGNORE = "__pycache__/\n*.pyc\n.grader-hints.json\nreport.json\n"

# Student targets, each shipped only when its file is: (name, file, command, help, README line)
OPTIONAL_TARGETS = [
    ("hint", "grader/hints.py", "$(PYTHON) -m grader hint $(ONLY)",
     "the next hint for one function (ONLY=ex05.softmax)",
     "`make hint ONLY=ex05.softmax` shows the next hint for one function: a nudge first, "
     "then the key idea."),
    ("watch", "grader/watch.py", "$(PYTHON) -m grader watch exercises",
     "re-grade each module when you save it (Ctrl-C to stop)",
     "`make watch` re-grades a module each time you save it (Ctrl-C to stop)."),
    ("bench", "tools/bench.py", "$(PYTHON) tools/bench.py exercises",
     "time your functions against torch's own",
     "`make bench` times your convolution, MLP and k-NN functions against torch's own."),
]


def refuse(dest):
    """A one-line reason not to write into ``dest``, or None."""
    resolved = dest.resolve()
    if resolved == ROOT or ROOT in resolved.parents:
        return f"{dest} is inside the project ({ROOT}): choose a directory outside it"
    if dest.exists() and not dest.is_dir():
        return f"{dest} exists and is not a directory"
    if dest.is_dir() and any(dest.iterdir()):
        return f"{dest} is not empty: choose a new or empty directory"
    return None


def write_exercises(dest):
    out = dest / "exercises"
    out.mkdir()
    for path in sorted((ROOT / "solutions").glob("ex*.py")):
        stub = make_stubs.stub_source(path.read_text(encoding="utf-8"), path.name)
        (out / path.name).write_text(stub, encoding="utf-8")


def write_grader(dest):
    shutil.copytree(ROOT / "grader", dest / "grader", ignore=IGNORED)
    for pattern, _ in WITHHELD:
        for path in (dest / "grader").glob(pattern):
            if not path.name.endswith("_public.py"):
                path.unlink()


def shipped_targets(dest):
    return [t for t in OPTIONAL_TARGETS if (dest / t[1]).is_file()]


def write_makefile(dest, targets):
    names = " ".join(["setup", "grade", *(t[0] for t in targets)])
    help_lines = "".join(f'\t@echo "make {name:<8}  {text}"\n' for name, _, _, text, _ in targets)
    rules = "\n".join(f"{name}:\n\t{command}\n" for name, _, command, _, _ in targets)
    dest.joinpath("Makefile").write_text(f"""\
# `make setup` once, then `make grade` as often as you like.
PYTHON ?= python3
ONLY ?=

.PHONY: help {names}

help:
\t@echo "make setup     install torch and what the grader needs"
\t@echo "make grade     check exercises/ (ONLY=ex07_conv or ONLY=ex07_conv.pad2d for one part)"
{help_lines}
setup:
\t$(PYTHON) -m pip install -r requirements.txt

grade:
\t$(PYTHON) -m grader exercises $(if $(ONLY),--only $(ONLY))

{rules}""", encoding="utf-8")


def write_readme(dest, targets, modules):
    extra = "".join(f"- {t[4]}\n" for t in targets)
    listing = "".join(f"- `exercises/{m}.py`\n" for m in modules)
    dest.joinpath("README.md").write_text(f"""\
# PyTorch exercises

Fill in the functions in `exercises/`. Each one raises `NotImplementedError` until
you do; its docstring says exactly what it must compute.

{listing}
## Setup

Python 3.10 or newer on Linux or macOS, then once:

    make setup

## Check your work

    make grade                      # every module
    make grade ONLY=ex05            # one module
    make grade ONLY=ex05.softmax    # one function

`make grade` runs the public checks: small worked examples of every function,
compared with PyTorch's own result. It prints a table of points and, for the first
function that fails, what differs and why that usually happens.

The public checks are a start, not the grade. When your instructor grades, hidden
checks also run: other shapes, dtypes and devices, edge cases, numerical stability,
forbidden operations (e.g. calling `F.conv2d` inside your own convolution) and, where
asked, vectorised code. Passing every public check does not guarantee full marks.

{extra}
Edit only the files in `exercises/`; `grader/` is the checker.
""", encoding="utf-8")


def build(dest):
    dest.mkdir(parents=True, exist_ok=True)
    write_exercises(dest)
    write_grader(dest)
    if (ROOT / "tools" / "bench.py").is_file():
        (dest / "tools").mkdir()
        shutil.copy2(ROOT / "tools" / "bench.py", dest / "tools" / "bench.py")
    shutil.copy2(ROOT / "requirements.txt", dest / "requirements.txt")
    dest.joinpath(".gitignore").write_text(GITIGNORE, encoding="utf-8")
    targets = shipped_targets(dest)
    write_makefile(dest, targets)
    modules = sorted(p.stem for p in (dest / "exercises").glob("ex*.py"))
    write_readme(dest, targets, modules)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not argv[0] or argv[0].startswith("-"):
        print("usage: make release DEST=dir   (python tools/release.py DEST)", file=sys.stderr)
        return 2
    dest = Path(argv[0])
    problem = refuse(dest)
    if problem:
        print(f"release: {problem}", file=sys.stderr)
        return 2
    build(dest)
    suites = sorted((dest / "grader" / "suites").glob("test_*.py"))
    print(f"release: wrote {dest} ({len(suites)} public suites, no hidden checks, "
          "no solutions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
