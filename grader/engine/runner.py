"""Runs the hidden suites against one submission and returns the JSON report."""
import os
import time
from pathlib import Path

import pytest

from .. import curriculum
from . import plugin, report, scoring
from .session import Session

SUITES = Path(__file__).resolve().parent.parent / "suites"


def grade(submission, only=(), seed=None, progress=None, timeout_scale=1.0, session=None,
          start=None):
    """Grade ``submission``; ``session`` may be started early by the caller (cli.py).

    ``seed``: the instructor's, mixed with the submission's files (Session.run_seed).
    """
    start = time.perf_counter() if start is None else start
    devices = ["cpu"] + (["cuda"] if plugin.CUDA else [])
    session = session or Session(Path(submission), timeout_scale=timeout_scale)
    session.use_cuda = plugin.CUDA
    with session:
        inputs = {"drawn_from": "files" if seed is None else "files and the instructor's seed",
                  "files_sha256": session.files_digest()}
        seed = session.run_seed(seed)
        collector = plugin.Collector(session, seed=seed, only=only, progress=progress)
        code = _run_pytest(_pytest_args(only), [plugin, collector])
        if session.failure:
            raise RuntimeError(session.failure)
        if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
            detail = "\n".join(collector.collection_errors)[-3000:]
            raise RuntimeError(f"the grader's own suites could not run (pytest exit {int(code)})"
                               + (f"\n{detail}" if detail else ""))
        module_errors = dict(session.module_errors)
    selected = {(r.module, r.function) for r in collector.results.values()} if only else None
    functions = scoring.score_functions(collector.results.values(), collector.violations, selected)
    return report.build(submission, functions, module_errors,
                        time.perf_counter() - start, devices, inputs)


def suite_files(module):
    """The hidden suite of ``module`` and its public one (a release ships only the latter)."""
    return [p for p in (SUITES / f"test_{module}.py", SUITES / f"test_{module}_public.py")
            if p.exists()]


def public_only():
    """True in a student release: no hidden suite is present, only the public checks."""
    return not any((SUITES / f"test_{m}.py").exists() for m in curriculum.CURRICULUM)


def _run_pytest(args, plugins):
    # whatever pytest plugins the machine has installed (pytest-benchmark writes
    # .benchmarks/ into the student's folder, pytest-randomly reorders checks) stay out
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        return pytest.main(args, plugins=plugins)
    finally:
        if saved is None:
            del os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"]
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved


def _pytest_args(only):
    modules = sorted({sel.split(".")[0] for sel in only}) or list(curriculum.CURRICULUM)
    files = [str(path) for m in modules for path in suite_files(m)]
    # plugins the suites do not need cost start-up time (unraisableexception's final
    # gc.collect alone ~0.3 s); asserts are not rewritten: checks raise their own messages
    unused = ["terminal", "cacheprovider", "randomly", "unraisableexception", "threadexception",
              "doctest", "junitxml", "pastebin", "logging", "faulthandler", "stepwise",
              "legacypath", "nose", "debugging", "setuponly", "setupplan"]
    return [*files, *(arg for name in unused for arg in ("-p", f"no:{name}")), "--assert=plain",
            "-c", str(SUITES / "pytest.ini"), "--rootdir", str(SUITES)]


