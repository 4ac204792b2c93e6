"""Hidden checks for ex02_gradient_descent: finite differences, gradient descent,
Himmelblau's function and its four minima.

numerical_gradient is graded in float64 against autograd at 1e-7 (central differences
with eps = 1e-6 are good to about 1e-9 there; forward differences are off by ~eps).
The functions passed in are ``Fn`` source text: the same text gives the autograd
reference here. find_minima is judged by where it ends, never by the path taken.
"""
import pytest
import torch

from .common import VALUES, Fn, expect_close, expect_tensor, expect_unchanged, grades, \
    non_contiguous, randn
from grader.i18n import t

MODULE = "ex02_gradient_descent"
F64 = torch.float64
SQUARES = Fn("lambda x: (x ** 2).sum()")


def autograd_gradient(fn, x):
    """The gradient of ``fn`` at ``x`` by autograd, in float64."""
    x = x.detach().double().clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(fn(x), x)
    return grad


# -- numerical_gradient --------------------------------------------------------------------
FUNCTIONS = [pytest.param(Fn(src), shape, id=name) for name, src, shape in [
    ("squares_5", "lambda x: (x ** 2).sum()", (5,)),
    ("sin_exp_3x4", "lambda x: (x.sin() * x.exp()).sum()", (3, 4)),
    ("bilinear_2x3", "lambda x: (x[0] @ x[1]) ** 2 + x[0, 0] * x[1, 2]", (2, 3)),
    ("log_sum_exp_cubes_2x3x4", "lambda x: x.exp().sum().log() + (x ** 3).mean()", (2, 3, 4)),
    ("one_element_output_4x3", "lambda x: (x.cos() * x ** 2).sum().reshape(1)", (4, 3)),
]]
CENTRAL_HINT = t("suite.ex02_gradient_descent.central_hint")


@grades("numerical_gradient")
class TestNumericalGradient:
    @pytest.mark.parametrize("fn,shape", FUNCTIONS)
    def test_matches_autograd(self, student, rng, device, fn, shape):
        x = randn(shape, rng, device, F64)
        expect_close(student.numerical_gradient(fn, x), autograd_gradient(fn, x), VALUES,
                     what=t("suite.ex02_gradient_descent.numerical_gradient.what"),
                     hint=CENTRAL_HINT)

    def test_uses_eps(self, student, rng):
        x = randn((4, 3), rng, dtype=F64)
        cubes = Fn("lambda x: (x ** 3).sum()")
        # ((x + e)^3 - (x - e)^3) / (2 e) = 3 x^2 + e^2 exactly: the e^2 shows which eps
        expected = 3 * x ** 2 + 1e-2 ** 2
        expect_close(student.numerical_gradient(cubes, x, eps=1e-2), expected, VALUES,
                     what=t("suite.ex02_gradient_descent.numerical_gradient.uses_eps.what"),
                     hint=t("suite.ex02_gradient_descent.numerical_gradient.uses_eps"))

    def test_non_contiguous_x(self, student, rng):
        x = non_contiguous(randn((3, 4), rng, dtype=F64))
        weighted = Fn("lambda x: (torch.arange(1, 13, dtype=x.dtype, device=x.device)"
                      ".reshape(3, 4) * x ** 2).sum()")
        expect_close(student.numerical_gradient(weighted, x), autograd_gradient(weighted, x),
                     VALUES,
                     what=t("suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x.what"),
                     hint=t("suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x"))

    def test_f_returning_a_view(self, student, rng):
        x = randn((3, 4), rng, dtype=F64)
        pick = Fn("lambda x: x[1, 2]")
        expected = torch.zeros_like(x)
        expected[1, 2] = 1
        expect_close(student.numerical_gradient(pick, x), expected, VALUES,
                     what=t("suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view.what"),
                     hint=t("suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view"))

    def test_f_returning_python_float(self, student, rng):
        x = randn((2, 3), rng, dtype=F64)
        fn = Fn("lambda x: float((x.exp() * x).sum())")
        reference = Fn("lambda x: (x.exp() * x).sum()")
        expect_close(student.numerical_gradient(fn, x), autograd_gradient(reference, x),
                     VALUES,
                     what=t("suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float.what"),
                     hint=t("suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float"))

    def test_x_unchanged(self, student, rng):
        x = randn((3, 4), rng, dtype=F64)
        call = student.run("numerical_gradient", SQUARES, x.clone())
        expect_unchanged(call, [None, x], ["f", "x"])


# -- gradient_descent ------------------------------------------------------------------------
def descent_reference(fn, x0, lr, steps):
    x = x0.detach().double().clone().requires_grad_(True)
    for _ in range(steps):
        (grad,) = torch.autograd.grad(fn(x), x)
        x = (x - lr * grad).detach().requires_grad_(True)
    return x.detach().to(x0.dtype)


STEP_HINT = t("suite.ex02_gradient_descent.step_hint")


@grades("gradient_descent")
class TestGradientDescent:
    def test_matches_closed_form(self, student, rng, device, dtype):
        # f = sum(x^2), df/dx = 2x: every step multiplies x by (1 - 2 lr)
        x0 = randn((3, 4), rng, device, dtype)
        expected = ((1 - 2 * 0.1) ** 7 * x0.double()).to(dtype)
        expect_close(student.gradient_descent(SQUARES, x0, 0.1, 7), expected, VALUES,
                     what=t("suite.ex02_gradient_descent.gradient_descent.matches_closed_form.what"),
                     hint=STEP_HINT)

    def test_zero_steps_return_x0(self, student, rng):
        x0 = randn((3, 4), rng)
        expect_close(student.gradient_descent(SQUARES, x0, 0.1, 0), x0, VALUES,
                     what=t("suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0.what"),
                     hint=t("suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0"))

    def test_other_function(self, student, rng):
        fn = Fn("lambda x: (x.cosh() * torch.arange(1, x.numel() + 1, dtype=x.dtype, "
                "device=x.device).reshape(x.shape)).sum() + (x[0] * x[-1]).sum()")
        x0 = randn((4, 3), rng, dtype=F64)
        expect_close(student.gradient_descent(fn, x0, 0.02, 5),
                     descent_reference(fn, x0, 0.02, 5), VALUES,
                     what=t("suite.ex02_gradient_descent.gradient_descent.other_function.what"),
                     hint=t("suite.ex02_gradient_descent.gradient_descent.other_function"))

    def test_x0_requiring_grad(self, student, rng):
        x0 = randn((3, 4), rng, dtype=F64).requires_grad_(True)
        expected = (1 - 2 * 0.1) ** 3 * x0.detach()
        expect_close(student.gradient_descent(SQUARES, x0, 0.1, 3), expected, VALUES,
                     what=t("suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad.what"),
                     hint=t("suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad"))

    def test_returns_detached(self, student, rng):
        out = student.gradient_descent(SQUARES, randn((3, 4), rng), 0.1, 3)
        expect_tensor(out, shape=(3, 4), what=t("suite.ex02_gradient_descent.the_result"))
        if out.requires_grad:
            raise AssertionError(t("suite.ex02_gradient_descent.still_requires_grad"))

    def test_x0_unchanged(self, student, rng):
        x0 = randn((3, 4), rng)
        call = student.run("gradient_descent", SQUARES, x0.clone(), 0.1, 3)
        expect_unchanged(call, [None, x0], ["f", "x0"])


# -- himmelblau ------------------------------------------------------------------------------
def himmelblau_reference(x):
    x0, x1 = x.double().unbind(-1)
    return ((x0 ** 2 + x1 - 11) ** 2 + (x0 + x1 ** 2 - 7) ** 2).to(x.dtype)


HIMMELBLAU_HINT = t("suite.ex02_gradient_descent.himmelblau_hint")
LOOSE = {torch.float32: (1e-5, 1e-5), F64: (1e-7, 1e-7)}   # a sum of squares near 1e3


@grades("himmelblau")
class TestHimmelblau:
    def test_matches_formula(self, student, rng, device, dtype):
        x = 2 * randn((3, 4, 2), rng, device, dtype)
        expect_close(student.himmelblau(x), himmelblau_reference(x), LOOSE, hint=HIMMELBLAU_HINT)

    @pytest.mark.parametrize("batch", [(), (6,), (2, 3, 4)], ids=["point", "6", "2x3x4"])
    def test_batch_shapes(self, student, rng, batch):
        x = 2 * randn((*batch, 2), rng, dtype=F64)
        expect_close(student.himmelblau(x), himmelblau_reference(x), LOOSE,
                     hint=t("suite.ex02_gradient_descent.himmelblau.batch_shapes"))

    def test_known_values(self, student):
        x = torch.tensor([[3., 2.], [0., 0.], [-1., 1.]], dtype=F64)
        expect_close(student.himmelblau(x), torch.tensor([0., 170., 130.], dtype=F64), LOOSE,
                     what=t("suite.ex02_gradient_descent.himmelblau.known_values.what"),
                     hint=HIMMELBLAU_HINT)

    def test_non_contiguous_input(self, student, rng):
        x = non_contiguous(randn((2, 5, 2), rng))   # x[..., 0] and x[..., 1] are strided
        expect_close(student.himmelblau(x), himmelblau_reference(x), LOOSE,
                     hint=t("suite.ex02_gradient_descent.himmelblau.non_contiguous_input"))

    def test_input_unchanged(self, student, rng):
        x = randn((3, 4, 2), rng)
        expect_unchanged(student.run("himmelblau", x.clone()), [x], ["x"])


# -- find_minima -----------------------------------------------------------------------------
MINIMA = torch.tensor([[3.0, 2.0], [-2.805118, 3.131312], [-3.779310, -3.283186],
                       [3.584428, -1.848126]], dtype=F64)
CRITICAL = torch.tensor([[-0.270845, -0.923039], [0.086677, 2.884254], [-3.073026, -0.081353],
                         [3.385154, 0.073852], [-0.127961, -1.953715]], dtype=F64)
FIXED_STARTS = [[0.0, 0.0], [-4.0, -4.0], [-4.0, 4.0], [4.0, -4.0], [4.5, 4.5], [-5.0, 5.0],
                [1.5, -3.5], [-1.5, 1.0], [2.0, 0.8], [-3.0, -1.5]]


def starts_for(rng, extra=4):
    """The fixed starts and ``extra`` random ones in [-5, 5]^2, all at least 0.5 from
    every maximum, saddle point and minimum."""
    points = list(FIXED_STARTS)
    while len(points) < len(FIXED_STARTS) + extra:
        p = (torch.rand(2, generator=rng, dtype=F64) * 10 - 5)
        if torch.cdist(p[None], torch.cat([CRITICAL, MINIMA])).min() > 0.5:
            points.append(p.tolist())
    return torch.tensor(points, dtype=F64)


def near_minima(rng, which, radius=0.3):
    """A start ``radius`` from each minimum ``which`` (indices into MINIMA), inside its
    basin: any descent ends at that minimum."""
    angles = torch.rand(len(which), generator=rng, dtype=F64) * 2 * torch.pi
    return MINIMA[which] + radius * torch.stack([angles.cos(), angles.sin()], 1)


def expect_nearby_minima(starts, out, which, radius=0.3):
    off = (out.detach().double().cpu() - MINIMA[which]).norm(dim=1)
    bad = [i for i, d in enumerate(off.tolist()) if not d <= 1e-2]
    if bad:
        i = bad[0]
        raise AssertionError(t(
            "suite.ex02_gradient_descent.find_minima.not_the_nearby_minimum",
            bad=len(bad), total=len(starts), radius=radius,
            start=[round(v, 3) for v in starts[i].tolist()],
            end=[round(v, 4) for v in out[i].tolist()],
            nearby=[round(v, 4) for v in MINIMA[which[i]].tolist()]))


def distance_to_minima(points):
    return torch.cdist(points.detach().double().cpu(), MINIMA).min(1).values


def expect_at_minima(starts, out):
    far = distance_to_minima(out)
    bad = [i for i, d in enumerate(far.tolist()) if not d <= 1e-2]
    if bad:
        i = bad[0]
        raise AssertionError(t(
            "suite.ex02_gradient_descent.find_minima.not_at_a_minimum",
            bad=len(bad), total=len(starts), start=[round(v, 3) for v in starts[i].tolist()],
            end=[round(v, 4) for v in out[i].tolist()], distance=f"{far[i].item():.3g}"))


# Three starts a call at most: the contract's default is 20000 steps, and the seed notes'
# per-start torch.optim.Adam loop costs ~18 s of CPU a start on a slow machine
# (grader/curriculum.py gives find_minima 240 s a call). Every call drawn from the seed
# holds starts near two different minima, so no one fixed answer passes it.
@grades("find_minima")
class TestFindMinima:
    def test_reaches_a_minimum_from_every_start(self, student, rng, device, dtype):
        # a start far from the minima (drawn from the hard fixed ones and random ones) and
        # two that arrive within a few hundred steps: stopping at the first arrival fails
        far = starts_for(rng)
        far = far[torch.randint(len(far), (1,), generator=rng)]
        which = torch.randperm(len(MINIMA), generator=rng)[:2]
        near = near_minima(rng, which, radius=0.05)
        starts = torch.cat([far, near]).to(device=device, dtype=dtype)
        out = student.run("find_minima", starts).result
        expect_tensor(out, shape=starts.shape, dtype=dtype, device=starts.device,
                      what="find_minima")
        expect_nearby_minima(starts[1:], out[1:], which, radius=0.05)
        expect_at_minima(starts, out)

    def test_ends_at_the_nearby_minimum(self, student, rng, device, dtype):
        # two different minima: one fixed answer for every start cannot be both
        which = torch.randperm(len(MINIMA), generator=rng)[:2]
        starts = near_minima(rng, which).to(device=device, dtype=dtype)
        out = student.run("find_minima", starts).result
        expect_tensor(out, shape=starts.shape, dtype=dtype, device=starts.device,
                      what="find_minima")
        expect_nearby_minima(starts, out, which)

    def test_returns_detached(self, student):
        out = student.run("find_minima", torch.tensor(FIXED_STARTS[1:2])).result
        expect_tensor(out, shape=(1, 2), what="find_minima")
        if out.requires_grad:
            raise AssertionError(t("suite.ex02_gradient_descent.still_requires_grad"))

    def test_starts_unchanged(self, student):
        starts = torch.tensor(FIXED_STARTS[2:3])
        call = student.run("find_minima", starts.clone())
        expect_unchanged(call, [starts], ["starts"])

