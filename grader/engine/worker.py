"""The untrusted side: imports one submission module and runs the calls asked of it.

Started by grader/engine/session.py as ``python -I worker.py`` in a scrubbed
environment. It imports torch once and then acts as a *zygote*: for each module
the grader asks for, it forks a child that imports the student's module and
serves calls on its own socket. A crash, a timeout or an exhausted memory limit
ends that child only; a fresh one is forked in milliseconds.

Protocol (wire.py messages on the child's socket), request -> reply:
  {"op": "import"}                       -> {"ok": True} or an error reply
  {"op": "call", "function", "args", "kwargs", "backward"}
      -> {"ok": True, "result", "args", "kwargs", "calls", "ops", "stdout", "cpu"}
Error replies: {"ok": False, "kind": "import" | "missing" | "raised", "type",
"message", "frames": [(file, line, function, code)], "stdout"}.
"""
import contextlib
import ctypes
import faulthandler
import glob
import importlib.util
import io
import itertools
import json
import math
import os
import platform
import random
import resource
import signal
import socket
import sys
import tempfile
import time
import traceback
import types

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
import torch  # noqa: E402  (imported once, before any fork)

import tracer  # noqa: E402
import wire  # noqa: E402

sys.path.remove(_HERE)   # student code cannot import the engine's modules by name,
for _engine_module in ("tracer", "wire", "printable"):   # nor find them where imports are kept
    del sys.modules[_engine_module]

STDOUT_LIMIT = 4000
SITES = 20                # the lines making the most torch calls, sent with a reply
FILE_BYTES = 64 << 20     # largest file a worker may write
PROCESSES = 256           # processes and threads of the sandbox uid (root: unlimited)
CLONE_NEWNS, CLONE_NEWPID = 0x20000, 0x20000000
MNT_DETACH = 2
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}.get(
    platform.machine(), -1)     # syscall number: glibc has no pivot_root() wrapper
SYSTEM = ("/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin", "/etc", "/sys")
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = \
    1, 2, 4, 8, 32, 4096, 1 << 14, 1 << 18
PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_SET_CHILD_SUBREAPER = 24, 38, 36
_libc = ctypes.CDLL(None, use_errno=True)
# bound here, before any student code could replace time's or resource's
_cpu_now = time.process_time    # CPU seconds of the whole process, all its threads
_getrlimit, _setrlimit = resource.getrlimit, resource.setrlimit


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    sys.modules["__main__"] = types.ModuleType("__main__")   # this module is not theirs to patch
    tracer.install_entry_point_recorders()
    # matmul and cuDNN in TF32 would lose digits the grader's float32 checks expect
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    torch.set_num_threads(1)     # Note [Time limits] in session.py
    with contextlib.suppress(RuntimeError):
        torch.set_num_interop_threads(1)
    _warm_up()
    control.sendall(b'{"ready": true}\n')
    lines = control.makefile("r")
    for line in lines:
        request = json.loads(line)
        if request["cmd"] == "spawn":
            parent_end, child_end = socket.socketpair()
            pid = os.fork()
            if pid == 0:
                lines.close()       # the makefile holds the fd open until closed too
                control.close()
                parent_end.close()
                _child(child_end, request)
            child_end.close()
            socket.send_fds(control, [json.dumps({"pid": pid}).encode() + b"\n"],
                            [parent_end.fileno()])
            parent_end.close()
        elif request["cmd"] == "reap":
            status = _reap(request["pid"], request.get("grace", 0), request.get("interrupt", False))
            control.sendall(json.dumps({"status": status}).encode() + b"\n")
    os._exit(0)


def _warm_up():
    """Pay once, before forking, what every child would pay on its first call."""
    with tracer.tracing():
        torch.ones(2) + 1    # the first use of the tracing modes costs ~0.8 s
    buf = io.BytesIO()
    torch.save(wire.encode([torch.ones(2)]), buf)
    torch.load(io.BytesIO(buf.getvalue()), weights_only=True)


def _reap(pid, grace, interrupt=False):
    """Wait up to ``grace`` seconds for worker ``pid`` to end by itself (a crash still
    unwinding; ``interrupt``: after SIGXCPU, which makes it say where it was), then kill
    its whole process group; return its wait status."""
    try:
        if interrupt:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGXCPU)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return status
            time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


def _child(sock, request):
    key = bytes.fromhex(request.pop("key"))     # signs the replies: out of the submission's reach
    try:
        os.setsid()
        root_tasks = _tasks_of(0) if os.geteuid() == 0 else 0   # before /proc is replaced
        isolated = _isolate(request)
        if isolated:
            # unshare(CLONE_NEWPID) puts the *next* child in the new namespace: fork it
            # and wait, passing its end on to the zygote
            pid = os.fork()
            if pid:
                sock.close()
                _mirror(os.waitpid(pid, 0)[1])
            _mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        _limit_resources(request)
        _exit_at_cpu_limit()
        tracer.start_counting_tampering()   # before any student code
        # in its own filesystem every directory above Python is searchable by any uid
        uid = request.get("uid") if isolated or request.get("python_reachable") else None
        _drop_privileges(uid, root_tasks)
        # orphans of the student's processes come back to the worker, where a traced call
        # sees them (tracer.children_alive); in its PID namespace it is init already
        _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        worker = Worker(request["submission"], request["module"])
    except BaseException as e:  # noqa: BLE001 (the sandbox could not be set up: the grader's fault)
        traceback.print_exc()
        with contextlib.suppress(Exception):
            wire.send(sock, {"ready": False, "why": f"{type(e).__name__}: {_safe_str(e)}"})
        os._exit(0)
    try:
        # said before any student code runs, so the submission cannot forge a setup failure
        wire.send(sock, {"ready": True})
        while True:
            try:
                message = wire.recv(sock)
            except EOFError:
                break
            nonce = message.get("nonce", b"")
            try:
                with _cpu_limit(message.get("cpu_seconds")):
                    reply = worker.handle(message)
                wire.send(sock, reply, key, nonce)
            except Exception as e:  # noqa: BLE001 (an output that cannot be sent)
                wire.send(sock, {"ok": False, "kind": "raised", "type": "UnsendableOutput",
                                 "message": f"the output could not be sent to the grader "
                                            f"({type(e).__name__}: {_safe_str(e)})",
                                 "frames": [], "stdout": ""}, key, nonce)
    except BaseException:  # noqa: BLE001 (say why in the log)
        traceback.print_exc()
    finally:
        os._exit(0)


def _isolate(request):
    """As root: private mount and PID namespaces. The worker's whole filesystem is
    rebuilt on an empty tmpfs from what it needs (system libraries, the Python
    installation, this session's copy of the submission), read-only: no copy of the
    grader, the solutions or another submission exists in it, wherever it lies on
    the machine. /proc shows the worker's own processes only, the grader's processes
    cannot be seen or signalled, and every process the student starts dies with the
    worker. Elsewhere: False, nothing done."""
    if os.geteuid() != 0 or _libc.unshare(CLONE_NEWNS | CLONE_NEWPID) != 0:
        return False
    if not _mount(b"none", b"/", None, MS_REC | MS_PRIVATE):
        return False
    _close_directory_fds()      # an open directory outside would lead back out
    if not _enter_new_root(request):
        raise OSError(ctypes.get_errno(), "the worker's filesystem could not be built")
    tempfile.tempdir = os.environ["TMPDIR"] = os.environ["HOME"] = "/tmp"
    os.chdir(request["submission"])
    return True


def _enter_new_root(request):
    root = request["root"]
    if not _mount(b"tmpfs", root.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,mode=0755"):
        return False
    for path in ("/tmp", "/proc", "/dev", "/.old"):
        os.makedirs(root + path)
    # one writable place, private to this worker, in RAM and gone with it: torch and
    # Python want a temporary directory now and then (torch.optim does)
    if not _mount(b"tmpfs", (root + "/tmp").encode(), b"tmpfs", MS_NOSUID | MS_NODEV,
                  b"size=64m,mode=1777"):
        return False
    os.symlink("/tmp", root + "/dev/shm")
    for path in SYSTEM:
        if os.path.islink(path):
            os.symlink(os.readlink(path), root + path)
        elif os.path.isdir(path):
            _bind(path, root)
    for path in _python_paths() + [request["submission"]]:
        _bind(path, root)
    for path in DEVICES + tuple(sorted(glob.glob("/dev/nvidia*"))):
        _bind(path, root)
    for path in request.get("hide", []):     # in case a bound directory holds the grader
        if os.path.isdir(root + path):
            _mount(b"tmpfs", (root + path).encode(), b"tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV,
                   b"size=4k,mode=0555")
    if _libc.syscall(PIVOT_ROOT, root.encode(), (root + "/.old").encode()) != 0:
        return False
    os.chdir("/")
    if _libc.umount2(b"/.old", MNT_DETACH) != 0:
        return False
    os.rmdir("/.old")
    return _mount(None, b"/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _bind(path, root):
    """Mount ``path`` read-only at the same place under ``root`` (not its submounts)."""
    real = os.path.realpath(path)
    target = root + real
    if os.path.lexists(target):
        return                        # already inside a bound directory
    if os.path.isdir(real):
        os.makedirs(target)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "w").close()
    if _mount(real.encode(), target.encode(), None, MS_BIND):
        _mount(None, target.encode(), None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID)


def _python_paths():
    """The interpreter's directories, outermost first so that inner ones are skipped."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             os.path.dirname(os.path.dirname(torch.__file__))}
    paths.update(p for p in sys.path if os.path.isdir(p))
    real = {os.path.realpath(p) for p in paths}
    return sorted((p for p in real if not any(p.startswith(q + os.sep) for q in real)), key=len)


def _close_directory_fds():
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            if os.path.isdir(f"/proc/self/fd/{fd}"):
                os.close(int(fd))


def _mirror(status):
    """End this process the way the namespace's worker ended (for the crash report)."""
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _drop_privileges(uid, root_tasks):
    """As root: no capabilities left (so no unmounting the cover, no raw devices), and
    the session's own ``uid`` unless it is None."""
    if os.geteuid() != 0:
        return
    for cap in range(64):
        _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if uid is None:   # still uid 0: the limit counts root's tasks already running
        limit = root_tasks + PROCESSES
        resource.setrlimit(resource.RLIMIT_NPROC, (limit, limit))
    else:
        resource.setrlimit(resource.RLIMIT_NPROC, (PROCESSES, PROCESSES))
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        return
    header, data = _CapHeader(0x20080522, 0), (_CapData * 2)()
    _libc.capset(ctypes.byref(header), data)


def _tasks_of(uid):
    """Processes and threads of ``uid`` on the machine (what RLIMIT_NPROC counts)."""
    count = 0
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError, StopIteration, ValueError):
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            if entry.isdigit() and int(fields["Uid"].split()[0]) == uid:
                count += int(fields["Threads"])
    return count


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def _mount(source, target, fstype, flags, data=None):
    return _libc.mount(source, target, fstype, flags, data) == 0


def _limit_resources(request):
    vm = _address_space()
    if request.get("memory_bytes") and vm is not None:   # no /proc (macOS): no RLIMIT_AS,
        limit = vm + request["memory_bytes"]             # which macOS does not enforce
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_BYTES, FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))    # SIGXCPU would dump core
    if request.get("cpu_seconds"):
        resource.setrlimit(resource.RLIMIT_CPU, (request["cpu_seconds"], request["cpu_seconds"] + 5))


def _exit_at_cpu_limit():
    """SIGXCPU (the kernel's, at the CPU limit, or the grader's, at the wall-clock
    backstop) writes the Python stack to stderr (the grader shows the student's frames:
    where the code was) and ends the worker with exit status SIGXCPU, through C
    handlers (faulthandler's, then libc's _exit): the kernel's default action never
    applies to PID 1 of a namespace, which the isolated worker is, and a Python handler
    would wait for the C kernel it interrupts to finish first."""
    _libc.signal.restype = ctypes.c_void_p
    _libc.signal.argtypes = [ctypes.c_int, ctypes.c_void_p]
    _libc.signal(signal.SIGXCPU, ctypes.cast(_libc._exit, ctypes.c_void_p))
    faulthandler.register(signal.SIGXCPU, file=sys.__stderr__, all_threads=False, chain=True)


def _address_space():
    """The worker's address space in bytes (VmSize), or None where /proc cannot tell."""
    try:
        with open("/proc/self/status") as f:
            return next((int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize")),
                        None)
    except OSError:
        return None


@contextlib.contextmanager
def _cpu_limit(seconds):
    """Within this block the process may use ``seconds`` more CPU time: RLIMIT_CPU's soft
    limit is set that far ahead, and the kernel ends the worker with SIGXCPU past it,
    wherever its code is (a C kernel included). The hard limit, the worker's whole life,
    stays: soft limits can be raised again, hard ones cannot."""
    if not seconds:
        yield
        return
    _, hard = _getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(_cpu_now() + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    _setrlimit(resource.RLIMIT_CPU, (soft, hard))
    try:
        yield
    finally:
        with contextlib.suppress(ValueError, OSError):
            _setrlimit(resource.RLIMIT_CPU, (hard, hard))


class Worker:
    def __init__(self, submission, module):
        self.submission, self.module_name = submission, module
        self.module = None
        self.state = _TorchState()     # before any student code
        # introspection of the interpreter (tracer.start_counting_tampering) at import
        # counts against every traced call
        self.tampered_at_import = False

    def handle(self, message):
        if self.module is None:
            error = self._import()
            if error:
                return error
        if message["op"] == "import":
            return {"ok": True}
        return self._call(message)

    def _import(self):
        path = os.path.join(self.submission, self.module_name + ".py")
        if self.submission not in sys.path:
            sys.path.insert(0, self.submission)
        stdout = io.StringIO()
        count = tracer.tampering_count()
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stdout):
                spec = importlib.util.spec_from_file_location(self.module_name, path)
                module = importlib.util.module_from_spec(spec)
                sys.modules[self.module_name] = module
                spec.loader.exec_module(module)
        except BaseException as e:  # noqa: BLE001 (student code may raise anything)
            return self._error("import", e, stdout)
        self.module = module
        # what it patched in torch is put back (before every call too); what it read of the
        # interpreter's internals cannot be put back: every traced call is suspect
        self.state.restore()
        self.tampered_at_import = tracer.tampering_count() > count
        return None

    def _call(self, message):
        fn = getattr(self.module, message["function"], None)
        if not callable(fn):
            return {"ok": False, "kind": "missing", "type": "", "message": "", "frames": [], "stdout": ""}
        args = wire.decode(message["args"], rebuild_callables=True)
        kwargs = wire.decode(message["kwargs"], rebuild_callables=True)
        _seed_python_random(args, kwargs)
        stdout = io.StringIO()
        start = _cpu_now()
        try:
            traced = message.get("trace", True)
            tracing = tracer.tracing(self.submission + os.sep) if traced else tracer.untraced()
            before = tracer.descendants_activity() if traced else {}
            count = tracer.tampering_count()
            self.state.restore()        # what an earlier call changed does not leak into this one
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stdout), \
                    tracing as trace:
                result = fn(*args, **kwargs)
                if _is_iterator(result):
                    result = _consume(result)
                cpu = _cpu_now() - start
                if message.get("backward") is not None:   # the student's backward is traced too
                    result.backward(wire.decode(message["backward"]))
                if traced and tracer.descendants_activity().items() - before.items():
                    trace.record("tracer.tamper", "a child process (os.fork, subprocess ...)")
            patched = self.state.restore()      # before the reply is encoded with torch's own
            if traced and (self.tampered_at_import or patched or
                           tracer.tampering_count() > count):
                trace.ops.setdefault("tracer.tamper", f"torch patched ({patched[0]})" if patched
                                     else "the grader's own objects (through gc, frames, code "
                                          "or the mode stacks)")
        except BaseException as e:  # noqa: BLE001
            self.state.restore()
            return self._error("raised", e, stdout)
        return {"ok": True, "result": wire.encode(result), "args": wire.encode(args),
                "kwargs": wire.encode(kwargs), "calls": trace.calls, "ops": trace.ops,
                "sites": [[*site, n] for site, n in sorted(trace.sites.items(),
                                                           key=lambda kv: -kv[1])[:SITES]],
                "stdout": stdout.getvalue()[:STDOUT_LIMIT], "cpu": cpu}

    def _error(self, kind, e, stdout):
        frames = [(os.path.relpath(f.filename, self.submission), f.lineno, f.name, f.line or "")
                  for f in traceback.extract_tb(e.__traceback__)
                  if os.path.isfile(f.filename)
                  and os.path.abspath(f.filename).startswith(self.submission + os.sep)]
        if isinstance(e, SyntaxError) and e.filename and not frames:
            frames.append((os.path.basename(e.filename), e.lineno or 0, "<module>", (e.text or "").strip()))
        return {"ok": False, "kind": kind, "type": type(e).__name__, "message": _safe_str(e),
                "types": [c.__name__ for c in type(e).__mro__][:20],
                "frames": frames[-8:], "stdout": stdout.getvalue()[:STDOUT_LIMIT]}


class _TorchState:
    """torch as it was before the submission ran: the attributes of torch, torch.Tensor
    and torch.nn.functional, and the global switches a call may leave changed (grad
    mode, default dtype, threads ...). ``restore()`` puts them back and names what had
    been replaced (new attributes are left alone: torch adds some lazily)."""

    def __init__(self):
        import torch.nn.functional
        self.owners = [(owner, dict(vars(owner)))
                       for owner in (torch, torch.Tensor, torch.nn.functional)]
        self.dtype, self.threads = torch.get_default_dtype(), torch.get_num_threads()
        self.deterministic = torch.are_deterministic_algorithms_enabled()

    def restore(self):
        replaced = []
        for owner, saved in self.owners:
            now = vars(owner)
            for name, value in saved.items():
                current = now.get(name, _MISSING)
                if current is not value:
                    if not _torch_own(current):     # torch wraps some lazily (dynamo: manual_seed)
                        replaced.append(f"{owner.__name__}.{name}")
                    with contextlib.suppress(AttributeError, TypeError):
                        setattr(owner, name, value)
        torch.set_grad_enabled(True)
        torch.autograd.set_detect_anomaly(False)
        for key in _PYTHON_KEYS:        # where the tracing modes are reached from
            if torch._C._dispatch_tls_is_dispatch_key_excluded(key):
                torch._C._dispatch_tls_set_dispatch_key_excluded(key, False)
        torch.set_default_dtype(self.dtype)
        if torch.get_num_threads() != self.threads:
            torch.set_num_threads(self.threads)
        if torch.are_deterministic_algorithms_enabled() != self.deterministic:
            torch.use_deterministic_algorithms(self.deterministic)   # ~17 ms: only if changed
        return replaced


_MISSING = object()
_PYTHON_KEYS = (torch._C.DispatchKey.Python, torch._C.DispatchKey.PythonTLSSnapshot)


def _torch_own(value):
    code = getattr(value, "__code__", None)
    if code is not None:
        return code.co_filename.startswith(tracer.TORCH_DIR)
    return value is not _MISSING and str(getattr(value, "__module__", "")).startswith("torch")


def _seed_python_random(args, kwargs):
    """A call given a torch.Generator also gets Python's ``random`` seeded from it:
    code that draws from ``random`` (d2l's data_iter, allowed) is then as reproducible
    as the generator makes the contract promise."""
    generators = [a for a in (*args, *kwargs.values()) if isinstance(a, torch.Generator)]
    if generators:
        random.seed(generators[0].initial_seed())


def _is_iterator(obj):
    return hasattr(type(obj), "__next__") and hasattr(type(obj), "__iter__") \
        and not isinstance(obj, torch.Tensor)


def _consume(iterator):
    items = wire.Iterated(itertools.islice(iterator, wire.MAX_ITEMS))
    items.type_name = type(iterator).__name__
    return items


def _safe_str(e):
    try:
        return str(e)[:2000]
    except BaseException:  # noqa: BLE001
        return "<unprintable exception>"


if __name__ == "__main__":
    main()
