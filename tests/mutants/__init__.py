"""Wrong implementations (mutants) that prove each grader check can fail, and
correct-but-different ones (alternatives) that every check must accept.

One file per module: ``tests/mutants/ex07_conv.py``. Each entry is a plain
function decorated with the function it replaces::

    @mutant("conv2d_loops", kills=["bias_none"])
    def conv2d_loops_ignores_bias(x, weight, bias=None, stride=1, padding=0):
        ...

    @alternative("sgd")
    def sgd_d2l(params, lr, batch_size):
        ...

Its source is appended to a copy of solutions/<module>.py under the replaced
name, so it sees that module's imports and other functions. ``kills`` names
checks (without their [parameters]) that must not pass against the mutant.
"""
import importlib
import inspect
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@dataclass
class Entry:
    module: str
    function: str
    name: str
    source: str
    kills: list = field(default_factory=list)   # empty for alternatives

    @property
    def is_mutant(self):
        return bool(self.kills)


_REGISTRY = []


def _register(function, kills, fn):
    source = textwrap.dedent(inspect.getsource(fn))
    source = re.sub(r"\A(@.*\n(?:[ \t].*\n)*?)+(?=def )", "", source)  # drop decorators
    source = re.sub(rf"\bdef {fn.__name__}\(", f"def {function}(", source, count=1)
    module = fn.__module__.rsplit(".", 1)[-1]
    _REGISTRY.append(Entry(module, function, fn.__name__, source, list(kills)))
    return fn


def mutant(function, kills):
    if not kills:
        raise ValueError("a mutant must name the checks that kill it")
    return lambda fn: _register(function, kills, fn)


def alternative(function):
    return lambda fn: _register(function, (), fn)


def load_all():
    """Every Entry of every tests/mutants/ex*.py and of the mistake catalogue."""
    _REGISTRY.clear()
    for path in sorted(HERE.glob("ex*.py")):
        importlib.import_module(f"tests.mutants.{path.stem}")
        importlib.reload(importlib.import_module(f"tests.mutants.{path.stem}"))
    # the mistake catalogue's entries are mutants too (grader/diagnosis/)
    from grader import diagnosis
    catalogue = [Entry(m.module, m.function, m.name, m.source, list(m.kills))
                 for m in diagnosis.load_all()]
    seen, unique = set(), []
    for e in _REGISTRY + catalogue:
        if (e.module, e.name) not in seen:
            seen.add((e.module, e.name))
            unique.append(e)
    return unique


def build_submission(entries, directory):
    """Write solutions/ into ``directory`` with each entry's function replaced."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "solutions").glob("ex*.py")):
        text = path.read_text(encoding="utf-8")
        for e in entries:
            if e.module == path.stem:
                text += f"\n\n# mutant {e.name}\n{e.source}"
        (directory / path.name).write_text(text, encoding="utf-8")
    return directory
