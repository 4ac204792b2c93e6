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
import contextlib
import os
import resource
import sys
import sysconfig
import types

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
        if name.endswith("_"):      # in place is the same op: sigmoid_ is sigmoid
            name = name[:-1]
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


SITE_DEPTH = 12     # frames looked through for the submission's own, from a torch call


class Trace:
    def __init__(self, home=None):
        self.calls = 0      # Python-level torch calls
        self.ops = {}       # bare name -> display name
        # (file under ``home``, line, function) of the submission's frame nearest each
        # torch call -> calls made there: which line a vectorisation failure grows at
        self.sites = {}
        self._home = home

    def record(self, bare, display):
        self.ops.setdefault(bare, display)

    def count(self):
        self.calls += 1
        if self._home is None:
            return
        frame = sys._getframe(2)    # past count and the mode's __torch_function__
        for _ in range(SITE_DEPTH):
            if frame is None:
                return
            code = frame.f_code
            if code.co_filename.startswith(self._home):
                site = (code.co_filename[len(self._home):], frame.f_lineno, code.co_name)
                self.sites[site] = self.sites.get(site, 0) + 1
                return
            frame = frame.f_back


class _FunctionLevel(TorchFunctionMode):
    def __init__(self, trace):
        super().__init__()
        self.trace = trace

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.trace.count()
        name = getattr(func, "__name__", "")
        if name != "__get__":   # attribute reads (x.shape, x.grad) name nothing
            self.trace.record(bare_name(name), display_name(func))
        return func(*args, **(kwargs or {}))


_graph_task_id = torch._C._current_graph_task_id
_TORCH_NAMESPACES = frozenset({"aten", "prims", "prim", "profiler", "quantized", "_quantized",
                               "mkldnn", "mkl", "onednn", "sparse"})


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
        if _graph_task_id() != -1:      # run by autograd's engine, however it was started
            self.trace.record("backward", "autograd's backward pass")
        if func.namespace not in _TORCH_NAMESPACES:   # its kernel runs where no mode sees
            self.trace.record("tracer.tamper", f"a custom op ({schema})")
        return func(*args, **(kwargs or {}))


class tracing:
    """``with tracing() as trace:`` records the torch calls made inside (and where, in
    files under the directory ``home``)."""

    def __init__(self, home=None):
        self.home = home

    def __enter__(self):
        self.trace = Trace(self.home)
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


TORCH_DIR = os.path.dirname(torch.__file__) + os.sep


class untraced:
    """For functions with nothing to forbid: no modes, no overhead, an empty Trace."""

    def __enter__(self):
        return Trace()

    def __exit__(self, *exc):
        return False


# Gateways: what the tracer installs in torch and the standard library. A gateway has
# nothing behind it: its globals hold nothing, its closure a number and sys.audit. The
# call goes out as an audit event to _through_gate, which only the interpreter's list of
# hooks holds: it records and calls the original. So no attribute of anything the
# submission can reach leads to an original, a Trace or this module (a wrapper defined
# here would have this module as its __globals__).
_GATEWAY_SOURCE = compile("""
def make(number, audit):
    def gateway(*args, **kwargs):
        box = []
        audit("grader.gate", number, args, kwargs, box)
        return box[0]
    return gateway
""", "<grader gateway>", "exec")
_MAKE_CODE = next(c for c in _GATEWAY_SOURCE.co_consts if isinstance(c, types.CodeType))
_GATEWAY_CODE = next(c for c in _MAKE_CODE.co_consts if isinstance(c, types.CodeType))
_gates = {}     # number -> through(args, kwargs, caller's file) -> the original's result


def _gateway(like, through):
    """A stand-in for ``like`` whose calls go to ``through``."""
    if not _gates:
        sys.addaudithook(_through_gate)
    number = len(_gates) + 1
    _gates[number] = through
    namespace = {"__builtins__": {}}
    exec(_GATEWAY_SOURCE, namespace)
    gateway = namespace.pop("make")(number, sys.audit)
    for attribute in ("__name__", "__qualname__", "__doc__", "__module__"):
        with contextlib.suppress(AttributeError, TypeError):
            setattr(gateway, attribute, getattr(like, attribute))
    return gateway


def _through_gate(event, args):
    if event != "grader.gate" or len(args) != 4 or type(args[3]) is not list:
        return
    number, call_args, call_kwargs, box = args
    through = _gates.get(number)
    if through is None:
        return
    gateway = sys._getframe(1)
    # the caller of a gateway; an event raised by hand counts as the submission's
    caller = gateway.f_back.f_code.co_filename if gateway.f_code is _GATEWAY_CODE and \
        gateway.f_back is not None else "<direct>"
    box.append(through(call_args, call_kwargs, caller))


def _recording(fn, bare, display, outside_torch=False):
    """``fn`` that records itself; with ``outside_torch``, only when not called by
    torch's own code (which uses the same doors for every F.* function)."""
    def through(args, kwargs, caller):
        if _active and not (outside_torch and caller.startswith(TORCH_DIR)):
            _record(bare, display)
        return fn(*args, **kwargs)
    return _gateway(fn, through)


def _record(bare, display):
    """Into the Trace being recorded; tampering is also counted where clearing the
    Trace cannot reach (tampering_count)."""
    _active[-1].record(bare, display)
    if bare == "tracer.tamper":
        _count_tampering()


def install_entry_point_recorders():
    """Wrap the entry points that no mode sees. Call before importing student code."""
    import torch.autograd.functional as agf
    import torch.func
    import torch.optim
    import torch.utils.data

    optimizer_init = torch.optim.Optimizer.__init__

    def init(args, kwargs, caller):
        if _active and args:
            name = type(args[0]).__name__
            _active[-1].record(f"optim.{name}", f"torch.optim.{name}")
        return optimizer_init(*args, **kwargs)
    torch.optim.Optimizer.__init__ = _gateway(optimizer_init, init)
    _record_optimizer_steps()
    loader = torch.utils.data.DataLoader
    loader.__init__ = _recording(loader.__init__, "DataLoader", "torch.utils.data.DataLoader")
    for name, cls in vars(torch.utils.data).items():   # samplers and datasets too
        if isinstance(cls, type) and cls is not loader and "__init__" in vars(cls):
            cls.__init__ = _recording(cls.__init__, f"utils.data.{name}",
                                      f"torch.utils.data.{name}")
    _record_decompositions()
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
_TRUSTED_DIRS = tuple({TORCH_DIR, os.path.dirname(os.path.abspath(__file__)) + os.sep,
                       *(sysconfig.get_paths()[k] + os.sep for k in ("stdlib", "purelib",
                                                                      "platlib"))})
_HAND_FRAMES_OUT = ("inspect.py", "traceback.py")   # stdlib helpers that return frames
TAMPER_LIMIT = resource.RLIMIT_MSGQUEUE             # POSIX message queues: unused here
TAMPER_COUNT_START = 1 << 19                       # below the usual hard limit, 819200


_counting = []     # [True] once start_counting_tampering has started the count


def tampering_count():
    """How many introspection events the submission set off so far (never decreases;
    0 where the count could not be started)."""
    if not _counting:
        return 0
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
    _counting.append(True)
    return True


def _record_optimizer_steps():
    """An optimiser built without __init__ still steps, and the functional forms
    (torch.optim.sgd.sgd, torch.optim._functional ...) step without any object."""
    import torch.optim
    for name, cls in vars(torch.optim).items():
        if isinstance(cls, type) and issubclass(cls, torch.optim.Optimizer) and "step" in vars(cls):
            cls.step = _recording(cls.step, f"optim.{name}", f"torch.optim.{name}.step")
    for module in [m for m in vars(torch.optim).values() if isinstance(m, types.ModuleType)]:
        for name in getattr(module, "__all__", []):
            fn = getattr(module, name, None)
            if isinstance(fn, types.FunctionType) and name[0].islower():
                setattr(module, name, _recording(fn, f"optim.{name}", f"{module.__name__}.{name}"))


def _record_decompositions():
    """torch's own Python versions of its ops (torch._decomp, torch._refs) compute a
    banned op from allowed ones: each records the op it stands for."""
    import torch._decomp
    import torch._decomp.decompositions
    import torch._refs
    modules = [torch._decomp.decompositions, torch._refs]
    modules += [m for name, m in sorted(sys.modules.items())
                if name.startswith("torch._refs.") and isinstance(m, types.ModuleType)]
    for module in modules:
        for name, fn in list(vars(module).items()):
            if callable(fn) and not isinstance(fn, type) and getattr(fn, "__module__", "") \
                    and fn.__module__.startswith(("torch._decomp", "torch._refs")):
                setattr(module, name, _recording(fn, bare_name(name), f"{module.__name__}.{name}"))
    for table in [torch._decomp.decomposition_table,
                  *torch._decomp.global_decomposition_table.values()]:
        for op, fn in list(table.items()):
            table[op] = _recording(fn, bare_name(str(op)), f"torch._decomp ({op})")


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
    # dispatch keys switched by hand, and TorchScript's fusers (a fused kernel runs no op)
    doors += [(torch._C, name) for name in dir(torch._C)
              if name.startswith(("_dispatch_tls_set_", "_jit_set_", "_jit_override_"))
              and name not in _REFUSED_FUSERS]
    # custom ops and kernels: their Python bodies run while the modes stand aside
    import torch.library
    doors += [(torch.library, name) for name in ("custom_op", "impl", "define", "register_kernel",
                                                 "register_autograd", "register_fake",
                                                 "register_torch_dispatch", "triton_op")]
    doors.append((torch.library.Library, "__init__"))
    for owner, name in doors:
        original = getattr(owner, name, None)
        if original is not None:
            setattr(owner, name, _recording(original, "tracer.tamper",
                                            f"{owner.__name__}.{name}", outside_torch=True))
    _refuse_fusers()


_REFUSED_FUSERS = ("_jit_override_can_fuse_on_cpu", "_jit_override_can_fuse_on_gpu",
                   "_jit_set_texpr_fuser_enabled", "_jit_set_llga_enabled")


def _refuse_fusers():
    """TorchScript's fusers stay off in a worker: a fused kernel, compiled at import and
    run in a call, does its work where no mode sees it. Switching them on from the
    submission (directly or through torch.jit.fuser) does nothing."""
    import torch.jit
    for name in _REFUSED_FUSERS:
        original = getattr(torch._C, name, None)
        if original is not None:
            setattr(torch._C, name, _refusing(original, lambda: None))
    for owner in (torch.jit, sys.modules.get("torch.jit._fuser")):
        if owner is not None and hasattr(owner, "fuser"):
            owner.fuser = _refusing(owner.fuser, contextlib.nullcontext)


def _refusing(fn, instead):
    """``fn`` for torch's own code; for anyone else, ``instead()`` (recorded as tampering
    during a traced call)."""
    def through(args, kwargs, caller):
        if caller.startswith(TORCH_DIR):
            return fn(*args, **kwargs)
        if _active:
            _record("tracer.tamper", f"torch._C.{getattr(fn, '__name__', 'fuser')}")
        return instead()
    return _gateway(fn, through)


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
    for owner, name in [(_thread, "start_new_thread"), (_thread, "start_new"),
                        (_thread, "start_joinable_thread"), (threading, "_start_new_thread"),
                        (threading, "_start_joinable_thread")]:
        original = getattr(owner, name, None)
        if original is not None:     # every name it goes by (threading binds its own copy)
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

    def count(self):
        if _active:
            _active[-1].count()


def _following(start_thread):
    """``start_thread(function, ...)`` whose new thread runs ``function`` traced."""
    def through(args, kwargs, caller):
        function, *args = args

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
    return _gateway(start_thread, through)


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
