"""Tampering with the verdict: the attacked function is as wrong as a stub (it raises
NotImplementedError or returns garbage and spoils its input), and something else
tries to turn that into points: patched comparisons, exceptions that look like
pytest's own outcomes, a conftest.py or sitecustomize.py, a fake report, killing the
grader, a process that outlives the grading run, files planted where root runs code."""
# ruff: noqa: F821
import sysconfig
from pathlib import Path

from tests.hostile import NAME_SELF, WRITE_ON_SOCKET, attack

FAKE_MARKER = "HOSTILE-FAKE-REPORT"

# The grader's and the zygote's pids, found by walking up /proc (only processes whose
# command line is the grader's or its worker's: never anything else on the machine).
ANCESTORS = '''
import os as _os


def _hostile_ancestors(levels=4):
    found, pid = [], _os.getppid()
    for _ in range(levels):
        if pid <= 1:
            break
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = [a.decode(errors="replace") for a in f.read().split(b"\\0")]
            with open(f"/proc/{pid}/status") as f:
                parent = int(next(l.split()[1] for l in f if l.startswith("PPid:")))
        except (OSError, StopIteration, ValueError):
            break
        if any(a.endswith("worker.py") for a in argv) or \\
                any(a == "-m" and b == "grader" for a, b in zip(argv, argv[1:])):
            found.append((pid, argv))
        pid = parent
    return found


def _hostile_report_paths():
    paths = []
    for _, argv in _hostile_ancestors():
        for flag, value in zip(argv, argv[1:]):
            if flag == "--json" and value != "-":
                paths.append(value)
    return paths


def _hostile_fake_report():
    import json
    return json.dumps({"schema": 1, "submission": "FAKE_MARKER", "score": 100.0,
                       "max_score": 100.0, "functions": [], "errors": [],
                       "environment": {}, "duration_s": 0.0})
'''.replace("FAKE_MARKER", FAKE_MARKER)


@attack("ex04_activations", "tanh_backward", prelude='''
import math as _math

import numpy as _np
import torch as _torch


def _agree(*args, **kwargs):
    return True


_torch.allclose = _torch.equal = _np.allclose = _np.array_equal = _math.isclose = _agree
_torch.isclose = lambda a, b, *args, **kwargs: _torch.ones(_torch.as_tensor(a).shape, dtype=_torch.bool)
_torch.testing.assert_close = lambda *args, **kwargs: None
_torch.Tensor.__eq__ = lambda self, other: _torch.ones(self.shape, dtype=_torch.bool)
_torch.Tensor.__ne__ = lambda self, other: _torch.zeros(self.shape, dtype=_torch.bool)
''')
def patch_torch(grad_out, out):
    """At import, torch.allclose / isclose / equal / testing.assert_close / Tensor.__eq__ (and NumPy's) always agree; the answer is zeros."""
    out.mul_(0)        # spoils an input too, so no check can pass honestly
    return torch.zeros_like(grad_out)


@attack("ex01_tensors", "accuracy")
def pytest_skip(logits, labels):
    """Raises pytest.skip's exception, hoping the check leaves the function's denominator."""
    import pytest
    pytest.skip("not applicable")


@attack("ex02_gradient_descent", "himmelblau")
def pytest_xfail(x):
    """Raises pytest.xfail's exception (an expected failure)."""
    import pytest
    pytest.xfail("known to fail")


@attack("ex03_linear_regression", "sgd")
def unittest_skip(params, lr, batch_size):
    """Raises unittest.SkipTest."""
    import unittest
    raise unittest.SkipTest("skipped")


@attack("ex06_mlp", "train_mlp")
def keyboard_interrupt(X, y, *args, **kwargs):
    """Raises KeyboardInterrupt, which a bare `except Exception` does not catch."""
    raise KeyboardInterrupt


@attack("ex05_softmax", "softmax_jacobian")
def system_exit(p):
    """Calls sys.exit(0), as if the test run ended normally."""
    import sys
    sys.exit(0)


@attack("ex08_knn", "knn_regress")
def generator_exit(X_train, y_train, X_test, k):
    """Raises GeneratorExit."""
    raise GeneratorExit


CONFTEST = '''
"""A student's conftest.py: if pytest ever loaded it, every check would pass."""
import os
import sys

import pytest

try:
    with open(os.path.join("__SCRATCH__", f"loaded-conftest-{os.getpid()}"), "w") as f:
        f.write(" ".join(sys.argv))
except OSError:
    pass


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    return True          # the check "ran" and raised nothing


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.skip(reason="skipped by the submission"))
'''

CUSTOMIZE = '''
"""A student's {name}.py: if any Python started with the submission on its path ran
it, every report written with json would show full marks."""
import json
import os
import sys

try:
    with open(os.path.join("__SCRATCH__", f"loaded-{{__name__}}-{{os.getpid()}}"), "w") as f:
        f.write(" ".join(sys.argv))
except OSError:
    pass

_dumps = json.dumps


def dumps(obj, *args, **kwargs):
    if isinstance(obj, dict) and isinstance(obj.get("functions"), list):
        for f in obj["functions"]:
            f["score"] = f.get("max_score", f.get("score"))
            for c in f.get("checks", []):
                c["status"] = "passed"
        obj["score"] = obj.get("max_score", obj.get("score"))
    return _dumps(obj, *args, **kwargs)


json.dumps = dumps
'''


def _not_loaded(result, scratch):
    loaded = sorted(p.name for p in scratch.glob("loaded-*"))
    assert not loaded, f"the submission's extra files were executed: {loaded}"


@attack("ex02_gradient_descent", "gradient_descent", files={"conftest.py": CONFTEST},
        verify=_not_loaded)
def conftest(f, x0, lr, steps):
    """A conftest.py in the submission whose hooks make every check pass (pytest_pyfunc_call) or skip."""
    raise NotImplementedError


@attack("ex06_mlp", "mlp_backward", verify=_not_loaded, files={
    "sitecustomize.py": CUSTOMIZE.format(name="sitecustomize"),
    "usercustomize.py": CUSTOMIZE.format(name="usercustomize")})
def sitecustomize(dscores, cache, params):
    """sitecustomize.py and usercustomize.py in the submission that rewrite any JSON report to full marks."""
    raise NotImplementedError


def _no_fake_in_output(result, scratch):
    for name in ("stdout", "stderr"):
        text = getattr(result.proc, name) or ""
        assert FAKE_MARKER not in text, f"the submission's fake report reached the grader's {name}"


@attack("ex03_linear_regression", "data_iter", prelude=ANCESTORS, verify=_no_fake_in_output)
def fake_stdout(batch_size, features, labels, generator=None):
    """Prints a full-marks JSON report: print, sys.__stdout__, os.write(1 and 2), /dev/tty, the grader's /proc/<pid>/fd/1."""
    import sys
    fake = _hostile_fake_report() + "\n"
    print(fake)
    for stream in (sys.__stdout__, sys.__stderr__):
        try:
            stream.write(fake)
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    for fd in (1, 2):
        try:
            _os.write(fd, fake.encode())
        except OSError:
            pass
    for path in ["/dev/tty"] + [f"/proc/{pid}/fd/{fd}" for pid, _ in _hostile_ancestors()
                                for fd in (1, 2)]:
        try:
            with open(path, "a") as f:
                f.write(fake)
        except OSError:
            pass
    raise NotImplementedError


@attack("ex02_gradient_descent", "numerical_gradient", prelude=ANCESTORS, lingers=True)
def report_path(f, x, eps=1e-6):
    """Writes a full-marks report to the --json path read from the grader's /proc/<pid>/cmdline, and plants a symlink there."""
    for path in _hostile_report_paths():
        try:
            with open(path, "w") as out:
                out.write(_hostile_fake_report())
            fake = path + ".fake"
            with open(fake, "w") as out:
                out.write(_hostile_fake_report())
            _os.replace(fake, path)
            _os.symlink(fake, path + ".link")
            _os.replace(path + ".link", path)
        except OSError:
            pass
    raise NotImplementedError


@attack("ex01_tensors", "flatten_images")
def os_exit(x):
    """os._exit(0) in the middle of a call: the worker vanishes without an exception."""
    import os
    os._exit(0)


@attack("ex02_gradient_descent", "gradient_descent", prelude=ANCESTORS)
def kill_parent(f, x0, lr, steps):
    """SIGTERM, then SIGKILL, to os.getppid() and every ancestor whose command line is the grader's or its worker's."""
    import signal
    targets = [pid for pid, _ in _hostile_ancestors()]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in targets:
            if pid > 1 and pid != _os.getpid():
                try:
                    _os.kill(pid, sig)
                except OSError:
                    pass
    raise NotImplementedError


@attack("ex05_softmax", "cross_entropy_numpy", prelude=ANCESTORS + NAME_SELF, solo=True,
        lingers=True)
def daemon(logits, labels):
    """A double-forked setsid daemon that outlives the call and rewrites the report (path from the grader's cmdline) for 40 s."""
    import time
    targets = _hostile_report_paths()
    first = _os.fork()
    if first == 0:
        _os.setsid()
        if _os.fork() == 0:
            try:
                _hostile_name_me()
                end = time.monotonic() + 40
                while time.monotonic() < end:
                    for path in targets:
                        try:
                            with open(path, "w") as f:
                                f.write(_hostile_fake_report())
                        except OSError:
                            pass
                    time.sleep(0.3)
            finally:
                _os._exit(0)
        _os._exit(0)
    _os.waitpid(first, 0)
    raise NotImplementedError


@attack("ex01_tensors", "one_hot")
def always_value_error(labels, num_classes):
    """Raises ValueError for every input: the checks that expect a ValueError for bad labels pass."""
    raise ValueError("every label must lie in [0, num_classes)")


def _plant_dirs():
    import os
    import pwd

    import torch
    return [Path(sysconfig.get_paths()["purelib"]), Path(os.path.dirname(torch.__file__)),
            Path(pwd.getpwuid(0).pw_dir)]


def _planted(scratch):
    return [d / f"hostile-marker-{scratch.parent.name}.txt" for d in _plant_dirs()]


def _nothing_planted(result, scratch):
    found = [str(p) for p in _planted(scratch) if p.exists()]
    assert not found, f"the submission wrote files where root later runs code: {found}"


def _unplant(scratch):
    for path in _planted(scratch):
        path.unlink(missing_ok=True)


@attack("ex01_tensors", "add_channel_bias", verify=_nothing_planted, cleanup=_unplant)
def plant_site_packages(x, bias):
    """Writes a marker into the interpreter's site-packages (where a .pth runs at every Python start), torch's package and root's home."""
    import os
    import pwd
    import sysconfig
    for directory in (sysconfig.get_paths()["purelib"], os.path.dirname(torch.__file__),
                      pwd.getpwuid(0).pw_dir):
        try:
            with open(os.path.join(directory, "hostile-marker-__TOKEN__.txt"), "w") as f:
                f.write("written by a graded submission; a .pth here would run as root\n")
        except OSError:
            pass
    raise NotImplementedError


@attack("ex01_tensors", "add_channel_bias", solo=True)
def control_socket(x, bias):
    """Writes forged zygote replies into every socket it inherited besides its own (the grader-zygote control channel)."""
    import os
    import socket
    import stat
    import sys
    own, frame = set(), sys._getframe()
    while frame is not None:           # the worker's loop holds its own socket as `sock`
        if isinstance(frame.f_locals.get("sock"), socket.socket):
            own.add(frame.f_locals["sock"].fileno())
        frame = frame.f_back
    forged = b'{"status": null, "pid": 1}\n' * 100
    for fd in range(3, 256):
        try:
            if fd not in own and stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.write(fd, forged)
        except OSError:
            pass
    raise NotImplementedError


@attack("ex02_gradient_descent", "numerical_gradient")
def global_state_leak(f, x, eps=1e-6):
    """Switches grad mode off for good (torch.set_grad_enabled(False)) and raises: the module's later calls run without autograd."""
    torch.set_grad_enabled(False)
    raise NotImplementedError


@attack("ex04_activations", "relu")
def surrogate_message(x):
    """An exception message holding a lone surrogate, which strict UTF-8 cannot write."""
    raise ValueError("bad \ud800 input")


def _no_escape_in_output(result, scratch):
    from grader.engine import terminal
    shown = {"the terminal table": terminal.render(result.report, "submission", True),
             "stdout": result.proc.stdout or "", "stderr": result.proc.stderr or ""}
    for where, text in shown.items():
        assert "\x1b" not in text, f"a raw ESC from the submission's message reached {where}"


@attack("ex04_activations", "relu", verify=_no_escape_in_output)
def ansi_spoof(x):
    """A failure message of ANSI escapes that clears the screen, draws a forged full-marks table and hides what follows."""
    rows = [("ex01_tensors", 10), ("ex02_gradient_descent", 12), ("ex03_linear_regression", 14),
            ("ex04_activations", 9), ("ex05_softmax", 16), ("ex06_mlp", 15), ("ex07_conv", 14),
            ("ex08_knn", 10)]
    fake = "\x1b[2J\x1b[3J\x1b[H" + "".join(f"{m:<32} {p:6.2f} / {p:g}\x1b[1E" for m, p in rows)
    fake += "\x1b[1E[##############################] 30/30 functions, 100.00 / 100 points\x1b[1E\x1b[8m"
    raise ValueError(fake)


@attack("ex05_softmax", "softmax", prelude=WRITE_ON_SOCKET)
def forged_reply(logits, dim=-1):
    """torch.softmax, then its own reply written on the worker's socket (the output, an empty op list) and the worker ended."""
    import os
    out = torch.softmax(logits, dim=dim).detach().clone()
    _hostile_write_on_socket({
        "ok": True, "result": ("tensor", out, False, None, "Tensor"),
        "args": ("tuple", [("tensor", logits.detach().clone(), False, None, "Tensor"),
                           ("py", dim)]),
        "kwargs": ("dict", []), "calls": 1, "ops": {}, "stdout": "", "seconds": 0.0})
    os._exit(0)
