"""Generate notebooks/ (one Jupyter notebook per module) from exercises/.

Each notebook: the module's docstring, a cell of its imports, then per function a
markdown cell (its description) and a code cell (its stub: signature, docstring,
raise NotImplementedError), and last a cell that grades the notebook. Generated
only, never edited by hand; the output is the same bytes on every run.

    python tools/make_notebooks.py            # write notebooks/
    python tools/make_notebooks.py --check    # exit 1 if notebooks/ is out of date
"""
import argparse
import ast
import inspect
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from grader import curriculum  # noqa: E402
from grader.engine.notebook import MARKER  # noqa: E402

SECTIONS = ("Args:", "Returns:", "Yields:", "Raises:", "Example:", "Examples:", "Forbidden:")
GRADE_CELL = '''\
{marker} (and skips it). Save the notebook first (Ctrl-S):
# the grader reads the saved file, not this kernel. Then run this cell.
import pathlib, subprocess, sys
here = pathlib.Path.cwd()
root = next((p for p in [here, *here.parents] if (p / "grader" / "cli.py").is_file()), None)
if root is None:
    print(f"The course's grader/ is not in {{here}} or above it. Keep this notebook in the "
          "course repository's notebooks/ folder, or grade it from the repository with\\n"
          "    python -m grader FOLDER_OF_THIS_NOTEBOOK --only {module}")
else:
    graded = subprocess.run([sys.executable, "-m", "grader", str(here), "--only", "{module}"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(graded.stdout)'''


def notebook_for(path):
    """The notebook of the exercise module at ``path`` (a NotebookNode)."""
    source = path.read_text(encoding="utf-8")
    tree, module = ast.parse(source), path.stem
    cells = [new_markdown_cell(_module_markdown(ast.get_docstring(tree) or module), id="intro")]
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    if imports:
        cells.append(new_code_cell("\n".join(_segment(source, n) for n in imports), id="imports"))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            code = _segment(source, node).replace(f"exercises/{path.name}", "this notebook")
            cells += [new_markdown_cell(_function_markdown(node, module), id=f"{node.name}-text"),
                      new_code_cell(code, id=node.name)]
        elif node not in imports and not _is_docstring(node, tree):
            cells.append(new_code_cell(_segment(source, node), id=f"line-{node.lineno}"))
    cells.append(new_markdown_cell("## Grade\n\nSave the notebook (Ctrl-S), then run the cell "
                                   "below: the course's grader checks the functions of the saved "
                                   "file, as `make grade` checks exercises/.", id="grade-text"))
    cells.append(new_code_cell(GRADE_CELL.format(marker=MARKER, module=module), id="grade"))
    notebook = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nbformat.validate(notebook)
    return notebook


def _module_markdown(doc):
    title, _, rest = doc.partition("\n")
    return (f"# {title.strip()}\n\n{rest.strip()}\n\n"
            "Fill in every function below (each raises NotImplementedError until you do), run "
            "its cell, and grade the notebook with the last cell.").replace("\n\n\n", "\n\n")


def _function_markdown(node, module):
    points = curriculum.CURRICULUM.get(module, {}).get(node.name, (None,))[0]
    doc = inspect.cleandoc(ast.get_docstring(node) or "")
    lines = []
    for line in doc.splitlines():
        if line.strip() in SECTIONS:
            break
        lines.append(line)
    heading = f"## `{node.name}`" + (f" ({points} point{'s' * (points != 1)})" if points else "")
    return f"{heading}\n\n" + "\n".join(lines).strip()


def _segment(source, node):
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "".join(source.splitlines(True)[first - 1: node.end_lineno]).rstrip()


def _is_docstring(node, tree):
    return node is tree.body[0] and isinstance(node, ast.Expr) \
        and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _check(expected, out):
    stale = [n for n in expected if not (out / n).is_file()
             or (out / n).read_text(encoding="utf-8") != expected[n]]
    extra = sorted(p.name for p in out.glob("ex*.ipynb") if p.name not in expected)
    if stale:
        print(f"notebooks/ is out of date for {', '.join(stale)}: run `make notebooks`",
              file=sys.stderr)
    if extra:
        print(f"notebooks/ holds {', '.join(extra)}, which no module of exercises/ generates: "
              "remove it", file=sys.stderr)
    return 1 if stale or extra else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if notebooks/ is out of date")
    parser.add_argument("--exercises", type=Path, default=ROOT / "exercises")
    parser.add_argument("--out", type=Path, default=ROOT / "notebooks")
    args = parser.parse_args(argv)
    expected = {path.stem + ".ipynb": nbformat.writes(notebook_for(path)) + "\n"
                for path in sorted(args.exercises.glob("ex*.py"))}
    if args.check:
        return _check(expected, args.out)
    args.out.mkdir(exist_ok=True)
    for name, text in expected.items():
        (args.out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
