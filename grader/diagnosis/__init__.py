"""The mistake catalogue: classic wrong implementations, one file per module.

Each entry is a plain function decorated with the function it stands in for, the
checks that must reject it and, implicitly, its description: the message
``diagnosis.<module>.<entry name>`` of grader/i18n/<lang>/diagnosis.py::

    @mistake("softmax", kills=["large_logits"])
    def softmax_without_max(logits, dim=-1):
        e = logits.exp()
        return e / e.sum(dim=dim, keepdim=True)

Its source runs in the namespace of solutions/<module>.py (that module's imports
and reference functions), both in the grader (grader/engine/diagnose.py: when a
check fails, is the student's output what an entry gives?) and in tests/mutants
(every entry is also a mutant its checks must kill).
"""
import importlib
import inspect
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Mistake:
    module: str
    function: str
    name: str
    source: str
    kills: list

    @property
    def message_id(self):
        return f"diagnosis.{self.module}.{self.name}"


_REGISTRY = []


def mistake(function, kills):
    if not kills:
        raise ValueError("a mistake must name the checks that reject it")

    def register(fn):
        source = textwrap.dedent(inspect.getsource(fn))
        source = re.sub(r"\A(@.*\n(?:[ \t].*\n)*?)+(?=def )", "", source)  # drop decorators
        source = re.sub(rf"\bdef {fn.__name__}\(", f"def {function}(", source, count=1)
        module = fn.__module__.rsplit(".", 1)[-1]
        _REGISTRY.append(Mistake(module, function, fn.__name__, source, list(kills)))
        return fn
    return register


def load_all():
    """Every Mistake of every grader/diagnosis/ex*.py, in file order."""
    for path in sorted(HERE.glob("ex*.py")):
        importlib.import_module(f"{__name__}.{path.stem}")
    seen, unique = set(), []
    for m in _REGISTRY:
        if (m.module, m.name) not in seen:
            seen.add((m.module, m.name))
            unique.append(m)
    return unique


def for_function(module, function):
    return [m for m in load_all() if m.module == module and m.function == function]
