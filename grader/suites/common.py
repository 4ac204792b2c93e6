"""What every suite uses: inputs, comparisons that explain themselves, tolerances.

A failed comparison raises AssertionError with a few lines written for the
student: what differs (type, shape, dtype, device, nan/inf) or the worst element
(index, got, expected, allowed difference) and how many elements are off.
"""
import math

import pytest
import torch

from grader.engine.session import ModuleBroken, NotImplementedYet, StudentError
from grader.engine.wire import Fn, Gen  # noqa: F401  (for suites: callables and generators to pass in)
from grader.i18n import t

grades = pytest.mark.grades

# Tolerances, per dtype (rtol, atol). VALUES: results a correct formula computes in
# a few roundings (torch.testing.assert_close's defaults). SUMS: results that add up
# tens to hundreds of products in the input dtype (convolutions, matrix products):
# the order of the additions is the student's choice, so float32 keeps ~5 digits.
# Every float32 reference is computed in float64 and rounded, so TF32 on a GPU
# cannot make the reference itself loose.
VALUES = {torch.float32: (1.3e-6, 1e-5), torch.float64: (1e-7, 1e-7)}
SUMS = {torch.float32: (1e-5, 1e-5), torch.float64: (1e-7, 1e-7)}
# GRADS: hand-written gradients against float64 autograd (float32 as VALUES).
GRADS = {torch.float32: VALUES[torch.float32], torch.float64: (1e-10, 1e-10)}


def randn(shape, rng, device="cpu", dtype=torch.float32):
    """Standard-normal tensor drawn on the CPU from ``rng`` (same values on every device)."""
    return torch.randn(shape, generator=rng, dtype=torch.float64).to(device=device, dtype=dtype)


def non_contiguous(t):
    """The same values as ``t`` in a transposed (non-contiguous) layout."""
    return t.transpose(-1, -2).contiguous().transpose(-1, -2)


def describe(value):
    if isinstance(value, torch.Tensor):
        return t("cmp.a_tensor", shape=list(value.shape), dtype=value.dtype, device=value.device)
    return f"{type(value).__name__} {value!r}"[:200]


def expect_tensor(actual, *, shape=None, dtype=None, device=None, what=None, shape_hint=""):
    """Type, shape, dtype and device of ``actual``, each with its own message;
    ``shape_hint``: what explains a wrong shape (an output-size formula)."""
    what = what or t("cmp.output")
    if type(actual) is not torch.Tensor and not isinstance(actual, torch.nn.Parameter):
        raise AssertionError(t("cmp.not_a_tensor", what=what, got=describe(actual)))
    if shape is not None and tuple(actual.shape) != tuple(shape):
        message = t("cmp.shape", what=what, got=list(actual.shape), expected=list(shape))
        raise AssertionError(message + (f"\n{shape_hint}" if shape_hint else ""))
    if dtype is not None and actual.dtype != dtype:
        raise AssertionError(t("cmp.dtype", what=what, got=actual.dtype, expected=dtype))
    if device is not None and not _same_device(actual.device, torch.device(device)):
        raise AssertionError(t("cmp.device", what=what, got=actual.device, expected=device))


def _same_device(actual, wanted):
    """``cuda`` (the fixture) matches ``cuda:0`` (where tensors report they live)."""
    return actual.type == wanted.type and (wanted.index is None or actual.index == wanted.index
                                           or (actual.index is None and wanted.index == 0))


def expect_close(actual, expected, tol=VALUES, *, what=None, hint="", shape_hint=""):
    """``actual`` equals ``expected`` within the tolerance for its dtype; ``hint`` explains
    wrong values, ``shape_hint`` a wrong shape."""
    what = what or t("cmp.output")
    expect_tensor(actual, shape=expected.shape, dtype=expected.dtype,
                  device=expected.device, what=what, shape_hint=shape_hint)
    actual = actual.detach()
    rtol, atol = tol.get(expected.dtype, (0, 0)) if isinstance(tol, dict) else tol
    if expected.is_floating_point():
        _expect_finite_where_expected(actual, expected, what)
    # assert_close's rule |a - e| <= atol + rtol * |e|, via isclose: assert_close's first
    # call imports torch.distributed (0.8 s), a sixth of the grader's time budget
    same = torch.isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True) \
        if expected.is_floating_point() else actual == expected
    if not same.all():
        raise AssertionError(_worst(actual, expected, rtol, atol, what, hint))


def _expect_finite_where_expected(actual, expected, what):
    bad = ~torch.isfinite(actual) & torch.isfinite(expected)
    if bad.any():
        where = bad.nonzero()
        kind = "nan" if torch.isnan(actual[bad]).any() else "inf"
        more = t("cmp.and_more", count=len(where) - 1) if len(where) > 1 else ""
        raise AssertionError(t("cmp.not_finite", what=what, kind=kind, index=where[0].tolist(),
                               more=more))


def _worst(actual, expected, rtol, atol, what, hint):
    a, e = actual.double(), expected.double()
    if a.dim() == 0:
        a, e = a.reshape(1), e.reshape(1)
    allowed = atol + rtol * e.abs()
    excess = ((a - e).abs() - allowed).nan_to_num(nan=float("inf"))
    flat = int(excess.argmax())
    index = list(torch.unravel_index(torch.tensor(flat), a.shape)) if actual.dim() else []
    index = [int(i) for i in index]
    off = int((excess > 0).sum())
    lines = [t("cmp.worst", what=what, off=off, total=a.numel(), index=index,
               got=f"{a.flatten()[flat].item():.8g}", expected=f"{e.flatten()[flat].item():.8g}",
               allowed=f"{allowed.flatten()[flat].item():.2g}")]
    if hint:
        lines.append(hint)
    return "\n".join(lines)


def expect_float(actual, expected, *, rel=1e-6, abs=1e-9, what=None):
    """A Python float (not a tensor, not a NumPy scalar) close to ``expected``."""
    what = what or t("cmp.output")
    if type(actual) is not float:
        raise AssertionError(t("cmp.not_a_float", what=what, got=describe(actual))
                             + (t("cmp.use_item") if isinstance(actual, torch.Tensor) else ""))
    if not math.isclose(actual, expected, rel_tol=rel, abs_tol=abs):
        raise AssertionError(t("cmp.float_differs", what=what, got=repr(actual),
                               expected=repr(expected)))


def expect_unchanged(call, originals, names):
    """The call left its inputs as they were (values and shapes; a dict of tensors, such
    as params, entry by entry)."""
    for name, before, after in zip(names, originals, call.args):
        if isinstance(before, dict):
            after = after if isinstance(after, dict) else {}
            expect_unchanged(_Args([after.get(k) for k in before]), list(before.values()),
                             [f"{name}[{k!r}]" for k in before])
        elif isinstance(before, torch.Tensor):
            if not isinstance(after, torch.Tensor) or after.shape != before.shape \
                    or not torch.equal(after.detach(), before.detach()):
                raise AssertionError(t("cmp.modified_input", name=name))


class _Args:
    def __init__(self, args):
        self.args = args


def expect_vectorised(small, large, what):
    """The number of torch calls must not grow with the input size; the message names the
    line of the submission where they grew most (a helper's loop blames the helper)."""
    if large.calls != small.calls:
        message = t("cmp.not_vectorised", what=what, small=small.calls, large=large.calls)
        sites = small.sites or {}
        grown = {site: n - sites.get(site, 0) for site, n in (large.sites or {}).items()}
        if grown and max(grown.values()) > 0:
            (file, line, function), _ = max(grown.items(), key=lambda kv: kv[1])
            message += "\n" + t("cmp.grew_at", file=file, line=line, function=function,
                                small=sites.get((file, line, function), 0),
                                large=(large.sites or {})[(file, line, function)])
        raise AssertionError(message)


def each_function(*names):
    """Parametrise one check body over several functions that share a contract."""
    return pytest.mark.parametrize(
        "function", [pytest.param(n, marks=grades(n), id=n) for n in names])


def expect_raises(call, exception, what, hint=""):
    """``call()`` must raise ``exception`` (by class name, subclasses count) in student code."""
    try:
        result = call()
    except (NotImplementedYet, ModuleBroken):
        raise
    except StudentError as e:
        if exception in e.types:
            return
        if not e.types:          # timed out or crashed: report it as it is
            raise
        raise AssertionError(t("cmp.raised_instead", what=what,
                               got=e.summary.splitlines()[0][:200], exception=exception)
                             + (f": {hint}" if hint else "")) from None
    raise AssertionError(t("cmp.returned_instead", what=what, got=describe(result),
                           exception=exception) + (f": {hint}" if hint else ""))
