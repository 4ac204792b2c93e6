"""Generate exercises/ (student stubs) from solutions/, the one source of truth.

In a solution file, code between ``# BEGIN SOLUTION`` and ``# END SOLUTION``:
- indented (inside a function): replaced by ``raise NotImplementedError(...)``
  pointing at the function's docstring;
- at column 0 (a helper or an import only the solution needs): removed.

    python tools/make_stubs.py            # write exercises/
    python tools/make_stubs.py --check    # exit 1 if exercises/ is out of date
"""
import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "# BEGIN SOLUTION", "# END SOLUTION"
HEADER = "# Generated from solutions/ by `make stubs`: fill in every NotImplementedError.\n"


def stub_source(source, filename):
    lines, out, region = source.splitlines(keepends=True), [], None
    functions = _function_at_line(source)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped == BEGIN:
            if region is not None:
                raise ValueError(f"{filename}:{number}: nested {BEGIN}")
            region = line[: len(line) - len(line.lstrip())]
            if region:
                name = functions.get(number, "this function")
                out.append(f'{region}raise NotImplementedError('
                           f'"{name}: read its docstring in exercises/{filename}")\n')
        elif stripped == END:
            if region is None:
                raise ValueError(f"{filename}:{number}: {END} without {BEGIN}")
            region = None
        elif region is None:
            out.append(line)
    if region is not None:
        raise ValueError(f"{filename}: {BEGIN} never closed")
    text = re.sub(r"\n{3,}(?=\S)", "\n\n\n", "".join(out))
    ast.parse(text, filename)
    return HEADER + text


def _function_at_line(source):
    """{line number: name of the innermost function containing it}."""
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                if line not in found or found[line][0] < node.lineno:
                    found[line] = (node.lineno, node.name)
    return {line: name for line, (_, name) in found.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--solutions", type=Path, default=ROOT / "solutions")
    parser.add_argument("--out", type=Path, default=ROOT / "exercises")
    args = parser.parse_args(argv)
    stale = []
    args.out.mkdir(exist_ok=True)
    for path in sorted(args.solutions.glob("ex*.py")):
        stub = stub_source(path.read_text(encoding="utf-8"), path.name)
        target = args.out / path.name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != stub:
                stale.append(target.name)
        else:
            target.write_text(stub, encoding="utf-8")
    if stale:
        print(f"exercises/ is out of date for {', '.join(stale)}: run `make stubs`",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
