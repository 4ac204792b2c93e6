"""Grade one submission in its own `python -m grader` process, whatever it does."""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .unzip import BadZip, extract

RUNNING = set()     # the graders running now, killed if the batch is interrupted
# One torch thread per grader: the batch is parallel across graders, and torch's own
# threads would only fight over the cores (the reports are the same either way).
THREADS = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@dataclass
class Outcome:
    student: str
    status: str                 # "graded", or why there is no report
    report: dict | None
    seconds: float


def grade(student, entry, report_path, options, limit):
    """Grade ``entry`` (a folder or a .zip) into ``report_path``; never raises."""
    start = time.perf_counter()
    report_path.unlink(missing_ok=True)       # a report from an earlier batch is stale
    tmp = Path(tempfile.mkdtemp(prefix="grader-batch-"))
    try:
        folder = entry
        if entry.suffix == ".zip" and entry.is_file():
            folder = tmp / student
            extract(entry, folder)
        folder = f"./{folder}" if str(folder).startswith("-") else str(folder)  # not an option
        status = _run([sys.executable, "-m", "grader", folder, "--json", str(report_path),
                       "--quiet", *options], tmp, limit)
    except BadZip as e:
        status = str(e)
    except OSError as e:    # no process could be started (out of memory, of pids ...)
        status = f"could not start the grader: {e}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report = _read(report_path) if status == "graded" else None
    if report is None:
        report_path.unlink(missing_ok=True)
        status = "grader wrote no readable report" if status == "graded" else status
    return Outcome(student, status, report, time.perf_counter() - start)


def _read(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _run(command, tmp, limit):
    """Run the grader with a wall-clock ``limit``; its status line."""
    with open(tmp / "grader.log", "w+b") as log:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                env={**THREADS, **os.environ}, start_new_session=True)
        RUNNING.add(proc)
        try:
            code = proc.wait(limit)
        except subprocess.TimeoutExpired:
            kill_tree(proc.pid)
            proc.wait()
            return f"grader timed out after {limit:g} s"
        finally:
            RUNNING.discard(proc)
        log.seek(0)
        last = (log.read().decode(errors="replace").strip().splitlines() or [""])[-1]
    if code == 0:
        return "graded"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else -code
        return f"grader killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
    reason = last.removeprefix("grader: ").strip() or f"grader exited {code}"
    return reason if code == 2 else f"grader failed (exit {code}): {reason}"


def kill_tree(pid):
    """SIGKILL ``pid``'s process group and every descendant, the workers that left it
    (setsid) included: freeze the tree with SIGSTOP until it stops growing, then kill."""
    stopped = set()
    while new := [p for p in _descendants(pid) if p not in stopped]:
        for p in new:
            _signal(p, signal.SIGSTOP)
        stopped.update(new)
    for p in stopped:
        _signal(p, signal.SIGKILL)
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _descendants(pid):
    """``pid`` and its descendants, from /proc (just ``pid`` where there is none)."""
    children = {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return [pid]
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found


def _signal(pid, sig):
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
