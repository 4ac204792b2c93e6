"""exercises/ is generated from solutions/ and agrees with it on every signature
and docstring, also after a student has filled in the bodies."""
import ast

import pytest

from tests.conftest import ROOT
from tools import make_stubs

MODULES = sorted(p.name for p in (ROOT / "solutions").glob("ex*.py"))


def public_functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: (ast.dump(node.args), ast.dump(node.returns) if node.returns else None,
                        ast.get_docstring(node))
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")}


def test_every_module_has_a_stub():
    assert MODULES == sorted(p.name for p in (ROOT / "exercises").glob("ex*.py"))
    assert len(MODULES) == 8


@pytest.mark.parametrize("module", MODULES)
def test_signatures_and_docstrings_agree(module):
    solution = public_functions(ROOT / "solutions" / module)
    exercise = public_functions(ROOT / "exercises" / module)
    assert solution.keys() == exercise.keys()
    for name in solution:
        assert exercise[name] == solution[name], f"{module}:{name} differs"


@pytest.mark.parametrize("module", MODULES)
def test_docstrings_teach(module):
    for name, (_, _, doc) in public_functions(ROOT / "solutions" / module).items():
        for part in ("Args:", "Returns:", "Example:", "Forbidden:", ">>>"):
            assert doc and part in doc, f"{module}:{name} docstring lacks {part}"


def test_stubs_are_up_to_date():
    assert make_stubs.main(["--check"]) == 0


def test_indented_region_becomes_not_implemented():
    source = ('def f(x):\n    """Doc."""\n    # BEGIN SOLUTION\n    return x\n'
              '    # END SOLUTION\n')
    stub = make_stubs.stub_source(source, "ex00.py")
    assert 'raise NotImplementedError("f: read its docstring in exercises/ex00.py")' in stub
    assert "return x" not in stub


def test_column_zero_region_is_removed():
    source = ('# BEGIN SOLUTION\ndef _helper():\n    return 1\n# END SOLUTION\n\n\n'
              'def f():\n    """Doc."""\n    # BEGIN SOLUTION\n    return _helper()\n'
              '    # END SOLUTION\n')
    stub = make_stubs.stub_source(source, "ex00.py")
    assert "_helper" not in stub and "NotImplementedError" in stub


def test_unclosed_region_is_an_error():
    with pytest.raises(ValueError, match="never closed"):
        make_stubs.stub_source("def f():\n    # BEGIN SOLUTION\n    return 1\n", "ex00.py")


def test_every_docstring_says_when_leaving_torch_is_forbidden():
    """The ESCAPES ban applies to every function whose point is torch by hand: its
    docstring must say so, or a student using NumPy is surprised by a zero."""
    import ast
    from grader import curriculum
    missing = []
    for module, functions in curriculum.CURRICULUM.items():
        tree = ast.parse((ROOT / "solutions" / f"{module}.py").read_text())
        docs = {n.name: ast.get_docstring(n) or "" for n in tree.body
                if isinstance(n, ast.FunctionDef)}
        for function in functions:
            banned = curriculum.ESCAPES in curriculum.forbidden(module, function)
            if banned != ("leaving it for NumPy" in docs.get(function, "")):
                missing.append(f"{module}.{function}")
    assert missing == []


def _docstrings(module):
    return {name: " ".join(doc.split()) for name, (_, _, doc) in
            public_functions(ROOT / "solutions" / f"{module}.py").items()}


def test_docstrings_state_the_declared_grading_rules():
    """A time limit above QUICK and the point of the exercise (grader/curriculum.py) are
    written in the function's docstring, with the table's number: nothing a student
    could meet goes unsaid, and the two never drift apart."""
    from grader import curriculum
    wrong = []
    for module, functions in curriculum.CURRICULUM.items():
        docs = _docstrings(module)
        for function, entry in functions.items():
            doc = docs[function]
            says_time = f"each call may use {entry.cpu_seconds:g} s of CPU time" in doc
            if says_time != (entry.cpu_seconds != curriculum.QUICK) or \
                    ("Grading: each call may use" in doc and not says_time):
                wrong.append(f"{module}.{function}: time limit")
            if bool(entry.essential) != ("point of this exercise" in doc and
                                         "at most half its points" in doc):
                wrong.append(f"{module}.{function}: point of the exercise")
    assert wrong == []
