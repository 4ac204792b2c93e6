"""Hidden checks for ex05_softmax: softmax, log-softmax, their gradients, cross-entropy.

References are torch's own functions in float64 (F.softmax, F.log_softmax,
F.cross_entropy) and autograd's gradients of them, rounded to the input's dtype.
Softmax is checked along every dimension of a [3, 5, 4] tensor, so a hard-coded
dimension cannot pass. Large logits (+-1e4) must give no nan/inf; there the
allowed difference grows with the logits' magnitude, since a float32 logit of 1e4
itself carries an error of about 1e-3.
"""
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from .common import GRADS, VALUES, describe, expect_close, expect_float, expect_unchanged, \
    grades, non_contiguous, randn
from grader.i18n import t

MODULE = "ex05_softmax"
LOSS = t("suite.ex05_softmax.the_loss")
JACOBIAN = t("suite.ex05_softmax.the_jacobian")
LAYOUT_HINT = t("suite.ex05_softmax.layout_hint")
SHAPE = (3, 5, 4)
DIMS = [pytest.param(d, id=f"dim{d}") for d in (0, 1, -1)]
N, C = 6, 5
# hand-written gradients against float64 autograd: the same formula, a few roundings
STABILITY_HINT = t("suite.ex05_softmax.stability_hint")
ROW_STABILITY_HINT = t("suite.ex05_softmax.row_stability_hint")
SUM_HINT = t("suite.ex05_softmax.sum_hint")


def logits(rng, device="cpu", dtype=torch.float32, shape=SHAPE):
    return 3 * randn(shape, rng, device, dtype)


def large_logits(rng, dtype=torch.float32, shape=(N, C)):
    """Rows near +1e4, near -1e4 and spread over +-1e4; columns mix them all."""
    x = randn(shape, rng, dtype=torch.float64)
    x[0::3] += 1e4
    x[1::3] -= 1e4
    x[2::3] *= 1e4
    return x.to(dtype)


def large_tol(x):
    """VALUES widened to a few roundings of the largest |logit| (1e4 * eps)."""
    rtol, atol = VALUES[x.dtype]
    return rtol, max(atol, 8 * torch.finfo(x.dtype).eps * x.abs().max().item())


def expect_finite(out, what, hint=STABILITY_HINT):
    if isinstance(out, torch.Tensor) and out.is_floating_point():
        bad = ~torch.isfinite(out.detach())
        if bad.any() and out.dim() == 0:
            raise AssertionError(t("suite.ex05_softmax.scalar_not_finite", what=what,
                                   value=out.item()) + f"\n{hint}")
        if bad.any():
            where = bad.nonzero()[0].tolist()
            raise AssertionError(t("suite.ex05_softmax.not_finite", what=what, index=where,
                                   count=int(bad.sum()), total=out.numel()) + f"\n{hint}")


def softmax_reference(x, dim=-1):
    return F.softmax(x.double(), dim=dim).to(x.dtype)


def log_softmax_reference(x, dim=-1):
    return F.log_softmax(x.double(), dim=dim).to(x.dtype)


# -- softmax ------------------------------------------------------------------------
@grades("softmax")
class TestSoftmax:
    @pytest.mark.parametrize("dim", DIMS)
    def test_matches_f_softmax(self, student, rng, device, dtype, dim):
        x = logits(rng, device, dtype)
        expect_close(student.softmax(x, dim=dim), softmax_reference(x, dim), VALUES,
                     hint=SUM_HINT)

    def test_default_dim_is_last(self, student, rng):
        x = logits(rng)
        expect_close(student.softmax(x), softmax_reference(x, -1), VALUES,
                     hint=t("suite.ex05_softmax.softmax.default_dim_is_last"))

    @pytest.mark.parametrize("dim", [pytest.param(d, id=f"dim{d}") for d in (0, -1)])
    def test_stable_for_large_logits(self, student, rng, dtype, dim):
        x = large_logits(rng, dtype)
        out = student.softmax(x, dim=dim)
        expect_finite(out, "softmax")
        if isinstance(out, torch.Tensor) and out.shape == x.shape:
            sums = out.detach().double().sum(dim)
            allowed = x.shape[dim] * large_tol(x)[1]
            if not torch.allclose(sums, torch.ones_like(sums), rtol=0, atol=allowed):
                worst = sums[(sums - 1).abs().argmax()].item()
                raise AssertionError(t("suite.ex05_softmax.slice_sum", value=f"{worst:.6g}")
                                     + f"\n{SUM_HINT}")
        expect_close(out, softmax_reference(x, dim), large_tol(x),
                     hint=t("suite.ex05_softmax.softmax.stable_for_large_logits"))

    def test_non_contiguous_input(self, student, rng):
        x = non_contiguous(logits(rng))
        expect_close(student.softmax(x, dim=-1), softmax_reference(x, -1), VALUES,
                     hint=LAYOUT_HINT)

    def test_input_unchanged(self, student, rng):
        x = logits(rng)
        expect_unchanged(student.run("softmax", x.clone(), dim=1), [x], ["logits"])


# -- log_softmax --------------------------------------------------------------------
@grades("log_softmax")
class TestLogSoftmax:
    @pytest.mark.parametrize("dim", DIMS)
    def test_matches_f_log_softmax(self, student, rng, device, dtype, dim):
        x = logits(rng, device, dtype)
        expect_close(student.log_softmax(x, dim=dim), log_softmax_reference(x, dim), VALUES,
                     hint=t("suite.ex05_softmax.log_softmax.matches_f_log_softmax"))

    def test_default_dim_is_last(self, student, rng):
        x = logits(rng)
        expect_close(student.log_softmax(x), log_softmax_reference(x, -1), VALUES,
                     hint=t("suite.ex05_softmax.softmax.default_dim_is_last"))

    @pytest.mark.parametrize("dim", [pytest.param(d, id=f"dim{d}") for d in (0, -1)])
    def test_stable_for_large_logits(self, student, rng, dtype, dim):
        x = large_logits(rng, dtype)
        out = student.log_softmax(x, dim=dim)
        expect_finite(out, "log_softmax",
                      hint=t("suite.ex05_softmax.log_softmax.stable_for_large_logits"))
        expect_close(out, log_softmax_reference(x, dim), large_tol(x),
                     hint=t("suite.ex05_softmax.log_softmax.stable_for_large_logits_2"))

    def test_non_contiguous_input(self, student, rng):
        x = non_contiguous(logits(rng))
        expect_close(student.log_softmax(x, dim=-1), log_softmax_reference(x, -1), VALUES,
                     hint=LAYOUT_HINT)

    def test_input_unchanged(self, student, rng):
        x = logits(rng)
        expect_unchanged(student.run("log_softmax", x.clone(), dim=1), [x], ["logits"])


# -- softmax_jacobian -----------------------------------------------------------------
def jacobian_reference(o, dtype):
    """autograd's Jacobian of F.softmax at the float64 logits ``o``: [C, C]."""
    return torch.autograd.functional.jacobian(lambda t: F.softmax(t, dim=0), o).to(dtype)


@grades("softmax_jacobian")
class TestSoftmaxJacobian:
    def test_matches_autograd_jacobian(self, student, rng, device, dtype):
        o = randn((C,), rng, device, torch.float64)
        p = F.softmax(o, dim=0).to(dtype)
        expect_close(student.softmax_jacobian(p), jacobian_reference(o, dtype), GRADS,
                     what=JACOBIAN,
                     hint=t("suite.ex05_softmax.softmax_jacobian.matches_autograd_jacobian"))

    def test_notes_example(self, student):
        o = torch.tensor([0.8659, 0.0540, 0.4153], dtype=torch.float64)
        expected = jacobian_reference(o, torch.float32)   # the rows the notes printed
        expect_close(student.softmax_jacobian(F.softmax(o, dim=0).float()), expected, VALUES,
                     what=JACOBIAN,
                     hint=t("suite.ex05_softmax.softmax_jacobian.notes_example"))

    def test_input_unchanged(self, student, rng):
        p = F.softmax(randn((C,), rng, dtype=torch.float64), dim=0)
        expect_unchanged(student.run("softmax_jacobian", p.clone()), [p], ["p"])


# -- softmax_backward -------------------------------------------------------------------
def vjp_inputs(rng, device="cpu", dtype=torch.float32, dim=-1):
    """(grad_out, probs, reference dL/dlogits by autograd in float64)."""
    o = randn(SHAPE, rng, device, torch.float64).requires_grad_()
    grad_out = randn(SHAPE, rng, device, dtype)
    p = F.softmax(o, dim=dim)
    p.backward(grad_out.double())
    return grad_out, p.detach().to(dtype), o.grad.to(dtype)


@grades("softmax_backward")
class TestSoftmaxBackward:
    @pytest.mark.parametrize("dim", DIMS)
    def test_matches_autograd_vjp(self, student, rng, device, dtype, dim):
        grad_out, probs, expected = vjp_inputs(rng, device, dtype, dim)
        expect_close(student.softmax_backward(grad_out, probs, dim=dim), expected, GRADS,
                     what="dL/dlogits",
                     hint=t("suite.ex05_softmax.softmax_backward.matches_autograd_vjp"))

    def test_default_dim_is_last(self, student, rng):
        grad_out, probs, expected = vjp_inputs(rng, dim=-1)
        expect_close(student.softmax_backward(grad_out, probs), expected, GRADS,
                     what="dL/dlogits",
                     hint=t("suite.ex05_softmax.softmax.default_dim_is_last"))

    def test_non_contiguous_inputs(self, student, rng):
        grad_out, probs, expected = vjp_inputs(rng, dim=-1)
        out = student.softmax_backward(non_contiguous(grad_out), non_contiguous(probs), dim=-1)
        expect_close(out, expected, GRADS, what="dL/dlogits",
                     hint=LAYOUT_HINT)

    def test_inputs_unchanged(self, student, rng):
        grad_out, probs, _ = vjp_inputs(rng, dim=1)
        call = student.run("softmax_backward", grad_out.clone(), probs.clone(), dim=1)
        expect_unchanged(call, [grad_out, probs], ["grad_out", "probs"])


# -- cross_entropy ------------------------------------------------------------------------
def labels_for(rng, device="cpu", n=N):
    return torch.randint(0, C, (n,), generator=rng).to(device)


def large_inputs(rng, dtype=torch.float32):
    """large_logits and labels; the widely spread rows are labelled with their smallest
    logit, whose probability underflows to exactly 0."""
    x, y = large_logits(rng, dtype), labels_for(rng)
    y[2::3] = x[2::3].argmin(1)
    return x, y


@grades("cross_entropy")
class TestCrossEntropy:
    def test_matches_f_cross_entropy(self, student, rng, device, dtype):
        x, y = logits(rng, device, dtype, (N, C)), labels_for(rng, device)
        expected = F.cross_entropy(x.double(), y).to(dtype)
        expect_close(student.cross_entropy(x, y), expected, VALUES, what=LOSS,
                     hint=t("suite.ex05_softmax.cross_entropy.matches_f_cross_entropy"))

    def test_stable_for_large_logits(self, student, rng, dtype):
        x, y = large_inputs(rng, dtype)
        out = student.cross_entropy(x, y)
        expect_finite(out, LOSS,
                      hint=t("suite.ex05_softmax.cross_entropy.stable_for_large_logits"))
        expect_close(out, F.cross_entropy(x.double(), y).to(dtype), large_tol(x),
                     what=LOSS, hint=ROW_STABILITY_HINT)

    def test_non_contiguous_input(self, student, rng):
        x, y = non_contiguous(logits(rng, shape=(N, C))), labels_for(rng)
        expect_close(student.cross_entropy(x, y), F.cross_entropy(x.double(), y).float(),
                     VALUES, what=LOSS,
                     hint=LAYOUT_HINT)

    def test_inputs_unchanged(self, student, rng):
        x, y = logits(rng, shape=(N, C)), labels_for(rng)
        call = student.run("cross_entropy", x.clone(), y.clone())
        expect_unchanged(call, [x, y], ["logits", "labels"])


# -- cross_entropy_backward -------------------------------------------------------------------
def ce_grad_reference(x, y):
    x64 = x.double().requires_grad_()
    F.cross_entropy(x64, y).backward()
    return x64.grad.to(x.dtype)


CE_GRAD_HINT = t("suite.ex05_softmax.ce_grad_hint")


@grades("cross_entropy_backward")
class TestCrossEntropyBackward:
    def test_matches_autograd(self, student, rng, device, dtype):
        x, y = logits(rng, device, dtype, (N, C)), labels_for(rng, device)
        expect_close(student.cross_entropy_backward(x, y), ce_grad_reference(x, y), GRADS,
                     what="dL/dlogits", hint=CE_GRAD_HINT)

    def test_stable_for_large_logits(self, student, rng, dtype):
        x, y = large_inputs(rng, dtype)
        out = student.cross_entropy_backward(x, y)
        expect_finite(out, "dL/dlogits", hint=ROW_STABILITY_HINT)
        expect_close(out, ce_grad_reference(x, y), large_tol(x), what="dL/dlogits",
                     hint=ROW_STABILITY_HINT)

    def test_non_contiguous_input(self, student, rng):
        x, y = non_contiguous(logits(rng, shape=(N, C))), labels_for(rng)
        expect_close(student.cross_entropy_backward(x, y), ce_grad_reference(x, y), GRADS,
                     what="dL/dlogits",
                     hint=LAYOUT_HINT)

    def test_inputs_unchanged(self, student, rng):
        x, y = logits(rng, shape=(N, C)), labels_for(rng)
        call = student.run("cross_entropy_backward", x.clone(), y.clone())
        expect_unchanged(call, [x, y], ["logits", "labels"])


# -- cross_entropy_numpy -------------------------------------------------------------------------
NP_DTYPES = [pytest.param(np.float32, id="float32"), pytest.param(np.float64, id="float64")]
NP_REL = {np.float32: 1e-5, np.float64: 1e-10}


def numpy_inputs(rng, np_dtype=np.float64, large=False):
    if large:
        x, y = large_inputs(rng, torch.float64)
    else:
        x, y = logits(rng, dtype=torch.float64, shape=(N, C)), labels_for(rng)
    return x.numpy().astype(np_dtype), y.numpy()


def torch_loss(logits_np, labels_np):
    return F.cross_entropy(torch.from_numpy(logits_np).double(),
                           torch.from_numpy(labels_np)).item()


def as_number(actual):
    """The value of a float or NumPy scalar (the type has its own check)."""
    if isinstance(actual, (float, np.floating)) or \
            (isinstance(actual, np.ndarray) and actual.shape == ()):
        return float(actual)
    raise AssertionError(t("suite.ex05_softmax.loss_not_float", got=describe(actual))
                         + (t("suite.ex05_softmax.average_rows")
                            if isinstance(actual, np.ndarray) else ""))


@grades("cross_entropy_numpy")
class TestCrossEntropyNumpy:
    @pytest.mark.parametrize("np_dtype", NP_DTYPES)
    def test_matches_torch_version(self, student, rng, np_dtype):
        x, y = numpy_inputs(rng, np_dtype)
        got, expected = as_number(student.cross_entropy_numpy(x, y)), torch_loss(x, y)
        if not math.isclose(got, expected, rel_tol=NP_REL[np_dtype], abs_tol=1e-12):
            raise AssertionError(t("suite.ex05_softmax.numpy_loss_differs", got=repr(got),
                                   expected=repr(expected)))

    def test_returns_python_float(self, student, rng):
        x, y = numpy_inputs(rng)
        got = student.cross_entropy_numpy(x, y)
        if isinstance(got, (np.generic, np.ndarray)):
            raise AssertionError(t("suite.ex05_softmax.numpy_scalar", got=describe(got)))
        expect_float(got, torch_loss(x, y), rel=1e-10, what=LOSS)

    def test_stable_for_large_logits(self, student, rng):
        x, y = numpy_inputs(rng, large=True)
        got, expected = as_number(student.cross_entropy_numpy(x, y)), torch_loss(x, y)
        if not math.isfinite(got):
            raise AssertionError(t("suite.ex05_softmax.numpy_not_finite", got=got))
        if not math.isclose(got, expected, rel_tol=1e-10, abs_tol=1e-9):
            raise AssertionError(t("suite.ex05_softmax.numpy_large_differs", got=repr(got),
                                   expected=repr(expected)) + f"\n{ROW_STABILITY_HINT}")

    def test_inputs_unchanged(self, student, rng):
        x, y = numpy_inputs(rng)
        call = student.run("cross_entropy_numpy", x.copy(), y.copy())
        for name, before, after in zip(("logits", "labels"), (x, y), call.args):
            if not isinstance(after, np.ndarray) or not np.array_equal(before, after):
                raise AssertionError(t("suite.ex05_softmax.numpy_modified", name=name))
