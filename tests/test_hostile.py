"""Hostile submissions (tests/hostile/) gain nothing.

For every attack: the function it attacks scores 0 (what an honest stub scores),
every other function of its module scores what the reference solution scores, the
report is complete and valid, grading finishes within a bounded time, nothing the
attack started outlives the grading run, and the attack's own checks hold (files it
may not write, output it may not reach).

Attacks on different modules share one grading run (a round); the rounds run two at
a time, each as ``python -m grader`` in a subprocess, exactly as an instructor runs
it. An attack that currently succeeds is listed in KNOWN_HOLES: its test is a strict
xfail whose reason says what the engine lets through, so fixing the engine turns it
into an XPASS that asks for the entry to be removed.
"""
import contextlib
import glob
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from grader import curriculum
from grader.engine import report as report_module
from tests import hostile
from tests.conftest import ROOT, function_entry, grade

EXTRA = ["--quiet", "--timeout-scale", "0.3"]
HUNG = 400           # s: a grading run still going then is killed and counts as hung
# s: what a grading run of a round may take: the slowest attack sleeps through most of its
# function's wall-clock backstops (train_mlp: 2 x 4 x 60 s of CPU limit x 0.3 = 144 s,
# Note [Time limits]), beside the other attacks of its round
BOUND = 240
LINGER_WAIT = 2.5    # s: how long after grading a process the attack left must be gone

ATTACKS = hostile.load_all()

# Attacks that currently succeed, with what the engine lets through. Remove an entry
# when the engine closes the hole (its test then XPASSes, which fails the run).
KNOWN_HOLES = {
    # -- forbidden ops the tracer does not see
    "forbidden-scipy-tolist":
        "Tensor.tolist() is not one of the ESCAPES doors (numpy, __array__, data_ptr, "
        "storages, DLPack): the data leaves torch as a list and scipy.signal.correlate "
        "convolves it; conv2d_loops 4/4",
}


@dataclass
class Graded:
    """One grading run (a round) and what was seen after it."""
    attacks: list
    report: dict = None
    proc: subprocess.CompletedProcess = None
    seconds: float = 0.0
    error: str = None             # the run hung or the grader failed
    report_later: dict = None     # the report file read again LINGER_WAIT s after the run
    survivors: dict = field(default_factory=dict)   # attack id -> (pid, tid) still running


@dataclass
class Campaign:
    reference: Graded
    rounds: list
    by_attack: dict               # attack id -> Graded
    scratch: dict                 # attack id -> its scratch directory


def _scratch_dir(parent, name):
    path = parent / name
    path.mkdir()
    path.chmod(0o777)             # the worker may run as an unprivileged uid
    return path


def _run(attacks, directory, scratch):
    """Grade ``directory`` and look for what outlives the run."""
    graded = Graded(attacks)
    start = time.perf_counter()
    try:
        graded.report, graded.proc = grade(directory, extra=EXTRA, timeout=HUNG)
    except subprocess.TimeoutExpired:
        graded.error = f"grading did not finish within {HUNG} s"
    except AssertionError as e:             # the grader exited with an error
        graded.error = str(e)
    graded.seconds = time.perf_counter() - start
    if graded.error:
        _remove_abandoned_sessions(directory)
    if graded.proc is None:
        return graded
    report_path = Path(graded.proc.args[graded.proc.args.index("--json") + 1])
    if any(a.lingers for a in attacks):
        time.sleep(LINGER_WAIT)
        for a in attacks:
            graded.survivors[a.id] = _named(comm(a, scratch))
            for pid in {pid for pid, _ in graded.survivors[a.id]}:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)     # ours: named by this attack
        graded.report_later = json.loads(report_path.read_text())
    shutil.rmtree(report_path.parent, ignore_errors=True)
    return graded


def comm(attack, scratch):
    """The process name the attack's leftovers take (unique to the attack and the run)."""
    return f"hz{zlib.crc32(str(scratch[attack.id]).encode()):08x}"


def _named(name):
    """(pid, tid) of every thread on the machine called ``name``."""
    found = []
    for task in glob.glob("/proc/[0-9]*/task/[0-9]*/comm"):
        with contextlib.suppress(OSError):
            if Path(task).read_text().strip() == name:
                parts = task.split("/")
                found.append((int(parts[2]), int(parts[4])))
    return found


def _remove_abandoned_sessions(directory):
    """A grader that crashed leaves its session directory (a copy of the submission)
    in the temporary directory: remove the ones holding exactly this submission."""
    ours = {p.name: p.read_bytes() for p in Path(directory).glob("*.py")}
    for copy in Path(tempfile.gettempdir()).glob("grader-*/submission"):
        try:
            if ours and all((copy / name).read_bytes() == text for name, text in ours.items()):
                shutil.rmtree(copy.parent, ignore_errors=True)
        except OSError:
            pass


@pytest.fixture(scope="module")
def campaign(request, tmp_path_factory):
    """Grades the reference and every round of the selected attacks (so ``-k verdict``
    stays quick). The attacks' scratch directories live under one /tmp directory,
    removed at the end with whatever the attacks' cleanups undo."""
    selected = [item.callspec.params["attack"] for item in request.session.items
                if hasattr(item, "callspec") and "attack" in item.callspec.params]
    if any(item.name == "test_rounds_leave_untouched_modules_alone"
           for item in request.session.items):
        selected = ATTACKS
    attacks = [a for a in ATTACKS if a in selected]
    attacks = [a for a in attacks if all(importlib.util.find_spec(m) for m in a.requires)]
    root = Path(tempfile.mkdtemp(prefix="hostile-", dir="/tmp"))
    root.chmod(0o755)
    scratch = {a.id: _scratch_dir(root, a.id) for a in attacks}
    replacements = {}
    try:
        for a in attacks:
            replacements[a.id] = {"__SCRATCH__": str(scratch[a.id]), "__TOKEN__": root.name,
                                  "__COMM__": comm(a, scratch)}
            if a.setup:
                replacements[a.id].update(a.setup(scratch[a.id]))
        jobs = [([], ROOT / "solutions")]
        for number, attacks_of_round in enumerate(hostile.rounds(attacks)):
            directory = tmp_path_factory.mktemp(f"hostile-round{number}") / "submission"
            jobs.append((attacks_of_round, hostile.build_submission(
                attacks_of_round, directory, replacements)))
        with contextlib.ExitStack() as held:
            for a in attacks:
                if a.context:
                    held.enter_context(a.context(scratch[a.id]))
            with ThreadPoolExecutor(2) as pool:
                results = list(pool.map(lambda job: _run(job[0], job[1], scratch), jobs))
        reference, rounds = results[0], results[1:]
        yield Campaign(reference, rounds, {a.id: r for r in rounds for a in r.attacks}, scratch)
    finally:
        for a in attacks:
            if a.cleanup:
                a.cleanup(scratch[a.id])
            if a.lingers:              # whatever started after its round was checked
                for pid in {pid for pid, _ in _named(comm(a, scratch))}:
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
        shutil.rmtree(root, ignore_errors=True)


def _summary(entry):
    lines = [f"{entry['module']}.{entry['function']}: {entry['score']} / {entry['max_score']}"
             + (f", forbidden op {entry['forbidden_op']}" if "forbidden_op" in entry else "")]
    for c in entry["checks"]:
        first = c["message"].splitlines()[0][:150] if c["message"] else ""
        lines.append(f"  {c['status']:7} {c['name']}: {first}")
    return "\n".join(lines[:16])


def _params():
    params = []
    for a in ATTACKS:
        marks = []
        if a.id in KNOWN_HOLES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_HOLES[a.id]))
        missing = [m for m in a.requires if importlib.util.find_spec(m) is None]
        if missing:
            marks.append(pytest.mark.skip(reason=f"needs {', '.join(missing)}"))
        params.append(pytest.param(a, id=a.id, marks=marks))
    return params


@pytest.mark.parametrize("attack", _params())
def test_attack_gains_nothing(attack, campaign):
    graded = campaign.by_attack[attack.id]
    assert graded.error is None, f"{attack.id} ({attack.doc}): {graded.error}"
    report = graded.report
    listed = [(f["module"], f["function"]) for f in report["functions"]]
    assert listed == curriculum.all_functions(), "the report does not list every function"
    assert report_module.validate(report) == []
    assert graded.seconds < BOUND, f"grading took {graded.seconds:.0f} s"

    attacked = function_entry(report, attack.module, attack.function)
    assert attacked["score"] == 0, f"{attack.id} ({attack.doc}) earned points:\n{_summary(attacked)}"
    # its module's other functions; alone in its round, every other module too
    for module, function in curriculum.all_functions():
        if (module, function) != (attack.module, attack.function) and \
                (module == attack.module or attack.solo):
            got = function_entry(report, module, function)
            want = function_entry(campaign.reference.report, module, function)
            assert got["score"] == want["score"], \
                f"{attack.id} cost {module}.{function} points:\n{_summary(got)}"

    if attack.lingers:
        assert not graded.survivors[attack.id], \
            f"still running {LINGER_WAIT} s after grading: {graded.survivors[attack.id]}"
        assert graded.report_later == report, "the report file changed after grading"
    if attack.verify:
        attack.verify(graded, campaign.scratch[attack.id])


def test_reference_has_full_marks(campaign):
    """The premise of every comparison above: the reference scores full marks here."""
    assert campaign.reference.error is None, campaign.reference.error
    short = [_summary(f) for f in campaign.reference.report["functions"]
             if f["score"] != f["max_score"]]
    assert not short, "\n".join(short)


def test_rounds_leave_untouched_modules_alone(campaign):
    """Attacks sharing a round cannot interfere: a module no attack touched keeps the
    reference's marks in every round."""
    problems = []
    for graded in campaign.rounds:
        if graded.error:
            continue        # reported by the attacks' own tests
        touched = {a.module for a in graded.attacks}
        for module, function in curriculum.all_functions():
            if module in touched:
                continue
            got = function_entry(graded.report, module, function)["score"]
            want = function_entry(campaign.reference.report, module, function)["score"]
            if got != want:
                problems.append(f"{[a.id for a in graded.attacks]}: {module}.{function} "
                                f"{got} instead of {want}")
    assert not problems, "\n".join(problems)


def test_every_category_has_several_attacks():
    counts = {c: sum(a.category == c for a in ATTACKS) for c in hostile.CATEGORIES}
    assert all(n >= 4 for n in counts.values()), counts
    assert len(ATTACKS) >= 32
    assert set(KNOWN_HOLES) <= {a.id for a in ATTACKS}, "a known hole names no attack"
