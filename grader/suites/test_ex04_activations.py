"""Hidden checks for ex04_activations: sigmoid, tanh, ReLU and their backward passes.

Forward values are compared with torch's own activation computed in float64 and
rounded; backward passes with autograd's gradient of that activation (float64,
random non-zero upstream gradients, so a forgotten ``grad_out *`` cannot pass).
The stability checks feed the inputs where exp overflows in each dtype
(float32: exp(88.8) = inf, float64: exp(709.8) = inf) and far beyond (+-1000).
"""
import torch

from .common import GRADS, VALUES, each_function, expect_close, expect_unchanged, grades, \
    non_contiguous, randn
from grader.i18n import t

MODULE = "ex04_activations"
LAYOUT_HINT = t("suite.ex04_activations.layout_hint")
SHAPE = (5, 7)
# hand-written gradients against float64 autograd: the same formula, a few roundings
LARGE = [-1000.0, -500.0, -150.0, 150.0, 500.0, 1000.0]
# where exp(x) (and exp(2x), which tanh formulas use) stops being finite in each dtype
EXP_LIMITS = {
    torch.float32: [-89.0, -88.8, -88.7, -44.4, -44.3, 44.3, 44.4, 88.7, 88.8, 89.0],
    torch.float64: [-710.0, -709.8, -709.7, -355.0, -354.9, 354.9, 355.0, 709.7, 709.8, 710.0],
}
REFERENCE = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}
FORMULA = {"sigmoid": "sigmoid(x) = 1 / (1 + exp(-x))",
           "tanh": "tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))",
           "relu": "relu(x) = max(x, 0)"}
OVERFLOW_HINT = {"sigmoid": t("suite.ex04_activations.overflow_hint.sigmoid"),
                 "tanh": t("suite.ex04_activations.overflow_hint.tanh")}


def inputs(rng, device="cpu", dtype=torch.float32, scale=3.0):
    """Values spread over the saturating regions too (|x| up to about 10)."""
    return scale * randn(SHAPE, rng, device, dtype)


def reference(function, x):
    return REFERENCE[function](x.double()).to(x.dtype)


def autograd_reference(function, x, grad_out):
    """dL/dx of L = sum(grad_out * f(x)) by autograd in float64, rounded to x's dtype."""
    x64 = x.double().requires_grad_()
    REFERENCE[function](x64).backward(grad_out.double())
    return x64.grad.to(x.dtype)


def expect_finite(out, x, function):
    if not isinstance(out, torch.Tensor) or out.shape != x.shape:
        return   # expect_close explains type and shape
    bad = ~torch.isfinite(out.detach())
    if bad.any():
        i = int(bad.reshape(-1).nonzero()[0])
        raise AssertionError(t("suite.ex04_activations.not_finite", function=function,
                               x=f"{x.reshape(-1)[i].item():g}", value=out.reshape(-1)[i].item(),
                               count=int(bad.sum()), total=out.numel())
                             + f"\n{OVERFLOW_HINT[function]}")


# -- forward passes ----------------------------------------------------------------
def check_matches_torch(student, rng, device, dtype, function):
    x = inputs(rng, device, dtype)
    expect_close(student.run(function, x).result, reference(function, x), VALUES,
                 hint=FORMULA[function])


def check_large_inputs(student, dtype, function, values):
    x = torch.tensor(values, dtype=dtype)
    out = student.run(function, x).result
    expect_finite(out, x, function)
    expect_close(out, reference(function, x), VALUES, hint=OVERFLOW_HINT[function])


def check_non_contiguous(student, rng, function):
    x = non_contiguous(inputs(rng))
    expect_close(student.run(function, x).result, reference(function, x), VALUES,
                 hint=LAYOUT_HINT)


def check_input_unchanged(student, rng, function):
    x = inputs(rng)
    expect_unchanged(student.run(function, x.clone()), [x], ["x"])


# Every activation shares the forward contract; sigmoid and tanh the overflow one.
@each_function("sigmoid", "tanh", "relu")
class TestForward:
    def test_matches_torch(self, student, rng, device, dtype, function):
        check_matches_torch(student, rng, device, dtype, function)

    def test_non_contiguous_input(self, student, rng, function):
        check_non_contiguous(student, rng, function)

    def test_input_unchanged(self, student, rng, function):
        check_input_unchanged(student, rng, function)


@each_function("sigmoid", "tanh")
class TestNoOverflow:
    def test_no_overflow_at_large_inputs(self, student, dtype, function):
        check_large_inputs(student, dtype, function, LARGE)

    def test_no_overflow_where_exp_overflows(self, student, dtype, function):
        check_large_inputs(student, dtype, function, EXP_LIMITS[dtype])


# -- backward passes -----------------------------------------------------------------
BACKWARD_HINT = {name: t(f"suite.ex04_activations.backward_hint.{name}")
                 for name in ("sigmoid", "tanh", "relu")}


def backward_inputs(function, rng, device="cpu", dtype=torch.float32):
    """(grad_out, second argument, x): the second argument is out for sigmoid and tanh
    (computed in float64, rounded), x for relu."""
    x = inputs(rng, device, dtype)
    grad_out = randn(SHAPE, rng, device, dtype)
    second = x if function == "relu" else reference(function, x)
    return grad_out, second, x


def check_backward_matches_autograd(student, rng, device, dtype, function):
    grad_out, second, x = backward_inputs(function, rng, device, dtype)
    got = student.run(f"{function}_backward", grad_out, second).result
    expect_close(got, autograd_reference(function, x, grad_out), GRADS,
                 what="grad_in", hint=BACKWARD_HINT[function])


def check_backward_non_contiguous(student, rng, function):
    grad_out, second, x = backward_inputs(function, rng)
    got = student.run(f"{function}_backward", non_contiguous(grad_out),
                      non_contiguous(second)).result
    expect_close(got, autograd_reference(function, x, grad_out), GRADS, what="grad_in",
                 hint=LAYOUT_HINT)


def check_backward_inputs_unchanged(student, rng, function):
    grad_out, second, _ = backward_inputs(function, rng)
    call = student.run(f"{function}_backward", grad_out.clone(), second.clone())
    second_name = "x" if function == "relu" else "out"
    expect_unchanged(call, [grad_out, second], ["grad_out", second_name])


# The backward passes share their contract: grad_in from grad_out and a saved tensor.
@each_function("sigmoid_backward", "tanh_backward", "relu_backward")
class TestBackward:
    def test_matches_autograd(self, student, rng, device, dtype, function):
        check_backward_matches_autograd(student, rng, device, dtype, forward_of(function))

    def test_non_contiguous_inputs(self, student, rng, function):
        check_backward_non_contiguous(student, rng, forward_of(function))

    def test_inputs_unchanged(self, student, rng, function):
        check_backward_inputs_unchanged(student, rng, forward_of(function))


def forward_of(backward):
    return backward.removesuffix("_backward")


@grades("relu_backward")
class TestReluBackward:
    def test_zero_input_gives_zero_gradient(self, student, rng, dtype):
        x = torch.tensor([0.0, -0.0, 0.0, 1.5, -2.0, 0.0], dtype=dtype)
        grad_out = randn(x.shape, rng, dtype=dtype)
        expect_close(student.relu_backward(grad_out, x), autograd_reference("relu", x, grad_out),
                     GRADS, what="grad_in",
                     hint=t("suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient"))
