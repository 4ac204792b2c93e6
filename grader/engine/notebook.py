"""Notebook submissions: ``exNN_name.ipynb`` is graded like ``exNN_name.py``.

Session copies the submission, then ``convert`` turns each notebook into a module
in that copy: every code cell is written to a file of its own, named
``exNN_name.ipynb, cell N`` (N counts every cell from the top, from 1), and a
small ``exNN_name.py`` runs them in order in one namespace, as Jupyter does. A
traceback therefore names the notebook, the cell and the line in that cell.

What is left out of a cell: IPython syntax that is not Python (``%magic`` and
``!shell`` lines, ``x = !cmd``, ``name?`` help; a ``%%cell magic`` drops the whole
cell) and the cell that grades the notebook (it holds ``MARKER``).
"""
import re
from pathlib import Path

from .. import curriculum
from ..i18n import t

MARKER = "# grader: this cell grades the notebook"
MAX_BYTES = 64 << 20    # parsed in the trusted process: a bigger notebook is refused
_ESCAPE = re.compile(r"""^\s*(?:[\w.,\[\]\s]*=\s*)?   # optional "x = " (x = !ls, t = %timeit ...)
                         (?:%[A-Za-z] | !(?!=)          # %magic, !shell (but not "% (a, b)", "!= b")
                          | \?{1,2}[\w.]+\s*$ | [\w.]+\?{1,2}\s*$)   # ?name, name? (help)
                     """, re.VERBOSE)
_WRAPPER = '''\
# The code cells of {notebook}, run in order in one namespace (grader/engine/notebook.py).
import pathlib as _pathlib
for _cell in {cells!r}:
    _cell = _pathlib.Path(__file__).with_name(_cell)
    try:
        exec(compile(_cell.read_text(encoding="utf-8"), str(_cell), "exec"))
    except BaseException as _error:
        _error.__traceback__ = _error.__traceback__.tb_next   # start at the cell's frame
        raise
'''


class NotebookError(Exception):
    """The file is not a notebook this grader can read; the message names it."""


def code_cells(path):
    """[(cell number from 1, Python source)] of the notebook at ``path``, IPython
    syntax and the grading cell removed."""
    path = Path(path)
    cells = []
    for number, cell in enumerate(_read(path), 1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if MARKER in source or source.lstrip().startswith("%%"):
            continue
        cells.append((number, "".join(_python_line(line) for line in source.splitlines(True))))
    return cells


def module_source(path):
    """The notebook's code as one module's source (what the grader runs, joined)."""
    return "\n".join(f"# cell {number}\n{source.rstrip()}\n" for number, source in code_cells(path))


def convert(submission, copy):
    """Write a module into ``copy`` for every exercise that ``submission`` holds only
    as a notebook (a .py of the same name wins). Returns {module: why it cannot be
    read} for the notebooks that are broken."""
    broken = {}
    for module in curriculum.CURRICULUM:
        path = Path(submission) / f"{module}.ipynb"
        if not path.is_file() or (Path(submission) / f"{module}.py").exists():
            continue
        try:
            cells = code_cells(path)
        except NotebookError as e:
            broken[module] = str(e)
            continue
        names = []
        for number, source in cells:
            names.append(f"{path.name}, cell {number}")
            _write(Path(copy) / names[-1], source)
        _write(Path(copy) / f"{module}.py", _WRAPPER.format(notebook=path.name, cells=names))
    return broken


def _python_line(line):
    """``line``, or ``pass`` at its indentation when it is IPython syntax (so the
    block around it stays valid and later line numbers do not move)."""
    if not _ESCAPE.match(line):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    return f"{indent}pass\n"


def _read(path):
    try:
        import nbformat
    except ImportError:
        raise NotebookError(t("notebook.needs_nbformat", name=path.name)) from None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(t("notebook.too_large", size=MAX_BYTES >> 20))
        notebook = nbformat.read(path, as_version=4)
        cells = notebook["cells"]
        if not isinstance(cells, list) or not all(isinstance(c, dict) for c in cells):
            raise ValueError(t("notebook.cells_not_a_list"))
        return cells
    except Exception as e:  # noqa: BLE001 (nbformat fails on odd input in many ways)
        reason = (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
        raise NotebookError(t("notebook.unreadable", name=path.name, reason=reason)) from None


def _write(path, text):
    path.write_text(text, encoding="utf-8", errors="backslashreplace")   # lone surrogates
    path.chmod(0o644)   # readable by the sandboxed worker's uid
