"""Mistake diagnosis: is a failed check's output what a classic mistake gives?

Runs in the trusted process only, on the catalogue (grader/diagnosis/) and the
reference solutions (solutions/<module>.py), never on student code: each entry and
the reference are called on fresh copies of the inputs the student's function got,
and the student's output (result, and the inputs' tensors after the call, for
in-place functions) is compared with each. An entry is claimed when the student's
output equals the entry's and the entry's differs from the reference's.
Without solutions/ next to the grader (a student release) nothing is claimed.
"""
import contextlib
import io
import math
import runpy
import time
import types
from pathlib import Path

import torch

from .. import diagnosis
from ..i18n import t
from .wire import Gen, Iterated, Opaque

SOLUTIONS = Path(__file__).resolve().parents[2] / "solutions"
MAX_ELEMENTS = 200_000      # inputs larger than this are not kept (nor diagnosed)
BUDGET_SECONDS = 3.0        # per failed check, over all of the function's entries
MAX_ITEMS = 10_000          # items taken from an iterator an entry returns
TOL = {torch.float16: (1e-3, 1e-3), torch.bfloat16: (1e-2, 1e-2),
       torch.float32: (1e-5, 1e-5), torch.float64: (1e-7, 1e-7)}
_namespaces = {}


def keep(args, kwargs):
    """A copy of a call's inputs taken before the call, or None when they are too large."""
    try:
        return copy((args, kwargs)) if _small(args, kwargs) else None
    except Exception:   # never cost a check anything
        return None


def _small(args, kwargs):
    """Are the inputs small enough to keep a copy of (and to diagnose on)?"""
    return sum(int(getattr(t, "size", 0)) if not isinstance(t, torch.Tensor) else t.numel()
               for t in _tensors((args, kwargs))) <= MAX_ELEMENTS


def copy(obj):
    """A deep copy of plain inputs: tensors (with requires_grad and .grad), containers."""
    if isinstance(obj, torch.Tensor):
        out = obj.detach().clone()
        if obj.requires_grad:
            out.requires_grad_(True)
        grad = obj.grad if obj.is_leaf else None
        if grad is not None:
            out.grad = grad.detach().clone()
        return out
    if isinstance(obj, (list, tuple)):
        items = [copy(x) for x in obj]
        return type(obj)(items) if type(obj) in (list, tuple) else items
    if isinstance(obj, dict):
        return {k: copy(v) for k, v in obj.items()}
    if hasattr(obj, "copy") and type(obj).__module__ == "numpy":
        return obj.copy()
    return obj


def explain(module, function, args, kwargs, call):
    """The line to add to a failed check's message, or None."""
    try:
        return _explain(module, function, args, kwargs, call)
    except Exception:   # a diagnosis must never cost a check its message
        return None


def _explain(module, function, args, kwargs, call):
    entries = diagnosis.for_function(module, function)
    namespace = _namespace(module)
    if not entries or namespace is None or function not in namespace:
        return None
    student = _output(call.result, call.args, call.kwargs)
    if _same(student, _run(namespace[function], args, kwargs)):
        return None
    deadline = time.monotonic() + BUDGET_SECONDS
    for entry in entries:
        if time.monotonic() > deadline:
            return None
        scope = dict(namespace)
        exec(compile(entry.source, f"<diagnosis {entry.name}>", "exec"), scope)
        got = _run(scope[function], args, kwargs)
        if got is not None and _same(student, got):
            return t("diagnose.matches", what=t(entry.message_id))
    return None


def _namespace(module):
    """The reference module's globals (its imports and functions), or None."""
    if module not in _namespaces:
        path = SOLUTIONS / f"{module}.py"
        _namespaces[module] = runpy.run_path(str(path)) if path.is_file() else None
    return _namespaces[module]


def _run(fn, args, kwargs):
    """fn's output on fresh copies of the inputs, or None when it raises."""
    args, kwargs = _materialise(copy(args)), _materialise(copy(kwargs))
    try:
        with contextlib.redirect_stdout(io.StringIO()), torch.enable_grad():
            result = fn(*args, **kwargs)
            if isinstance(result, types.GeneratorType) or hasattr(result, "__next__"):
                result = [x for x, _ in zip(result, range(MAX_ITEMS))]
    except Exception:
        return None
    return _output(result, args, kwargs)


def _materialise(obj):
    if isinstance(obj, Gen):
        return obj.build()
    if isinstance(obj, (list, tuple)) and type(obj) in (list, tuple):
        return type(obj)(_materialise(x) for x in obj)
    if isinstance(obj, dict):
        return {k: _materialise(v) for k, v in obj.items()}
    return obj


def _output(result, args, kwargs):
    """What a call produced: its result and its inputs' tensors after it (in-place updates)."""
    return (result, [x for x in _tensors((args, kwargs)) if not isinstance(x, Opaque)])


def _tensors(obj):
    if isinstance(obj, torch.Tensor) or (type(obj).__module__ == "numpy" and hasattr(obj, "shape")):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _tensors(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from _tensors(x)


def _same(a, b):
    if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
        return _same_tensor(a, b)
    if type(a).__module__ == "numpy" or type(b).__module__ == "numpy":
        return _same_numpy(a, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        # what an iterator produced arrives as a list (Iterated) from the worker
        if type(a) is not type(b) and not (isinstance(a, Iterated) or isinstance(b, Iterated)):
            return False
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return type(a) is type(b) and (a == b or math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-7)
                                       or (a != a and b != b))
    if isinstance(a, Opaque) or isinstance(b, Opaque):
        return False
    return type(a) is type(b) and a == b


def _same_tensor(a, b):
    if type(a) not in (torch.Tensor, torch.nn.Parameter) or type(b) not in (torch.Tensor, torch.nn.Parameter):
        return False
    if a.shape != b.shape or a.dtype != b.dtype or a.device.type != b.device.type:
        return False
    if not _same_grad(a, b):
        return False
    a, b = a.detach(), b.detach()
    if a.is_floating_point() or a.is_complex():
        rtol, atol = TOL.get(a.dtype, (1e-5, 1e-5))
        return bool(torch.isclose(a, b, rtol=rtol, atol=atol, equal_nan=True).all())
    return torch.equal(a, b)


def _same_grad(a, b):
    ga = a.grad if a.is_leaf else None
    gb = b.grad if b.is_leaf else None
    if ga is None and gb is None:
        return True
    # a gradient set to None counts as zeroed
    ga = torch.zeros_like(gb) if ga is None else ga
    gb = torch.zeros_like(ga) if gb is None else gb
    return _same_tensor(ga, gb)


def _same_numpy(a, b):
    import numpy as np
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        if a.dtype.kind in "fc":
            return bool(np.allclose(a, b, rtol=1e-5, atol=1e-6, equal_nan=True))
        return bool((a == b).all())
    return bool(np.isclose(a, b, rtol=1e-5, atol=1e-6, equal_nan=True))
