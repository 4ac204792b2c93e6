"""A grade depends on the code only (Note [Time limits] in grader/engine/session.py).

The reference solutions are graded beside a CPU hog on every core while their workers
are slowed to a quarter of their speed (stopped and continued in turn), and every
function's score and every check's verdict must equal those of the ordinary run.
"""
import contextlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

HOG_SECONDS = 900          # a hog stops by itself after this, whatever happens here
RUN, STOP = 0.02, 0.06     # s: the workers run a quarter of the time


def _hog(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@contextlib.contextmanager
def hogs():
    """One busy process per core."""
    procs = [multiprocessing.Process(target=_hog, args=(HOG_SECONDS,), daemon=True)
             for _ in range(os.cpu_count() or 1)]
    for p in procs:
        p.start()
    try:
        yield
    finally:
        for p in procs:
            p.terminate()
            p.join()


def _descendants(pid):
    """Every process below ``pid`` (from /proc's parent links)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _signal_all(pids, sig):
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


@contextlib.contextmanager
def throttled(grader_pid):
    """The grader's workers (every process under it) run RUN s out of every RUN + STOP."""
    done = threading.Event()

    def loop():
        while not done.is_set():
            pids = _descendants(grader_pid)
            _signal_all(pids, signal.SIGSTOP)
            time.sleep(STOP)
            _signal_all(pids, signal.SIGCONT)
            time.sleep(RUN)
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        _signal_all(_descendants(grader_pid), signal.SIGCONT)


def verdicts(report):
    return {(f["module"], f["function"]): (f["score"], [(c["name"], c["status"]) for c in f["checks"]])
            for f in report["functions"]}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers through /proc")
def test_a_loaded_slow_machine_gives_the_same_verdicts(solutions_report, tmp_path):
    out = tmp_path / "report.json"
    with hogs():
        proc = subprocess.Popen([sys.executable, "-m", "grader", str(ROOT / "solutions"),
                                 "--json", str(out), "--quiet"], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with throttled(proc.pid):
            _, stderr = proc.communicate(timeout=1500)
    assert proc.returncode == 0, stderr[-3000:]
    loaded = json.loads(out.read_text())
    assert loaded["score"] == solutions_report["score"] == 100
    quiet = verdicts(solutions_report)
    differ = {key: (quiet[key], value) for key, value in verdicts(loaded).items()
              if quiet.get(key) != value}
    assert not differ, differ
