"""The trusted side of the boundary: one Session per graded submission.

It starts the worker zygote (worker.py), forks one worker per module on demand,
sends calls as plain data and turns every way a call can go wrong into a
StudentError that a check reports: an exception, a missing function, a timeout,
a crash, an import that failed. A worker that timed out or died is replaced by a
fresh fork before the next call.

Note [Time limits]
~~~~~~~~~~~~~~~~~~
A grade must not depend on how fast or how busy the machine is, so a call is limited
by the CPU time the worker spends on it, which other load barely changes, and not by
the wall clock. Each function declares its CPU seconds per call in grader/curriculum.py
(QUICK, or what the contract's slowest honest code needs on a slow machine, several
times over). The limit is enforced twice: the worker sets RLIMIT_CPU's soft limit that
far ahead before the call (the kernel then ends it with SIGXCPU, even inside a C
kernel), and the trusted side refuses a reply whose measured CPU time is over the
limit. Workers compute on one thread (OMP_NUM_THREADS=1, torch.set_num_threads(1)):
idle OpenMP threads spin, and a machine with more cores would otherwise burn more CPU
time on the same code.

The wall clock is only a backstop, for code that sleeps or blocks and so uses no CPU:
a call may run WALL_FACTOR times its CPU limit, and a function's calls together
FUNCTION_WALL_CALLS such backstops. Honest code uses a small fraction of its limit,
so only a worker that gets well under a tenth of a CPU could meet the backstop.
"""
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import i18n
from ..i18n import t
from . import notebook
from .printable import printable

WORKER = Path(__file__).with_name("worker.py")
PROJECT = Path(__file__).resolve().parents[2]     # hidden from workers (grader/, solutions/)
SANDBOX_UIDS = (1_000_000, 1_000_000_000)         # first uid, how many to draw from
IMPORT_CPU_SECONDS = 20.0    # an import (and a worker's start) may take; not scaled
WALL_FACTOR = 4              # a call's wall-clock backstop, in multiples of its CPU limit
FUNCTION_WALL_CALLS = 2      # a function's calls in all: this many backstops of wall time
STRIKES_PER_FUNCTION = 2     # timeouts or crashes: after this many, a function's remaining
                              # calls fail at once
MEMORY_BYTES = 4 << 30
CPU_SECONDS = 3600            # a worker's whole life: a last resort, far above any honest module
_KEPT_ENV = ("PATH", "LANG", "LC_ALL", "CUDA_VISIBLE_DEVICES", "LD_LIBRARY_PATH",
             "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
# one compute thread in workers (Note [Time limits]): torch, OpenMP, MKL, OpenBLAS
_ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                      "OPENBLAS_NUM_THREADS")}


class StudentError(Exception):
    """The student's code did not produce a value: raised, crashed, timed out ..."""

    def __init__(self, summary, detail="", types=()):
        super().__init__(summary)
        self.summary, self.detail = summary, detail
        self.types = tuple(types)    # the exception's class names, own class first


class GraderFailure(Exception):
    """The grader itself could not run a worker (its sandbox could not be set up):
    no student's fault, so the whole run stops (runner.grade raises RuntimeError)."""


class NotImplementedYet(StudentError):
    pass


class TimedOut(StudentError):
    pass


class ModuleBroken(StudentError):
    """The module cannot be imported; every check of it fails with this."""


@dataclass
class Call:
    result: object
    args: tuple
    kwargs: dict
    calls: int                  # Python-level torch calls made
    ops: dict                   # bare op name -> display name
    sites: dict = None          # (file, line, function) in the submission -> torch calls
    stdout: str = ""
    cpu: float = 0.0            # CPU seconds the call took (the worker's word)


@dataclass
class _Worker:
    pid: int
    sock: socket.socket
    key: bytes = b""        # signs its replies (wire.send)


@dataclass
class Session:
    submission: Path
    use_cuda: bool = False
    timeout_scale: float = 1.0

    def __post_init__(self):
        self.submission = Path(self.submission)
        self._tmp = Path(tempfile.mkdtemp(prefix="grader-"))
        self._copy = self._tmp / "submission"
        self._copy.mkdir()
        (self._tmp / "root").mkdir()   # as root, each worker's filesystem is built on it
        for path in sorted(self.submission.glob("*.py")):
            shutil.copy(path, self._copy / path.name)
            (self._copy / path.name).chmod(0o644)
        self._copy.chmod(0o755)        # readable by the sandbox uid, not writable
        self._tmp.chmod(0o711)
        self._uids = set()          # as root: the uids the workers were given (_new_uid)
        self._python_reachable = _reachable_by_others(sys.prefix)
        self._workers = {}
        self._broken = {}           # module -> the ModuleBroken its every call raises
        self._strikes = {}         # (module, function) -> calls that timed out or crashed
        self._spent = {}            # (module, function) -> seconds its calls took in all
        self.failure = None         # why the grader could not run, once it cannot
        for module, reason in notebook.convert(self.submission, self._copy).items():
            self._module_broken(module, StudentError(reason))   # an .ipynb it cannot read
        self._start_zygote()

    def files_digest(self):
        """sha256 of every file the workers can read (names, sizes, contents), in hex."""
        digest = hashlib.sha256()
        for path in sorted(self._copy.iterdir()):
            digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def run_seed(self, secret=None):
        """The seed of this run's inputs: the digest of the submission's files, mixed with
        the instructor's ``secret`` seed when one is set.

        The same files (and seed) give the same inputs, so a result is reproducible;
        any change to the files (a table of outputs memorised under a former version's
        inputs included) draws new ones, and two different submissions never share
        inputs, even under one class-wide seed, so inputs leaked by one student's error
        messages answer nobody else's. 63 bits: too many to search for a file whose
        seed is one that was rehearsed.
        """
        digest = hashlib.sha256(bytes.fromhex(self.files_digest()))
        if secret is not None:
            digest.update(b"\0instructor seed\0" + str(int(secret)).encode())
        return int.from_bytes(digest.digest()[:8], "big") >> 1

    # -- the zygote -------------------------------------------------------
    def _start_zygote(self):
        ours, theirs = socket.socketpair()
        env = {k: os.environ[k] for k in _KEPT_ENV if k in os.environ} | _ONE_THREAD
        env["HOME"] = str(self._tmp)
        self._log = open(self._tmp / "worker.log", "wb")
        self._zygote = subprocess.Popen(
            [sys.executable, "-I", str(WORKER), str(theirs.fileno())],
            pass_fds=[theirs.fileno()], env=env, cwd=self._copy,
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
            start_new_session=True)
        theirs.close()
        self._control = ours
        self._control_lines = ours.makefile("rb")
        self._ready = False

    def _control_request(self, request, with_fd=False):
        if not self._ready:
            if json.loads(self._control_lines.readline() or b"null") is None:
                raise RuntimeError(t("session.worker_failed", log=self._log_tail()))
            self._ready = True
        self._control.sendall(json.dumps(request).encode() + b"\n")
        if with_fd:
            data, fds, _, _ = socket.recv_fds(self._control, 4096, 1)
            return json.loads(data), fds[0]
        return json.loads(self._control_lines.readline())

    def _log_tail(self):
        self._log.flush()
        return (self._tmp / "worker.log").read_bytes()[-2000:].decode(errors="replace")

    # -- workers ----------------------------------------------------------
    def _spawn(self, module):
        if not (self._copy / f"{module}.py").is_file():
            raise self._module_broken(module, StudentError(t("session.module_missing", module=module)))
        key = secrets.token_bytes(32)
        reply, fd = self._control_request({
            "cmd": "spawn", "module": module, "submission": str(self._copy), "key": key.hex(),
            "memory_bytes": None if self.use_cuda else MEMORY_BYTES,
            "cpu_seconds": CPU_SECONDS, "uid": self._new_uid(), "hide": [str(PROJECT)],
            "python_reachable": self._python_reachable,
            "root": str(self._tmp / "root")},
            with_fd=True)
        worker = _Worker(reply["pid"], socket.socket(fileno=fd), key)
        self._expect_ready(worker)
        reply = self._exchange(worker, {"op": "import"}, IMPORT_CPU_SECONDS, module,
                               importing=True)
        if not reply["ok"]:
            self._kill(worker)
            raise self._module_broken(module, _describe_raised(
                reply, self.submission, t("session.importing", module=module)))
        return worker

    def _expect_ready(self, worker):
        """The worker's first word, said before it runs any student code: ready, or why
        its sandbox could not be set up (then grading stops: not the student's fault)."""
        from . import wire
        wall = WALL_FACTOR * IMPORT_CPU_SECONDS
        worker.sock.settimeout(wall)
        try:
            hello = wire.recv(worker.sock, deadline=time.monotonic() + wall)
        except (socket.timeout, TimeoutError, EOFError, OSError, wire.ProtocolError) as e:
            hello = {"ready": False, "why": f"{type(e).__name__}: {e}"}
        if not (isinstance(hello, dict) and hello.get("ready") is True):
            self._kill(worker)
            why = hello.get("why") if isinstance(hello, dict) else repr(hello)
            self.failure = t("session.sandbox_failed", why=why, log=self._log_tail().strip())
            raise GraderFailure(self.failure)

    def _new_uid(self):
        """As root, each worker runs as an otherwise unused uid of its own (in a filesystem
        of its own; elsewhere only where it can reach Python: python_reachable), so its
        process limit (RLIMIT_NPROC counts per uid) is its own too. None otherwise."""
        if os.geteuid() != 0:
            return None
        uid = SANDBOX_UIDS[0] + secrets.randbelow(SANDBOX_UIDS[1])
        self._uids.add(uid)
        return uid

    @property
    def module_errors(self):
        """module -> one-line reason it cannot be imported"""
        return {module: error.summary for module, error in self._broken.items()}

    def _module_broken(self, module, error):
        self._broken[module] = ModuleBroken(error.summary, error.detail)
        return self._broken[module]

    def _exchange(self, worker, message, cpu_seconds, module, importing=False):
        """Send ``message`` and return the reply, within ``cpu_seconds`` of the worker's
        CPU time and WALL_FACTOR times that of wall-clock time (Note [Time limits])."""
        from . import wire   # imports torch: not at module level, so the zygote starts first
        wall = WALL_FACTOR * cpu_seconds
        worker.sock.settimeout(wall)
        nonce = secrets.token_bytes(16)
        what = t("session.importing", module=module) if importing else t("session.the_call")
        log_mark = self._log_size()
        try:
            wire.send(worker.sock, {**message, "cpu_seconds": cpu_seconds, "nonce": nonce})
            reply = wire.recv(worker.sock, deadline=time.monotonic() + wall, key=worker.key,
                              nonce=nonce)
            if float(reply.get("cpu", 0.0)) <= cpu_seconds:
                return reply
            error = TimedOut(t("session.timed_out", what=what, seconds=f"{cpu_seconds:g}"))
        except (socket.timeout, TimeoutError):
            self._kill(worker, grace=1.0, interrupt=True)
            error = TimedOut(t("session.wall_timed_out", what=what, seconds=f"{wall:g}"),
                             self._where_stopped(log_mark))
        except wire.ProtocolError as e:      # a reply the grader will not read: no worker left
            self._kill(worker)
            error = StudentError(t("session.refused_reply", error=printable(e)))
        except (EOFError, OSError) as e:
            status = self._kill(worker, grace=2.0)
            if _out_of_cpu(status):
                error = TimedOut(t("session.timed_out", what=what, seconds=f"{cpu_seconds:g}"),
                                 self._where_stopped(log_mark))
            else:
                error = StudentError(_describe_death(status, e, importing, module))
        if importing:
            raise self._module_broken(module, error)
        raise error

    def _kill(self, worker, grace=0.0, interrupt=False):
        """End ``worker`` (after ``grace`` seconds for one already dying, or one told to
        say where it was: ``interrupt``); its status."""
        self._workers = {m: w for m, w in self._workers.items() if w is not worker}
        worker.sock.close()
        return self._control_request({"cmd": "reap", "pid": worker.pid, "grace": grace,
                                      "interrupt": interrupt})["status"]

    def _log_size(self):
        return (self._tmp / "worker.log").stat().st_size

    def _where_stopped(self, since):
        """The student's frames in the stack a stopped worker wrote to the log after byte
        ``since`` (worker._exit_at_cpu_limit), most recent call last, or ''."""
        with open(self._tmp / "worker.log", "rb") as log:
            log.seek(since)
            text = log.read(64 << 10).decode(errors="replace")
        stack = text.rpartition("(most recent call first):")[2]
        prefix = str(self._copy) + os.sep
        frames = [(path[len(prefix):], int(line), name)
                  for path, line, name in re.findall(r'File "([^"]+)", line (\d+) in (\S+)', stack)
                  if path.startswith(prefix)]
        if not frames:
            return ""
        lines = [t("session.stopped_at")]
        for file, line, name in reversed(frames[:8]):
            code = _source_line(self._copy / file, line)
            lines.append(printable(f"  {self.submission / file}:{line} in {name}"
                                   + (f"\n    {code}" if code else "")))
        return "\n".join(lines)

    # -- the one public call ----------------------------------------------
    def call(self, module, function, args=(), kwargs=None, cpu_seconds=10.0, backward=None,
             trace=True):
        """Run ``module.function(*args, **kwargs)`` in the module's worker, within
        ``cpu_seconds`` of CPU time (times timeout_scale); ``trace`` records its torch
        calls (Call.ops, Call.calls)."""
        if self.failure:
            raise GraderFailure(self.failure)
        if module in self._broken:
            # one instance raised for every check: without clearing, its traceback grows
            # by a frame per raise and pytest formats it whole each time (quadratic)
            raise self._broken[module].with_traceback(None)
        key = (module, function)
        if self._strikes.get(key, 0) >= STRIKES_PER_FUNCTION:
            raise StudentError(t("session.not_run", function=function,
                                 count=STRIKES_PER_FUNCTION))
        limit = cpu_seconds * self.timeout_scale
        budget = FUNCTION_WALL_CALLS * WALL_FACTOR * limit
        if self._spent.get(key, 0.0) > budget:
            raise StudentError(t("session.over_budget", function=function,
                                 seconds=f"{self._spent[key]:.0f}", budget=f"{budget:.0f}"))
        started = time.monotonic()
        try:
            return self._call(module, function, args, kwargs, limit, backward, trace)
        finally:   # calls that each stay under the limit (or respawn a slow import) add up
            self._spent[key] = self._spent.get(key, 0.0) + time.monotonic() - started

    def _call(self, module, function, args, kwargs, cpu_seconds, backward, trace):
        worker = self._workers.get(module)
        if worker is None:
            worker = self._workers[module] = self._spawn(module)
        from . import wire
        request = {"op": "call", "function": function, "args": wire.encode(tuple(args)),
                   "kwargs": wire.encode(dict(kwargs or {})),
                   "backward": None if backward is None else wire.encode(backward),
                   "trace": trace}
        try:
            reply = self._exchange(worker, request, cpu_seconds, module)
        except StudentError:        # timed out, or the worker died: a strike
            self._strikes[(module, function)] = self._strikes.get((module, function), 0) + 1
            raise
        if not reply["ok"]:
            if reply["kind"] == "missing":
                raise StudentError(t("session.missing", module=module, function=function))
            error = _describe_raised(reply, self.submission, function)
            if reply["type"] == "NotImplementedError":
                raise NotImplementedYet(t("session.not_implemented", function=function))
            raise error
        return Call(result=wire.decode(reply["result"]), args=wire.decode(reply["args"]),
                    kwargs=wire.decode(reply["kwargs"]), calls=int(reply["calls"]),
                    ops=dict(reply["ops"]), stdout=printable(reply["stdout"]),
                    sites={(printable(str(f)), int(line), printable(str(name))): int(n)
                           for f, line, name, n in reply.get("sites", [])[:50]},
                    cpu=float(reply["cpu"]))

    def close(self):
        for worker in list(self._workers.values()):
            self._kill(worker)
        try:
            self._control.close()
            os.killpg(self._zygote.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            pass
        self._zygote.wait()
        if self._uids:
            _kill_uids(self._uids)   # whatever a worker left running, detached or not
        self._log.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _describe_raised(reply, submission, where):
    kind, message = printable(reply["type"]), printable(reply["message"])
    summary = f"{kind}: {message}" if message else kind
    if "can't allocate memory" in message or kind == "MemoryError" or "out of memory" in message:
        summary = t("session.out_of_memory", where=where, error=summary[:200])
    frames = "\n".join(printable(f"  {Path(submission) / file}:{line} in {name}"
                                  + (f"\n    {code}" if code else ""))
                       for file, line, name, code in reply["frames"])
    return StudentError(summary, frames, [str(t) for t in reply.get("types", [])])


def _source_line(path, number):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, text in enumerate(f, 1):
                if i == number:
                    return text.strip()[:200]
    except OSError:
        pass
    return ""


def _out_of_cpu(status):
    """Did the worker end at its CPU limit (the kernel's SIGXCPU: worker._cpu_limit),
    by the signal or by the exit status its handler gives (worker._exit_at_cpu_limit)?"""
    if status is None:
        return False
    if os.WIFSIGNALED(status):
        return os.WTERMSIG(status) == signal.SIGXCPU
    return os.WEXITSTATUS(status) == signal.SIGXCPU


def _describe_death(status, error, importing, module):
    where = t("session.while_importing", module=module) if importing else t("session.during_call")
    if status is None:
        return t("session.stopped", where=where, error=error)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        hint = t(f"signal.{name}") if i18n.has(f"signal.{name}") else ""
        return t("session.crashed", where=where, signal=name) + (f" ({hint})" if hint else "")
    return t("session.exited", where=where, status=os.WEXITSTATUS(status))


def _kill_uids(uids):
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                owner = next(line.split()[1] for line in f if line.startswith("Uid:"))
            if int(owner) in uids:
                os.kill(int(entry), signal.SIGKILL)
        except (OSError, StopIteration, ValueError):
            pass


def _reachable_by_others(path):
    """Can another uid reach ``path`` (every directory above it searchable)? Python
    and torch live there. Under a private /root they do not: a worker that could not
    build a filesystem of its own (where every directory above them is its own) then
    stays root, without capabilities, instead of switching uid."""
    path = Path(path).resolve()
    return all(os.stat(p).st_mode & 0o001 for p in [path, *path.parents])
