"""make release: a student repository with stubs and public checks, and nothing secret.

The release is built once (tools/release.py, as `make release DEST=...` runs it) and
searched for every solution region and every hidden check name; then it is graded
inside itself, as a student would, with the stubs and with the solutions copied in.
"""
import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import curriculum
from grader.engine.scoring import SIDE_PROPERTY

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "grader" / "suites"
NOTICE = "the hidden checks run when your instructor grades"


def release_tool(dest):
    return subprocess.run([sys.executable, "tools/release.py", str(dest)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    dest = tmp_path_factory.mktemp("release") / "student-repo"
    proc = release_tool(dest)
    assert proc.returncode == 0, proc.stderr
    return dest


def release_texts(release):
    return {p.relative_to(release).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in release.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def grade_inside(release, tmp_path):
    """`python -m grader exercises` run in the release, as a student runs it."""
    out = tmp_path / "report.json"
    proc = subprocess.run([sys.executable, "-m", "grader", "exercises", "--json", str(out)],
                          cwd=release, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text()), proc


# -- nothing secret ------------------------------------------------------------------
def _code(line):
    """A line without indentation and trailing comment."""
    return re.sub(r"\s+#.*$", "", line.strip())


def solution_regions():
    """(file, non-trivial lines) of every `# BEGIN SOLUTION` region. Trivial: comments,
    imports, short lines and code the stubs show anyway (docstrings quote some)."""
    stubs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "exercises").glob("ex*.py"))
    regions = []
    for path in sorted((ROOT / "solutions").glob("ex*.py")):
        region = None
        for line in path.read_text(encoding="utf-8").splitlines():
            text = _code(line)
            if text == "# BEGIN SOLUTION":
                region = []
            elif text == "# END SOLUTION":
                regions.append((path.name, region))
                region = None
            elif region is not None and len(text) >= 12 and not text.startswith("#") \
                    and not re.match(r"(import|from) \w", text) and text not in stubs:
                region.append(text)
    return [(name, lines) for name, lines in regions if lines]


def test_no_solution_region_in_the_release(release):
    regions = solution_regions()
    assert len(regions) >= len(curriculum.all_functions())
    leaks = []
    for name, lines in regions:
        for path, text in release_texts(release).items():
            found = [line for line in lines if line in text]
            # a one-line body is the whole solution; a longer one leaks from two lines on
            # (a hint may quote one formula, e.g. `p -= lr * p.grad / batch_size`)
            if len(found) >= min(2, len(lines)):
                leaks.append(f"{path}: {name} region {found}")
    assert not leaks, "\n".join(leaks)
    assert not (release / "solutions").exists() and not (release / "tests").exists()


def hidden_check_names():
    names = set()
    for path in SUITES.glob("test_ex*.py"):
        if not path.stem.endswith("_public"):
            names |= {node.name.removeprefix("test_") for node in ast.walk(ast.parse(
                path.read_text(encoding="utf-8"))) if isinstance(node, ast.FunctionDef)
                and node.name.startswith("test_")}
    return names


def test_no_hidden_check_name_in_the_release(release):
    names = hidden_check_names()
    assert len(names) > 50
    # the scoring rule's own words (`unchanged`, `returns_detached`, ...) are the
    # engine's vocabulary, shipped with it; every other name must not appear at all
    vocabulary = set(SIDE_PROPERTY.pattern.split("|"))
    # so are the checks the curriculum declares essential: the docstrings say what they test
    vocabulary |= {e.essential for fns in curriculum.CURRICULUM.values() for e in fns.values()}
    leaks = []
    for name in sorted(names - vocabulary):
        # one English word (`majority`) is only a leak as a check: test_majority
        word = name if "_" in name else f"test_{name}"
        pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])")
        leaks += [f"{path}: {name}" for path, text in release_texts(release).items()
                  if pattern.search(text)]
    assert not leaks, "\n".join(leaks)
    shipped = sorted(p.name for p in (release / "grader" / "suites").glob("test_*.py"))
    assert shipped == sorted(f"test_{m}_public.py" for m in curriculum.CURRICULUM)


# -- graded inside the release -------------------------------------------------------
def test_stubs_graded_with_public_checks_only(release, tmp_path):
    report, proc = grade_inside(release, tmp_path)
    checks = [c for f in report["functions"] for c in f["checks"]]
    assert checks and {c["visibility"] for c in checks} == {"public"}
    assert {(f["module"], f["function"]) for f in report["functions"]
            if f["checks"]} == set(curriculum.all_functions())
    assert report["score"] == 0
    assert NOTICE in proc.stdout.strip().splitlines()[-1]


def test_solutions_pass_every_public_check_in_the_release(release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    for path in (ROOT / "solutions").glob("ex*.py"):
        shutil.copy(path, copy / "exercises" / path.name)
    report, proc = grade_inside(copy, tmp_path)
    failed = [(f["function"], c["name"], c["message"]) for f in report["functions"]
              for c in f["checks"] if c["status"] not in ("passed", "skipped")]
    assert not failed and report["score"] == 100
    assert NOTICE in proc.stdout


def test_student_makefile_and_readme(release):
    makefile = (release / "Makefile").read_text()
    assert "\nsetup:" in makefile and "\ngrade:" in makefile
    # each optional target exactly when the file it runs is shipped
    for target, needs in (("hint", "grader/hints.py"), ("watch", "grader/watch.py"),
                          ("bench", "tools/bench.py")):
        assert (f"\n{target}:" in makefile) == (release / needs).is_file(), target
    assert "release" not in makefile and "test:" not in makefile and "stubs" not in makefile
    readme = " ".join((release / "README.md").read_text().split())
    assert "make grade" in readme and "hidden checks" in readme
    proc = subprocess.run(["make", "--no-print-directory", "-n", "grade", "PYTHON=python3"], cwd=release,
                          capture_output=True, text=True, timeout=30)
    assert proc.stdout.strip() == "python3 -m grader exercises"


# -- refusals --------------------------------------------------------------------------
def test_refuses_a_non_empty_destination(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    proc = release_tool(tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "not empty" in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_refuses_a_destination_inside_the_project():
    dest = ROOT / "build" / "release-inside"
    proc = release_tool(dest)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "inside the project" in proc.stderr
    assert not dest.exists()


def test_refuses_without_a_destination():
    proc = subprocess.run([sys.executable, "tools/release.py"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "usage" in proc.stderr
