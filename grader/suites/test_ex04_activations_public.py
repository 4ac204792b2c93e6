"""Public checks for ex04_activations: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (large
inputs where exp overflows, other layouts, dtypes and devices).
"""
import pytest
import torch

from .common import GRADS, VALUES, each_function, expect_close
from grader.i18n import t

MODULE = "ex04_activations"
pytestmark = pytest.mark.public
REFERENCE = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}
X = torch.linspace(-3.0, 3.0, 7)                   # includes 0
GRAD_OUT = torch.tensor([0.5, -1.0, 2.0, 1.0, -0.5, 1.5, 3.0])


@each_function("sigmoid", "tanh", "relu")
def test_example_linspace(student, function):
    expected = REFERENCE[function](X.double()).float()
    expect_close(student.run(function, X).result, expected, VALUES,
                 hint=t("suite.ex04_activations.public.compare_with_torch", function=function))


@each_function("sigmoid_backward", "tanh_backward", "relu_backward")
def test_example_backward_linspace(student, function):
    forward = function.removesuffix("_backward")
    x = X.double().requires_grad_()
    out = REFERENCE[forward](x)
    out.backward(GRAD_OUT.double())
    second = X if forward == "relu" else out.detach().float()   # relu_backward takes x
    expect_close(student.run(function, GRAD_OUT, second).result, x.grad.float(), GRADS,
                 what="grad_in", hint=t("suite.ex04_activations.public.local_derivative"))
