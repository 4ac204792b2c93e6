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

MODULE = "ex05_softmax"
LAYOUT_HINT = "the same values as in the other checks, stored transposed in memory: if only " \
              "this check fails, the code depends on the layout (.view(), as_strided)"
SHAPE = (3, 5, 4)
DIMS = [pytest.param(d, id=f"dim{d}") for d in (0, 1, -1)]
N, C = 6, 5
# hand-written gradients against float64 autograd: the same formula, a few roundings
STABILITY_HINT = "exp(1e4) is inf in any float format: subtract the max along `dim` before exp"
ROW_STABILITY_HINT = "exp(1e4) is inf in any float format: subtract each row's max before exp"
SUM_HINT = "softmax slices must sum to 1 along `dim`: divide by the sum over `dim` " \
           "(keepdim=True), not over another dimension or the whole tensor"


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
            raise AssertionError(f"{what} is {out.item()} for logits of +-1e4\n{hint}")
        if bad.any():
            where = bad.nonzero()[0].tolist()
            raise AssertionError(f"{what} has nan or inf at {where} ({int(bad.sum())} of "
                                 f"{out.numel()} elements) for logits of +-1e4\n{hint}")


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
                     hint="dim defaults to -1 (the last dimension); use `dim` everywhere "
                          "instead of a fixed dimension")

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
                raise AssertionError(f"for logits of +-1e4 a slice of softmax sums to "
                                     f"{worst:.6g}, not 1\n{SUM_HINT}")
        expect_close(out, softmax_reference(x, dim), large_tol(x),
                     hint="to avoid overflow subtract the max along `dim` (it changes nothing "
                          "mathematically); clamping the logits changes the result")

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
                     hint="log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m) along `dim`, "
                          "with m the max along `dim`")

    def test_default_dim_is_last(self, student, rng):
        x = logits(rng)
        expect_close(student.log_softmax(x), log_softmax_reference(x, -1), VALUES,
                     hint="dim defaults to -1 (the last dimension); use `dim` everywhere "
                          "instead of a fixed dimension")

    @pytest.mark.parametrize("dim", [pytest.param(d, id=f"dim{d}") for d in (0, -1)])
    def test_stable_for_large_logits(self, student, rng, dtype, dim):
        x = large_logits(rng, dtype)
        out = student.log_softmax(x, dim=dim)
        expect_finite(out, "log_softmax",
                      hint="never take log(softmax(x)): a probability that underflows to 0 "
                           "gives -inf. Subtract the max, then log-sum-exp")
        expect_close(out, log_softmax_reference(x, dim), large_tol(x),
                     hint="subtract the max m along `dim`: (x - m) - log(sum(exp(x - m)))")

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
                     what="the Jacobian",
                     hint="J[i, j] = p_i * (delta_ij - p_j), i.e. diag(p) - outer(p, p); "
                          "p is already the softmax output, do not apply softmax again")

    def test_notes_example(self, student):
        o = torch.tensor([0.8659, 0.0540, 0.4153], dtype=torch.float64)
        expected = jacobian_reference(o, torch.float32)   # the rows the notes printed
        expect_close(student.softmax_jacobian(F.softmax(o, dim=0).float()), expected, VALUES,
                     what="the Jacobian",
                     hint="row i should be what torch.autograd.grad(p[i], [a]) printed in the "
                          "notes: [[0.2496, -0.1025, -0.1471], [-0.1025, 0.1678, -0.0653], "
                          "[-0.1471, -0.0653, 0.2124]]")


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
                     hint="dL/do = p * (g - sum(g * p, dim, keepdim=True)), the sum along `dim`")

    def test_default_dim_is_last(self, student, rng):
        grad_out, probs, expected = vjp_inputs(rng, dim=-1)
        expect_close(student.softmax_backward(grad_out, probs), expected, GRADS,
                     what="dL/dlogits",
                     hint="dim defaults to -1 (the last dimension); use `dim` everywhere "
                          "instead of a fixed dimension")

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
        expect_close(student.cross_entropy(x, y), expected, VALUES, what="the loss",
                     hint="a 0-dim tensor: the mean over the N rows of -log softmax(o_n)[y_n] "
                          "(pick one entry per row, e.g. with gather or [arange(N), labels])")

    def test_stable_for_large_logits(self, student, rng, dtype):
        x, y = large_inputs(rng, dtype)
        out = student.cross_entropy(x, y)
        expect_finite(out, "the loss",
                      hint="exp(1e4) is inf, and log of a probability that underflowed to 0 is "
                           "-inf: use a stable log_softmax (subtract each row's max, then "
                           "log-sum-exp), never log(softmax(x))")
        expect_close(out, F.cross_entropy(x.double(), y).to(dtype), large_tol(x),
                     what="the loss", hint=ROW_STABILITY_HINT)

    def test_non_contiguous_input(self, student, rng):
        x, y = non_contiguous(logits(rng, shape=(N, C))), labels_for(rng)
        expect_close(student.cross_entropy(x, y), F.cross_entropy(x.double(), y).float(),
                     VALUES, what="the loss",
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


CE_GRAD_HINT = "dL/do = (softmax(o) - one_hot(y)) / N: one 1 per row, at the label, " \
               "and divided by N once (the mean)"


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
    raise AssertionError(f"the loss should be a Python float, got {describe(actual)}"
                         + (": average over the rows" if isinstance(actual, np.ndarray) else ""))


@grades("cross_entropy_numpy")
class TestCrossEntropyNumpy:
    @pytest.mark.parametrize("np_dtype", NP_DTYPES)
    def test_matches_torch_version(self, student, rng, np_dtype):
        x, y = numpy_inputs(rng, np_dtype)
        got, expected = as_number(student.cross_entropy_numpy(x, y)), torch_loss(x, y)
        if not math.isclose(got, expected, rel_tol=NP_REL[np_dtype], abs_tol=1e-12):
            raise AssertionError(f"the loss is {got!r}, expected {expected!r} (F.cross_entropy)"
                                 "\nthe mean over rows of -(o[n, y_n] - m_n - log sum_j "
                                 "exp(o[n, j] - m_n)); pick logp[np.arange(N), labels]")

    def test_returns_python_float(self, student, rng):
        x, y = numpy_inputs(rng)
        got = student.cross_entropy_numpy(x, y)
        if isinstance(got, (np.generic, np.ndarray)):
            raise AssertionError(f"the loss should be a Python float, got {describe(got)}: "
                                 "NumPy's mean returns a NumPy scalar, wrap it in float()")
        expect_float(got, torch_loss(x, y), rel=1e-10, what="the loss")

    def test_stable_for_large_logits(self, student, rng):
        x, y = numpy_inputs(rng, large=True)
        got, expected = as_number(student.cross_entropy_numpy(x, y)), torch_loss(x, y)
        if not math.isfinite(got):
            raise AssertionError(f"the loss is {got} for logits of +-1e4\nnp.exp(1e4) is inf: "
                                 "subtract each row's max (keepdims=True) before np.exp, and "
                                 "never take np.log of a probability that may be 0")
        if not math.isclose(got, expected, rel_tol=1e-10, abs_tol=1e-9):
            raise AssertionError(f"the loss is {got!r} for logits of +-1e4, expected "
                                 f"{expected!r}\n{ROW_STABILITY_HINT}")

    def test_inputs_unchanged(self, student, rng):
        x, y = numpy_inputs(rng)
        call = student.run("cross_entropy_numpy", x.copy(), y.copy())
        for name, before, after in zip(("logits", "labels"), (x, y), call.args):
            if not isinstance(after, np.ndarray) or not np.array_equal(before, after):
                raise AssertionError(f"the call modified its input {name} in place (e.g. "
                                     "logits -= logits.max(...)); write "
                                     "z = logits - logits.max(axis=1, keepdims=True) instead")
