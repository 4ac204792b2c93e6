"""Hostile submissions: what a student might write to get points they have not earned.

One file per category (the first part of every attack's id):

    forbidden.py  forbidden-*   a forbidden op reached by another route
    answers.py    answers-*     reaching the reference answers (solutions/, suites, memorised outputs)
    verdict.py    verdict-*     tampering with the verdict (patches, exceptions, fake reports, signals)
    fake.py       fake-*        outputs that fake equality
    resource.py   resource-*    exhausting time, memory, processes, disk

Each attack is a plain function decorated with the curriculum function it attacks::

    @attack("ex07_conv", "conv2d_loops")
    def alias(x, weight, bias=None, stride=1, padding=0):
        '''F.conv2d imported under another name.'''
        from torch.nn.functional import conv2d as c
        return c(x, weight, bias, stride, padding)

Its source, renamed to the attacked function, is appended to a copy of
solutions/<module>.py (after ``prelude``, module-level code run at import), so it
replaces the reference there for the grader's calls; the module's other functions
keep calling the reference (ISOLATE), so what they lose is the engine's doing, not
the attack's wrong answer. ``files`` adds more files to the submission directory. The attack's id is ``<category>-<name with dashes>`` and its docstring
says in one line what it tries.

In the source, ``__COMM__`` stands for a process name unique to the attack and the
test run: a process or thread the attack may leave behind names itself so
(NAME_SELF), and the test looks for that name after grading. ``__TOKEN__`` is a
string unique to the test run, ``__SCRATCH__`` a directory of the attack's own that
trusted code may write (the worker cannot: its filesystems are read-only); what the
worker has to tell the test it puts in an exception message, which reaches the
report. A ``setup``
returns more such replacements (computed before grading); a ``context`` is held open
while the rounds are graded; a ``verify`` checks what only the attack knows about
(the grading run's proc, the scratch directory) and raises AssertionError; a
``cleanup`` removes what the attack may have left outside its scratch directory.

Every attack must end with its function scoring 0 (what an honest stub scores) and
every other function of its module scoring what the reference scores.
"""
import ast
import importlib
import inspect
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATEGORIES = ("forbidden", "answers", "verdict", "fake", "resource")

# Prelude for attacks that leave processes or threads behind.
NAME_SELF = '''
def _hostile_name_me():
    """Names the calling thread __COMM__ (its /proc/<pid>/task/<tid>/comm)."""
    import ctypes
    ctypes.CDLL(None).prctl(15, b"__COMM__", 0, 0, 0)     # PR_SET_NAME
'''


@dataclass
class Attack:
    id: str
    category: str
    module: str
    function: str
    doc: str
    source: str
    files: dict = field(default_factory=dict)
    solo: bool = False          # alone in its grading run (it may starve its session)
    lingers: bool = False       # may leave processes or threads named __COMM__ behind
    setup: object = None        # setup(scratch: Path) -> {placeholder: text}
    context: object = None      # context(scratch: Path) -> a context manager
    verify: object = None       # verify(result, scratch: Path); raises AssertionError
    cleanup: object = None      # cleanup(scratch: Path): undoes what the attack may have left
    requires: tuple = ()        # modules the test process must be able to import

    def __repr__(self):
        return self.id


_REGISTRY = []


def attack(module, function, *, prelude="", files=None, solo=False, lingers=False,
           setup=None, context=None, verify=None, cleanup=None, requires=()):
    def register(fn):
        category = fn.__module__.rsplit(".", 1)[-1]
        assert category in CATEGORIES, category
        doc = inspect.getdoc(fn)
        assert doc and "\n" not in doc, f"{fn.__name__}: give the attack a one-line docstring"
        _REGISTRY.append(Attack(
            id=f"{category}-{fn.__name__.replace('_', '-')}", category=category,
            module=module, function=function, doc=doc,
            source=_source(fn, function, textwrap.dedent(prelude)), files=dict(files or {}),
            solo=solo, lingers=lingers, setup=setup, context=context, verify=verify,
            cleanup=cleanup, requires=tuple(requires)))
        return fn
    return register


def _source(fn, name, prelude):
    """The function's own text (decorators dropped) under ``name``, after ``prelude``."""
    text = textwrap.dedent(inspect.getsource(fn))
    node = ast.parse(text).body[0]
    lines = text.splitlines(keepends=True)[node.lineno - 1:]   # from the def line on
    lines[0] = lines[0].replace(f"def {fn.__name__}(", f"def {name}(", 1)
    return prelude + "\n\n" + "".join(lines)


def load_all():
    """Every attack of every category, in file order."""
    _REGISTRY.clear()
    for category in CATEGORIES:
        name = f"tests.hostile.{category}"
        if name in sys.modules:
            importlib.reload(sys.modules[name])
        else:
            importlib.import_module(name)
    ids = [a.id for a in _REGISTRY]
    assert len(ids) == len(set(ids)), "two attacks share an id"
    return list(_REGISTRY)


def fill(text, replacements):
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


# Appended after an attack: the module's other functions (and its helpers) keep calling
# the reference version of the attacked function, so only the grader's own calls reach
# the attack and any point another function loses is the engine's doing.
WRITE_ON_SOCKET = '''
def _hostile_write_on_socket(message):
    """``message`` framed as the worker frames a reply, written on every socket it has."""
    import io as _io
    import os as _os
    import stat as _stat
    import struct as _struct
    buf = _io.BytesIO()
    torch.save(message, buf)
    blob = buf.getvalue()
    for fd in range(3, 256):
        try:
            if _stat.S_ISSOCK(_os.fstat(fd).st_mode):
                _os.write(fd, _struct.pack("!Q", len(blob)) + blob)
        except OSError:
            pass
'''

ISOLATE = '''

def _hostile_isolate(attacked, reference):
    import types
    shadow = dict(globals())
    shadow[attacked] = reference
    for name, fn in list(globals().items()):
        if isinstance(fn, types.FunctionType) and fn.__module__ == __name__ \\
                and name not in (attacked, "_hostile_isolate"):
            clone = types.FunctionType(fn.__code__, shadow, fn.__name__, fn.__defaults__,
                                       fn.__closure__)
            clone.__kwdefaults__, clone.__doc__ = fn.__kwdefaults__, fn.__doc__
            shadow[name] = globals()[name] = clone
'''


def build_submission(attacks, directory, replacements):
    """solutions/ copied into ``directory`` with each attack applied;
    ``replacements``: attack id -> {placeholder: text}."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "solutions").glob("ex*.py")):
        text = path.read_text(encoding="utf-8")
        for a in attacks:
            if a.module == path.stem:
                text += (f"\n\n# ---- hostile attack {a.id} ----\n"
                         f"_hostile_reference = {a.function}\n"
                         + fill(a.source, replacements[a.id])
                         + ISOLATE + f"\n_hostile_isolate({a.function!r}, _hostile_reference)\n")
        (directory / path.name).write_text(text, encoding="utf-8")
    for a in attacks:
        for name, content in a.files.items():
            assert not (directory / name).exists(), f"{a.id}: {name} is already there"
            (directory / name).write_text(fill(textwrap.dedent(content), replacements[a.id]),
                                          encoding="utf-8")
    return directory


def rounds(attacks):
    """Grading runs: at most one attack per module in each (they cannot interfere),
    a solo attack alone."""
    solo = [[a] for a in attacks if a.solo]
    by_module = {}
    for a in attacks:
        if not a.solo:
            by_module.setdefault(a.module, []).append(a)
    depth = max((len(v) for v in by_module.values()), default=0)
    return [[v[i] for v in by_module.values() if i < len(v)] for i in range(depth)] + solo
