"""Exhausting resources: time, threads, processes, memory, disk, signals, the
grader's own patience on the wire, the machine's shared places. Every attack is
bounded on its own side (at most 400 processes, 90 s of spinning, 10 GB of writes
that the 64 MiB file limit cuts, 30 s of trickling), so a grader that fails to
contain it loses a test, not this machine."""
# ruff: noqa: F821
import glob
import os
import re

from tests.conftest import function_entry
from tests.hostile import NAME_SELF, WRITE_ON_SOCKET, attack

MAX_PROCESSES = 256        # RLIMIT_NPROC the worker promises (SECURITY.md)
FILE_LIMIT = 64 << 20      # RLIMIT_FSIZE the worker promises


def _told(result, module, function, pattern):
    """The numbers an attack put in its exception messages (``pattern`` has one group)."""
    entry = function_entry(result.report, module, function)
    return [int(n) for c in entry["checks"] for n in re.findall(pattern, c["message"])]


@attack("ex01_tensors", "topk_accuracy")
def infinite_loop(logits, labels, k):
    """while True: pass."""
    while True:
        pass


@attack("ex04_activations", "relu")
def sleep(x):
    """time.sleep(1000): no CPU used, so no CPU limit fires."""
    import time
    time.sleep(1000)


@attack("ex08_knn", "knn_vote", lingers=True, prelude=NAME_SELF)
def spinning_thread(neighbor_labels, num_classes):
    """Starts a (non-daemon) thread that spins for 90 s after the call returned; the answer is None."""
    import threading
    import time
    if not any(t.name == "hostile-spinner" for t in threading.enumerate()):
        def spin():
            _hostile_name_me()
            end = time.monotonic() + 90
            while time.monotonic() < end:
                pass
        threading.Thread(target=spin, name="hostile-spinner").start()
    return None


def _forks_contained(result, scratch):
    forks = _told(result, "ex05_softmax", "softmax_backward", r"hostile forks=(\d+)")
    assert forks, "the fork bomb did not report"
    assert max(forks) <= MAX_PROCESSES, \
        f"the worker forked {max(forks)} processes (RLIMIT_NPROC promises {MAX_PROCESSES})"


@attack("ex05_softmax", "softmax_backward", solo=True, lingers=True, verify=_forks_contained,
        prelude=NAME_SELF + "_HOSTILE_STARTED = []\n")
def fork_bomb(grad_out, probs, dim=-1):
    """Forks sleeping children until fork fails (stopping at 400 to spare this machine) and counts them."""
    import os
    import time
    if _HOSTILE_STARTED:
        raise NotImplementedError
    _HOSTILE_STARTED.append(True)
    count = 0
    for _ in range(400):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            try:
                _hostile_name_me()
                time.sleep(60)
            finally:
                os._exit(0)
        count += 1
    raise RuntimeError(f"hostile forks={count}")


@attack("ex03_linear_regression", "normal_equation")
def huge_allocation(X, y):
    """Allocates and touches 256 MiB blocks until memory runs out."""
    blocks = []
    while True:
        blocks.append(torch.ones(64 << 20))


@attack("ex04_activations", "sigmoid_backward", prelude="_HOSTILE_HOARD = []\n")
def memory_leak(grad_out, out):
    """Keeps every block it allocates in a module-level list until the worker's address space is full, and leaves it full."""
    size = 1 << 30
    while size >= 1 << 12:
        try:
            _HOSTILE_HOARD.append(torch.empty(size, dtype=torch.uint8))
        except (MemoryError, RuntimeError):
            size //= 2
    raise NotImplementedError


def _file_cut(result, scratch):
    sizes = _told(result, "ex07_conv", "pad2d", r"hostile wrote (\d+) bytes")
    assert sizes, "the attack did not report"
    assert max(sizes) <= FILE_LIMIT, \
        f"the worker wrote a {max(sizes) >> 20} MiB file (limit {FILE_LIMIT >> 20} MiB)"


@attack("ex07_conv", "pad2d", verify=_file_cut)
def big_file(x, padding):
    """Lifts its RLIMIT_FSIZE (if it can) and writes a 10 GB file in 8 MiB chunks, wherever it can write."""
    import os
    import resource
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    except (ValueError, OSError):
        pass
    chunk, written, where = b"\1" * (8 << 20), 0, None
    for directory in (os.getcwd(), os.path.expanduser("~"), "/tmp", "/var/tmp", "/dev/shm",
                      "/dev"):
        path = os.path.join(directory, "hostile-big-__TOKEN__.bin")
        try:
            f = open(path, "wb", buffering=0)
        except OSError:
            continue
        where = path
        try:
            for _ in range(10 * 1024 // 8):
                written += f.write(chunk)
        except OSError:
            pass
        finally:
            f.close()
            os.unlink(path)
        break
    raise RuntimeError(f"hostile wrote {written} bytes to {where}")


@attack("ex05_softmax", "cross_entropy_backward", prelude='''
import signal as _signal

for _sig in (_signal.SIGTERM, _signal.SIGINT, _signal.SIGHUP, _signal.SIGXCPU, _signal.SIGALRM,
             _signal.SIGUSR1, _signal.SIGUSR2, _signal.SIGPIPE):
    _signal.signal(_sig, _signal.SIG_IGN)
''')
def ignore_sigterm(logits, labels):
    """Ignores SIGTERM, SIGINT, SIGHUP, SIGXCPU ... at import, blocks every blockable signal, then loops forever."""
    import signal
    signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
    while True:
        pass


def _trickle_cut(result, scratch):
    first = function_entry(result.report, "ex01_tensors", "accuracy")["checks"][0]["message"]
    assert first.startswith("timed out"), \
        f"the grader kept reading a reply trickled at one byte a second: {first.splitlines()[0]}"


@attack("ex01_tensors", "accuracy", verify=_trickle_cut, prelude="_HOSTILE_STARTED = []\n")
def trickle_reply(logits, labels):
    """Writes a reply header to the worker's own socket, then one byte a second for 30 s: every recv succeeds within its timeout."""
    import os
    import socket
    import struct
    import sys
    import time
    if _HOSTILE_STARTED:
        raise NotImplementedError
    _HOSTILE_STARTED.append(True)
    frame, socks = sys._getframe(), []
    while frame is not None:           # the worker's loop holds its socket as `sock`
        if isinstance(frame.f_locals.get("sock"), socket.socket):
            socks.append(frame.f_locals["sock"])
        frame = frame.f_back
    for s in socks:
        s.sendall(struct.pack("!Q", 1000))
    for _ in range(30):
        for s in socks:
            s.sendall(b"\0")
        time.sleep(1)
    os._exit(0)


@attack("ex02_gradient_descent", "himmelblau")
def stdout_flood(x):
    """Floods fds 1 and 2 (the worker's log) with 100 MB, then print()s megabyte lines forever."""
    import os
    line = b"x" * (1 << 20)
    for fd in (1, 2):
        for _ in range(100):
            try:
                os.write(fd, line)
            except OSError:
                break
    text = "y" * (1 << 20)
    while True:
        print(text)


@attack("ex06_mlp", "mlp_loss_and_grads", prelude="_HOSTILE_STARTED = []\n")
def huge_reply(X, y, params):
    """Once, returns a 1 GiB tensor: the grader has to receive and load it (its memory is not limited)."""
    if _HOSTILE_STARTED:
        raise NotImplementedError
    _HOSTILE_STARTED.append(True)
    return torch.ones(256 << 20), {}


LEAVE_IN = ("/dev/shm", "/dev", "/tmp", "/var/tmp", "/run", "/run/lock")


def _left_files(scratch):
    return [os.path.join(d, f"hostile-left-{scratch.parent.name}.txt") for d in LEAVE_IN]


def _nothing_left(result, scratch):
    left = [p for p in _left_files(scratch) if os.path.exists(p)]
    assert not left, f"files the submission wrote outlive the grading run: {left}"


def _remove_left(scratch):
    for path in _left_files(scratch):
        if os.path.exists(path):
            os.unlink(path)


@attack("ex02_gradient_descent", "numerical_gradient", verify=_nothing_left,
        cleanup=_remove_left)
def leave_files(f, x, eps=1e-6):
    """Writes files into every shared place it can (/dev/shm, /dev, /tmp, /var/tmp, /run): they would outlive the worker and fill the machine."""
    import os
    for directory in ("/dev/shm", "/dev", "/tmp", "/var/tmp", "/run", "/run/lock"):
        try:
            with open(os.path.join(directory, "hostile-left-__TOKEN__.txt"), "w") as out:
                out.write("left behind by a graded submission\n")
        except OSError:
            pass
    raise NotImplementedError


def _cgroups(scratch):
    name = f"hostile-{scratch.parent.name}"
    return glob.glob(f"/sys/fs/cgroup/*/{name}")


def _no_cgroup_made(result, scratch):
    made = _told(result, "ex08_knn", "knn_predict", r"hostile cgroups made=(\d+)")
    assert made, "the attack did not report"
    assert max(made) == 0, f"the worker created cgroups under /sys/fs/cgroup ({max(made)})"


def _remove_cgroups(scratch):
    for path in _cgroups(scratch):
        os.rmdir(path)


@attack("ex08_knn", "knn_predict", verify=_no_cgroup_made, cleanup=_remove_cgroups)
def cgroup_write(X_train, y_train, X_test, k, num_classes=None):
    """Creates (and at once removes) a cgroup under each controller of /sys/fs/cgroup: a worker that can also rewrites the machine's limits."""
    import glob
    import os
    made = 0
    for controller in glob.glob("/sys/fs/cgroup/*/"):
        path = os.path.join(controller, "hostile-__TOKEN__")
        try:
            os.mkdir(path)
        except OSError:
            continue
        made += 1
        try:
            os.rmdir(path)
        except OSError:
            pass
    raise RuntimeError(f"hostile cgroups made={made}")


@attack("ex01_tensors", "accuracy", prelude=WRITE_ON_SOCKET)
def decode_bomb(logits, labels):
    """Writes its own small reply on the worker's socket: shared references that decoding on the grader's side expands 1000**6 times."""
    node = ("py", 0)
    for _ in range(6):      # torch.save memoises the shared child: a few KB on the wire
        node = ("dict", [(("py", 0), node)] * 1000)
    _hostile_write_on_socket({"ok": True, "result": node, "args": ("tuple", []),
                              "kwargs": ("dict", []), "calls": 0, "ops": {}, "stdout": "",
                              "seconds": 0.0})
    return 0.0


@attack("ex01_tensors", "topk_accuracy", prelude="import time as _time\n_time.sleep(17)\n")
def dos_respawn(logits, labels, k):
    """Every import sleeps 17 s (under the unscaled 20 s import limit) and every call ends the worker, so each call costs a re-import."""
    import os
    os._exit(0)


def _timeout_scale(scratch):
    """The --timeout-scale the hostile tests grade with (the sleeps stay just under every limit)."""
    import sys
    extra = next(m.EXTRA for name, m in list(sys.modules.items())
                 if name.endswith("test_hostile") and hasattr(m, "EXTRA"))
    scale = extra[extra.index("--timeout-scale") + 1] if "--timeout-scale" in extra else "1"
    return {"__SCALE__": scale}


@attack("ex06_mlp", "train_mlp", setup=_timeout_scale)
def dos_slow_calls(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    """Every call sleeps (no CPU) 108 s or 27 s, scaled: under its wall-clock backstop, so never a timeout; the function's wall budget bounds the whole. Returns zero weights."""
    import time
    time.sleep((120 if epochs == 1000 else 30) * __SCALE__ * 0.9)
    C = int(y.max()) + 1
    shapes = {"W1": (X.shape[1], hidden), "b1": (hidden,), "W2": (hidden, C), "b2": (C,)}
    return {name: torch.zeros(shape, dtype=X.dtype, device=X.device) for name, shape in shapes.items()}
