"""The pytest side of the engine: fixtures for the suites and the outcome collector.

The suites (grader/suites/test_*.py) run in the trusted process. They ask for:
- ``student``: calls into the submission's module (through the Session's worker),
  ``student.conv2d_loops(...)`` returns the value, ``student.run("sgd", ...)``
  the whole Call (arguments after the call, op trace, stdout);
- ``device`` (cpu, and cuda when present) and ``dtype`` (float32, float64);
- ``rng``: a torch.Generator seeded from the check's name and the run's seed; a
  check that asks for it is "seeded" (scoring.py: its inputs cannot be known in advance).
Each check declares the function it grades with ``@pytest.mark.grades("name")``.
"""
import builtins
import hashlib
from dataclasses import dataclass

import pytest
import torch

from .. import curriculum
from . import diagnose, forbidden
from .session import StudentError

CUDA = torch.cuda.is_available()
# references must not lose digits to TF32 either (cuDNN convolutions default to it)
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False


class ForbiddenOp(AssertionError):
    pass


@dataclass
class CheckResult:
    module: str
    function: str
    name: str
    status: str = "failed"      # passed | failed | error | skipped
    message: str = "the check did not run"
    stdout: str = ""
    visibility: str = "hidden"  # hidden | public (@pytest.mark.public: shipped to students)
    seeded: bool = False        # its inputs come from ``rng``, so from the run's seed


class Student:
    """The submission's module as a check sees it."""

    def __init__(self, state, module, function):
        self._state, self._module, self._function = state, module, function

    def run(self, function, *args, backward=None, **kwargs):
        # a function with nothing of its own to forbid runs untraced (tracing costs
        # ~10 us a torch call, seconds for an optimiser loop)
        # a copy of the inputs as given, for the mistake diagnosis (the worker may edit them)
        inputs = diagnose.keep(args, kwargs) if backward is None else None
        entry = curriculum.CURRICULUM[self._module][function]
        call = self._state.session.call(self._module, function, args, kwargs,
                                        cpu_seconds=entry.cpu_seconds, backward=backward,
                                        trace=bool(entry.bans))
        self._state.last_stdout = call.stdout
        found = forbidden.violations(self._module, function, call.ops)
        if found:
            self._state.violations.setdefault((self._module, function), found[0][1])
            raise ForbiddenOp(forbidden.message(function, found))
        self._state.last_call = (self._module, function, inputs, call)
        return call

    def __getattr__(self, function):
        if function.startswith("_"):
            raise AttributeError(function)
        return lambda *args, **kwargs: self.run(function, *args, **kwargs).result


class Collector:
    """Registered as a plugin: records one CheckResult per collected check."""

    def __init__(self, session, seed=0, only=(), progress=None):
        self.session, self.seed, self.only, self.progress = session, seed, only, progress
        self.results = {}           # nodeid -> CheckResult, in collection order
        self.violations = {}        # (module, function) -> op display name
        self.last_stdout = ""
        self.last_call = None       # (module, function, inputs, Call) of the check's last call
        self.collection_errors = []

    def pytest_collectreport(self, report):
        if report.failed:
            self.collection_errors.append(str(report.longrepr))

    def pytest_runtest_logstart(self, nodeid, location):
        # a long check (train_mlp) says it is running: terminal.Progress.start
        if hasattr(self.progress, "start") and nodeid in self.results:
            self.progress.start(self.results[nodeid])

    def pytest_configure(self, config):
        config.addinivalue_line("markers", "grades(function): the function a check grades")
        config.addinivalue_line("markers", "public: a check shipped to students in a release")
        config.stash[_STATE] = self

    def pytest_collection_modifyitems(self, config, items):
        kept = [item for item in items if self._selected(_identity(item))]
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
        for item in items:
            module, function, name = _identity(item)
            self.results[item.nodeid] = CheckResult(
                module, function, name,
                visibility="public" if item.get_closest_marker("public") else "hidden",
                seeded="rng" in item.fixturenames)

    def _diagnosis(self, result):
        """'\nyour output equals what <mistake> gives', or '' (grader/engine/diagnose.py)."""
        if self.last_call is None or self.last_call[2] is None \
                or self.last_call[:2] != (result.module, result.function):
            return ""
        line = diagnose.explain(result.module, result.function, *self.last_call[2], self.last_call[3])
        return f"\n{line}" if line else ""

    def _selected(self, identity):
        module, function, _ = identity
        return not self.only or any(sel in (module, f"{module}.{function}") for sel in self.only)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        result = self.results[item.nodeid]
        if report.when == "setup":
            self.last_stdout, self.last_call = "", None
        if report.skipped:
            result.status, result.message = "skipped", _skip_reason(report)
        elif call.excinfo is not None:
            result.status, result.message = _classify(call.excinfo.value)
            result.stdout = self.last_stdout
            if result.status == "failed" and not isinstance(call.excinfo.value, ForbiddenOp):
                result.message += self._diagnosis(result)
        elif report.when == "call":
            result.status, result.message, result.stdout = "passed", "", self.last_stdout
        if self.progress and (report.when == "call" or report.skipped or call.excinfo):
            if report.when != "teardown":
                self.progress(result)


_STATE = pytest.StashKey[Collector]()


def _identity(item):
    module = getattr(item.module, "MODULE", None)
    marker = item.get_closest_marker("grades")
    if module is None or marker is None:
        raise pytest.UsageError(f"{item.nodeid}: a check needs MODULE and @pytest.mark.grades")
    function = marker.args[0]
    name = item.name.removeprefix("test_")
    if "[" in name:   # drop the function's own id from checks shared by several functions
        base, params = name[:-1].split("[", 1)
        params = "-".join(p for p in params.split("-") if p != function)
        name = f"{base}[{params}]" if params else base
    return module, function, name


def _skip_reason(report):
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return reason.removeprefix("Skipped: ")


def _classify(exc):
    if isinstance(exc, StudentError):
        return "error", exc.summary + (f"\n{exc.detail}" if exc.detail else "")
    if isinstance(exc, AssertionError):
        return "failed", str(exc).strip() or "assertion failed"
    return "failed", f"the grader could not check the output ({type(exc).__name__}: {exc})"


# -- reports --------------------------------------------------------------------
# pytest's own exception groups (teardown errors); Python 3.10 has no such class
_GROUPS = tuple(c for c in (getattr(builtins, "BaseExceptionGroup", None),) if c is not None)

@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item, call):
    # pytest's own report of a failure formats the traceback from the source (AST parses,
    # ~40 ms a failure: 13 s of a stub's 17) for a text nobody reads: Collector writes
    # each message from the exception itself
    excinfo = call.excinfo
    if excinfo is None or isinstance(excinfo.value, (pytest.skip.Exception, *_GROUPS)):
        return None     # pytest's own report: passed or skipped, both cheap
    return pytest.TestReport(item.nodeid, item.location, {k: 1 for k in item.keywords}, "failed",
                             excinfo.exconly(), call.when, duration=call.duration,
                             start=call.start, stop=call.stop, user_properties=item.user_properties)


# -- fixtures -------------------------------------------------------------------
@pytest.fixture
def student(request):
    state = request.config.stash[_STATE]
    module, function, _ = _identity(request.node)
    return Student(state, module, function)


@pytest.fixture(params=["cpu", pytest.param("cuda", marks=pytest.mark.skipif(
    not CUDA, reason="no CUDA device on this machine"))])
def device(request):
    return torch.device(request.param)


@pytest.fixture(params=[torch.float32, torch.float64], ids=["float32", "float64"])
def dtype(request):
    return request.param


@pytest.fixture
def rng(request):
    state = request.config.stash[_STATE]
    _, function, name = _identity(request.node)
    # a digest, not seed ^ crc32(name): CPU generators keep only 32 bits of a seed, and
    # each check's inputs must stay unrelated to every other check's and run's
    digest = hashlib.sha256(f"{state.seed}/{function}/{name}".encode()).digest()
    return torch.Generator().manual_seed(int.from_bytes(digest[:8], "big"))
