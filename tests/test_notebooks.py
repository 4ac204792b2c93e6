"""Notebooks: notebooks/ is generated from exercises/ (tools/make_notebooks.py), and
the grader accepts exNN_name.ipynb in place of exNN_name.py."""
import ast
import json
import re
import subprocess
import sys

import nbformat
import pytest

from grader import curriculum
from grader.engine import notebook
from tests.conftest import ROOT, function_entry, grade

TOOL = [sys.executable, str(ROOT / "tools" / "make_notebooks.py")]
MODULES = list(curriculum.CURRICULUM)


def make_notebooks(*args):
    return subprocess.run([*TOOL, *map(str, args)], capture_output=True, text=True, timeout=60)


def generated(module):
    return nbformat.read(ROOT / "notebooks" / f"{module}.ipynb", as_version=4)


def solved(module):
    """The generated notebook of ``module`` with every stub filled in from solutions/."""
    nb = generated(module)
    source = (ROOT / "solutions" / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = {n.name: ast.get_source_segment(source, n) for n in tree.body
                 if isinstance(n, ast.FunctionDef) and n.name in curriculum.CURRICULUM[module]}
    rest = [ast.get_source_segment(source, n) for n in tree.body[1:]
            if not (isinstance(n, ast.FunctionDef) and n.name in functions)]
    for cell in nb.cells:
        if cell.id == "imports":
            cell.source = "\n\n".join(rest)     # imports and the solution's own helpers
        elif cell.id in functions:
            cell.source = functions.pop(cell.id)
    assert not functions, f"no cell for {sorted(functions)}"
    return nb


def cell_number(nb, cell_id):
    return next(i for i, cell in enumerate(nb.cells, 1) if cell.id == cell_id)


def full_marks(module):
    return sum(e.points for e in curriculum.CURRICULUM[module].values())


# -- generation -------------------------------------------------------------------
def test_generation_is_deterministic_valid_and_current(tmp_path):
    for out in ("a", "b"):
        assert make_notebooks("--out", tmp_path / out).returncode == 0
    for module in MODULES:
        first = (tmp_path / "a" / f"{module}.ipynb").read_bytes()
        assert first == (tmp_path / "b" / f"{module}.ipynb").read_bytes(), module
        nb = nbformat.reads(first.decode(), as_version=4)
        nbformat.validate(nb)
        ids = [cell.id for cell in nb.cells]
        assert ids[:2] == ["intro", "imports"] and ids[-1] == "grade", module
        for function in curriculum.CURRICULUM[module]:
            code = nb.cells[ids.index(function)].source
            assert code.startswith(f"def {function}(") and "raise NotImplementedError" in code
        assert notebook.MARKER in nb.cells[-1].source and f'"--only", "{module}"' in nb.cells[-1].source
    checked = make_notebooks("--check")
    assert checked.returncode == 0, checked.stderr   # notebooks/ in the repository is current


def test_check_detects_a_stale_missing_or_extra_notebook(tmp_path):
    assert make_notebooks("--out", tmp_path).returncode == 0
    assert make_notebooks("--check", "--out", tmp_path).returncode == 0
    nb = nbformat.read(tmp_path / "ex07_conv.ipynb", as_version=4)
    nb.cells[0].source += "\nEdited by hand."
    nbformat.write(nb, tmp_path / "ex07_conv.ipynb")
    (tmp_path / "ex02_gradient_descent.ipynb").unlink()
    (tmp_path / "ex99_old.ipynb").write_text("{}")
    checked = make_notebooks("--check", "--out", tmp_path)
    assert checked.returncode == 1
    assert "ex02_gradient_descent.ipynb, ex07_conv.ipynb: run `make notebooks`" in checked.stderr
    assert "ex99_old.ipynb" in checked.stderr and "ex04" not in checked.stderr


# -- reading a notebook -------------------------------------------------------------
def test_extraction_strips_ipython_syntax_and_the_grading_cell(tmp_path):
    cells = [nbformat.v4.new_markdown_cell("!not code"),
             nbformat.v4.new_code_cell("%matplotlib inline\nimport torch\n!pip install torch\n"
                                       "files = !ls\nt = %timeit -o 1\ntorch.sum?\n"
                                       "if files != 1:\n    %time x = 1\n"
                                       "s = ('%d'\n     % 3)\n"),
             nbformat.v4.new_code_cell("%%time\nthis cell is dropped"),
             nbformat.v4.new_code_cell("def f():\n    return 2"),
             nbformat.v4.new_code_cell(f"{notebook.MARKER}\nimport subprocess")]
    path = tmp_path / "ex01_tensors.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    assert notebook.code_cells(path) == [
        (2, "pass\nimport torch\npass\npass\npass\npass\n"
            "if files != 1:\n    pass\ns = ('%d'\n     % 3)\n"),
        (4, "def f():\n    return 2")]
    compile(notebook.module_source(path), "module", "exec")


@pytest.fixture(scope="module")
def notebook_submission(tmp_path_factory):
    """One grading run over notebooks: ex04 solved (with IPython lines), ex07 not
    JSON, ex08 an unsupported nbformat, ex01 both a stub .py and a solved .ipynb,
    ex02.numerical_gradient raising in a helper."""
    folder = tmp_path_factory.mktemp("notebooks")
    nb = solved("ex04_activations")
    nb.cells.insert(2, nbformat.v4.new_code_cell("%matplotlib inline\n!nvidia-smi\nout = !ls",
                                                 id="magics"))
    nbformat.write(nb, folder / "ex04_activations.ipynb")
    (folder / "ex07_conv.ipynb").write_text("this is not JSON")
    (folder / "ex08_knn.ipynb").write_text(json.dumps({"nbformat": 99, "cells": []}))
    nbformat.write(solved("ex01_tensors"), folder / "ex01_tensors.ipynb")
    (folder / "ex01_tensors.py").write_text((ROOT / "exercises" / "ex01_tensors.py").read_text())
    nb = generated("ex02_gradient_descent")
    nb.cells[cell_number(nb, "numerical_gradient") - 1].source = \
        "def first(x):\n    return x[10**6]\n\ndef numerical_gradient(f, x, h=1e-5):\n    return first(x)"
    nbformat.write(nb, folder / "ex02_gradient_descent.ipynb")
    report, proc = grade(folder, "ex04_activations", "ex07_conv", "ex08_knn", "ex01_tensors",
                         "ex02_gradient_descent.numerical_gradient")
    return report, proc, nb


def module_score(report, module):
    return sum(f["score"] for f in report["functions"] if f["module"] == module)


def test_a_solved_notebook_scores_full_marks(notebook_submission):
    report, _, _ = notebook_submission
    assert module_score(report, "ex04_activations") == full_marks("ex04_activations")


@pytest.mark.parametrize("module, reason", [("ex07_conv", "does not appear to be JSON"),
                                            ("ex08_knn", "Unsupported nbformat version 99")])
def test_a_malformed_notebook_costs_only_its_module(notebook_submission, module, reason):
    report, proc, _ = notebook_submission
    error = next(e["message"] for e in report["errors"] if e["module"] == module)
    assert f"{module}.ipynb is not a notebook the grader can read" in error and reason in error
    checks = [c for f in report["functions"] if f["module"] == module for c in f["checks"]]
    assert checks and all(c["status"] in ("error", "skipped") for c in checks)
    assert module_score(report, module) == 0
    assert "Traceback" not in proc.stderr


def test_the_py_file_wins_over_the_notebook(notebook_submission):
    report, _, _ = notebook_submission
    assert module_score(report, "ex01_tensors") == 0   # the stub .py, not the solved .ipynb
    entry = function_entry(report, "ex01_tensors", "flatten_images")
    assert "not implemented yet" in entry["checks"][0]["message"]


def test_a_traceback_names_the_notebook_and_the_cell(notebook_submission):
    report, _, nb = notebook_submission
    message = function_entry(report, "ex02_gradient_descent", "numerical_gradient")["checks"][0]["message"]
    cell = cell_number(nb, "numerical_gradient")
    assert f"ex02_gradient_descent.ipynb, cell {cell}:5 in numerical_gradient" in message
    assert f"ex02_gradient_descent.ipynb, cell {cell}:2 in first\n    return x[10**6]" in message
    assert "IndexError" in message and "ex02_gradient_descent.py" not in message


def test_a_folder_of_notebooks_is_a_submission(tmp_path):
    nbformat.write(generated("ex08_knn"), tmp_path / "ex08_knn.ipynb")
    report, _ = grade(tmp_path, "ex08_knn.knn_vote")
    assert function_entry(report, "ex08_knn", "knn_vote")["score"] == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = subprocess.run([sys.executable, "-m", "grader", str(empty)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "not a submission" in proc.stderr


# -- in Jupyter ---------------------------------------------------------------------
def test_a_solved_notebook_grades_itself_in_a_jupyter_kernel(tmp_path):
    nbclient = pytest.importorskip("nbclient", reason="pip install -r requirements-dev.txt")
    (tmp_path / "grader").symlink_to(ROOT / "grader")   # a course repository around notebooks/
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = solved("ex04_activations")
    nbformat.write(nb, folder / "ex04_activations.ipynb")   # as the student saves it
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}}).execute()
    printed = "".join(out.get("text", "") for out in nb.cells[-1].outputs)
    score = re.search(r"^ex04_activations\s+([\d.]+) / (\d+)$", printed, re.M)
    assert score, printed
    assert float(score[1]) == int(score[2]) == full_marks("ex04_activations"), printed


def test_the_grading_cell_says_what_to_do_outside_the_repository(tmp_path):
    cell = generated("ex04_activations").cells[-1].source
    proc = subprocess.run([sys.executable, "-c", cell], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0
    assert "grader/ is not in" in proc.stdout
    assert "python -m grader FOLDER_OF_THIS_NOTEBOOK --only ex04_activations" in proc.stdout
