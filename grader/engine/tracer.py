"""Records every torch call a student's function makes (runs inside the worker).

Two levels, because a forbidden op can be reached by many spellings:
- Python level (TorchFunctionMode): ``torch.conv2d``, ``F.conv2d``, ``x.sigmoid()``,
  ``torch.ops.aten.*``; this count is also the "number of torch calls" that the
  vectorisation checks compare between a small and a large input;
- dispatcher level (TorchDispatchMode): the aten op every spelling ends in
  (``aten::convolution`` for ``nn.Conv2d``, ``F.conv2d`` and friends).
Entry points that never reach either (torch.optim, DataLoader, torch.func,
torch.autograd.functional) are wrapped so that they record themselves.

Names are reduced to *bare names* (see grader/curriculum.py) and kept with a
display name for the student: {"conv2d": "torch.nn.functional.conv2d"}.
"""
import functools
import os
import resource
import sys
import sysconfig

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode

_MODULE_NAMES = {
    "torch._C._nn": "torch.nn.functional",
    "torch._C._linalg": "torch.linalg",
    "torch._C._special": "torch.special",
    "torch._C._fft": "torch.fft",
    "torch._ops.aten": "torch.ops.aten",
}
_active = []   # the Trace being recorded, if any


def bare_name(name):
    name = name.split("::")[-1].split(".")[0]
    if not name.startswith("__"):
        name = name.lstrip("_")
    for prefix in ("linalg_", "special_"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name


def display_name(func):
    name = getattr(func, "__name__", "?")
    qualname = getattr(func, "__qualname__", name) or name
    owner = qualname.rsplit(".", 1)[0] if "." in qualname else ""
    if owner in ("TensorBase", "Tensor"):
        return f"Tensor.{name}"
    if owner == "_VariableFunctionsClass":
        return f"torch.{name}"
    module = getattr(func, "__module__", None) or "torch"
    module = _MODULE_NAMES.get(module, module)
    for prefix, sub in (("linalg_", "linalg"), ("special_", "special")):
        if name.startswith(prefix) and module.endswith(sub):
            name = name[len(prefix):]
    return f"{module}.{name}"


class Trace:
    def __init__(self):
        self.calls = 0      # Python-level torch calls
        self.ops = {}       # bare name -> display name

    def record(self, bare, display):
        self.ops.setdefault(bare, display)


class _FunctionLevel(TorchFunctionMode):
    def __init__(self, trace):
        super().__init__()
        self.trace = trace

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.trace.calls += 1
        name = getattr(func, "__name__", "")
        if name != "__get__":   # attribute reads (x.shape, x.grad) name nothing
            self.trace.record(bare_name(name), display_name(func))
        return func(*args, **(kwargs or {}))


class _DispatchLevel(TorchDispatchMode):
    @classmethod
    def _should_skip_dynamo(cls):
        # else torch wraps __torch_dispatch__ in dynamo.disable, whose first call imports
        # torch._dynamo (~1 s); nothing is compiled here
        return False

    def __init__(self, trace):
        super().__init__()
        self.trace = trace

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        schema = func._schema.name
        self.trace.record(bare_name(schema), schema)
        return func(*args, **(kwargs or {}))


class tracing:
    """``with tracing() as trace:`` records the torch calls made inside."""

    def __enter__(self):
        self.trace = Trace()
        self._modes = [_DispatchLevel(self.trace), _FunctionLevel(self.trace)]
        for mode in self._modes:
            mode.__enter__()
        _active.append(self.trace)
        return self.trace

    def __exit__(self, *exc):
        _active.pop()
        for mode in reversed(self._modes):
            mode.__exit__(*exc)
        return False


_TORCH_DIR = os.path.dirname(torch.__file__) + os.sep


class untraced:
    """For functions with nothing to forbid: no modes, no overhead, an empty Trace."""

    def __enter__(self):
        return Trace()

    def __exit__(self, *exc):
        return False


def _recording(fn, bare, display, outside_torch=False):
    """``fn`` that records itself; with ``outside_torch``, only when not called by
    torch's own code (which uses the same doors for every F.* function)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if _active and not (outside_torch and
                            sys._getframe(1).f_code.co_filename.startswith(_TORCH_DIR)):
            _active[-1].record(bare, display)
            if bare == "tracer.tamper":
                _count_tampering()      # kept where clearing the Trace cannot reach
        return fn(*args, **kwargs)
    del wrapper.__wrapped__     # functools.wraps' way back to the unrecorded original
    return wrapper


def install_entry_point_recorders():
    """Wrap the entry points that no mode sees. Call before importing student code."""
    import torch.autograd.functional as agf
    import torch.func
    import torch.optim
    import torch.utils.data

    optimizer_init = torch.optim.Optimizer.__init__

    def init(self, *args, **kwargs):
        if _active:
            name = type(self).__name__
            _active[-1].record(f"optim.{name}", f"torch.optim.{name}")
        optimizer_init(self, *args, **kwargs)
    torch.optim.Optimizer.__init__ = init

    loader = torch.utils.data.DataLoader
    loader.__init__ = _recording(loader.__init__, "DataLoader", "torch.utils.data.DataLoader")
    for name in ("jacobian", "hessian", "vjp", "jvp", "hvp", "vhp"):
        setattr(agf, name, _recording(getattr(agf, name), "autograd." + name,
                                      "torch.autograd.functional." + name))
    for name in ("grad", "grad_and_value", "vjp", "jvp", "jacrev", "jacfwd", "hessian",
                 "linearize", "functional_call"):
        if hasattr(torch.func, name):
            setattr(torch.func, name, _recording(getattr(torch.func, name), "func." + name,
                                                 "torch.func." + name))
    torch.autograd.backward = _recording(torch.autograd.backward, "backward",
                                         "torch.autograd.backward")
    import torch.utils.dlpack
    torch.utils.dlpack.to_dlpack = _recording(torch.utils.dlpack.to_dlpack, "dlpack.to_dlpack",
                                              "torch.utils.dlpack.to_dlpack")
    # the door under it (Tensor.__dlpack__ and to_dlpack are torch's own callers)
    torch._C._to_dlpack = _recording(torch._C._to_dlpack, "dlpack.to_dlpack",
                                     "torch._C._to_dlpack", outside_torch=True)
    _record_tampering()
    _record_leaving_the_thread()


# Interpreter events (PEP 578) that lead to the tracer's own objects: gc hands out every
# object (the Trace, the modes), frames lead to the worker's variables (the Trace of the
# call), and a function's __code__ can be swapped. No exercise needs them. An audit hook
# cannot be removed and runs before the object is handed out; it counts each event by
# lowering a hard resource limit nothing else uses, which no process without
# CAP_SYS_RESOURCE (a worker has none) can raise again: clearing a Trace found this way
# cannot clear the count (tampering_count, read by the worker around every call).
_INTROSPECTION = frozenset({"gc.get_objects", "gc.get_referrers", "gc.get_referents",
                            "sys._getframe", "sys._current_frames", "sys.settrace",
                            "sys.setprofile"})
_FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame"})
_TRUSTED_DIRS = tuple({_TORCH_DIR, os.path.dirname(os.path.abspath(__file__)) + os.sep,
                       *(sysconfig.get_paths()[k] + os.sep for k in ("stdlib", "purelib",
                                                                      "platlib"))})
_HAND_FRAMES_OUT = ("inspect.py", "traceback.py")   # stdlib helpers that return frames
TAMPER_LIMIT = resource.RLIMIT_MSGQUEUE             # POSIX message queues: unused here
TAMPER_COUNT_START = 1 << 19                       # below the usual hard limit, 819200


def tampering_count():
    """How many introspection events the submission set off so far (never decreases)."""
    return TAMPER_COUNT_START - resource.getrlimit(TAMPER_LIMIT)[1]


def _count_tampering():
    hard = resource.getrlimit(TAMPER_LIMIT)[1]
    if 0 < hard <= TAMPER_COUNT_START:
        resource.setrlimit(TAMPER_LIMIT, (hard - 1, hard - 1))


def start_counting_tampering():
    """Before any student code: the counter at its start, and the hook that lowers it.

    The hook is a closure over its own references (sys, resource, the constants): the
    submission can rebind none of what it uses, and nothing but the interpreter holds it.
    """
    soft, hard = resource.getrlimit(TAMPER_LIMIT)
    if hard != resource.RLIM_INFINITY and hard < TAMPER_COUNT_START:
        return False        # cannot start the count here (a lower limit than usual)
    resource.setrlimit(TAMPER_LIMIT, (TAMPER_COUNT_START, TAMPER_COUNT_START))
    getframe, getrlimit, setrlimit = sys._getframe, resource.getrlimit, resource.setrlimit
    limit, events, frame_attributes = TAMPER_LIMIT, _INTROSPECTION, _FRAME_ATTRIBUTES
    trusted, hand_frames_out, sep = _TRUSTED_DIRS, _HAND_FRAMES_OUT, os.sep
    busy = []       # the hook's own getframe sets off an event too

    def hook(event, args):
        if busy or not (event in events or (event == "object.__getattr__" and
                                            args[1] in frame_attributes)
                        or (event == "object.__setattr__" and args[1] == "__code__")):
            return
        busy.append(True)
        try:
            frame = getframe(1)     # the code that set the event off (past inspect, traceback)
            while frame is not None and frame.f_code.co_filename.rsplit(sep, 1)[-1] in \
                    hand_frames_out and frame.f_code.co_filename.startswith(trusted):
                frame = frame.f_back
            if frame is None or frame.f_code.co_filename.startswith(trusted):
                return      # torch, Python's library (warnings, namedtuple), the engine
            hard = getrlimit(limit)[1]
            if hard > 0:
                setrlimit(limit, (hard - 1, hard - 1))
        finally:
            busy.pop()
    sys.addaudithook(hook)
    return True


def _record_tampering():
    """The ways to switch the modes off from Python record ``tracer.tamper``.

    A determined student can still reach the originals through the interpreter's
    internals (SECURITY.md); this closes the documented doors."""
    import torch.overrides
    import torch.utils._python_dispatch as python_dispatch
    doors = [(torch._C, "_pop_torch_function_stack"), (torch._C, "_pop_torch_dispatch_stack"),
             (torch._C, "DisableTorchFunction"), (torch._C, "DisableTorchFunctionSubclass"),
             (torch._C, "_DisableTorchDispatch"), (torch._C, "_unset_dispatch_mode"),
             (torch.overrides, "_pop_mode"), (torch.overrides, "_pop_mode_temporarily"),
             (python_dispatch, "_pop_mode"), (python_dispatch, "_pop_mode_temporarily"),
             (python_dispatch, "_disable_current_modes"), (torch._C, "_set_torch_function_mode"),
             (torch._C, "_set_dispatch_mode"), (torch._C, "_set_torch_function_state"),
             (torch._C, "_ExcludeDispatchKeyGuard"), (torch._C, "_ForceDispatchKeyGuard"),
             # the modes themselves (and through them the Trace) from the mode stacks
             (torch._C, "_get_function_stack_at"), (torch._C, "_get_dispatch_stack_at"),
             (torch._C, "_get_dispatch_mode"), (torch.overrides, "_get_current_function_mode"),
             (torch.overrides, "_get_current_function_mode_stack"),
             (python_dispatch, "_get_current_dispatch_mode"),
             (python_dispatch, "_get_current_dispatch_mode_stack")]
    for owner, name in doors:
        original = getattr(owner, name, None)
        if original is not None:
            setattr(owner, name, _recording(original, "tracer.tamper",
                                            f"{owner.__name__}.{name}", outside_torch=True))


def _record_leaving_the_thread():
    """Work done in another thread or process must not go unseen.

    The modes are thread-local: every thread started in the worker, at import or
    during a call, runs inside modes that record into whichever Trace is active at
    the moment (threads are allowed; their torch calls count like the caller's).
    A child process's trace never reaches the grader: starting one during a call
    records ``tracer.tamper`` (no exercise needs one), and so does a child process
    started earlier that works during a call (descendants_activity)."""
    import _thread
    import os
    import posix
    import threading
    for owner, name in [(_thread, "start_new_thread"), (_thread, "start_joinable_thread"),
                        (threading, "_start_new_thread"), (threading, "_start_joinable_thread")]:
        original = getattr(owner, name, None)
        if original is not None:     # threading binds its copy at import: patch both
            setattr(owner, name, _following(original))
    doors = [(os, "fork"), (posix, "fork"), (os, "forkpty"), (posix, "forkpty"),
             (os, "posix_spawn"), (posix, "posix_spawn"), (os, "posix_spawnp"),
             (posix, "posix_spawnp"), (os, "system"), (posix, "system")]
    doors += [(module, name) for module in (os, posix) for name in dir(module)
              if name.startswith("exec")]
    try:
        import _posixsubprocess
        import subprocess
        doors.append((_posixsubprocess, "fork_exec"))
        doors.append((subprocess, "_fork_exec"))    # bound at its import: patch the copy too
    except ImportError:
        pass
    for owner, name in doors:
        original = getattr(owner, name, None)
        if original is not None:
            setattr(owner, name, _recording(original, "tracer.tamper", f"{owner.__name__}.{name}",
                                            outside_torch=True))


class _CurrentTrace:
    """Stands for whichever Trace is being recorded when a call comes (none: nothing)."""

    @property
    def calls(self):
        return _active[-1].calls if _active else 0

    @calls.setter
    def calls(self, value):
        if _active:
            _active[-1].calls = value

    def record(self, bare, display):
        if _active:
            _active[-1].record(bare, display)


def _following(start_thread):
    """``start_thread(function, ...)`` whose new thread runs ``function`` traced."""
    @functools.wraps(start_thread)
    def wrapper(function, *args, **kwargs):
        def traced(*a, **k):
            current = _CurrentTrace()
            modes = [_DispatchLevel(current), _FunctionLevel(current)]
            for mode in modes:
                mode.__enter__()
            try:
                return function(*a, **k)
            finally:
                for mode in reversed(modes):
                    mode.__exit__(None, None, None)
        return start_thread(traced, *args, **kwargs)
    del wrapper.__wrapped__
    return wrapper


def descendants_activity():
    """{pid: context switches so far} of every descendant process of this one. Two
    snapshots around a call tell whether a process started earlier (at import, and
    kept to compute on request) worked during it: a blocked process that wakes up to
    serve a request switches context. An idle one, and so the module's other
    functions, are left alone."""
    found, todo = {}, [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    children = [int(c) for c in f.read().split()]
            except (OSError, ValueError):
                continue
            for child in children:
                found[child] = _switches(child)
                todo.append(child)
    return found


def _switches(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return sum(int(line.split()[1]) for line in f if "ctxt_switches:" in line)
    except (OSError, ValueError, IndexError):
        return -1
