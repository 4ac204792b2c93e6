"""Public checks for ex02_gradient_descent: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (other
functions, shapes, dtypes, devices and edge cases).
"""
import pytest
import torch

from .common import VALUES, Fn, expect_close, expect_tensor, grades
from grader.i18n import t

MODULE = "ex02_gradient_descent"
pytestmark = pytest.mark.public
F64 = torch.float64
CUBES = Fn("lambda x: (x ** 3).sum()")
SQUARES = Fn("lambda x: (x ** 2).sum()")
MINIMA = torch.tensor([[3.0, 2.0], [-2.805118, 3.131312], [-3.779310, -3.283186],
                       [3.584428, -1.848126]], dtype=F64)


def autograd_gradient(fn, x):
    x = x.detach().clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(fn(x), x)
    return grad


@grades("numerical_gradient")
def test_example_sum_of_cubes(student):
    x = torch.tensor([[1.0, -2.0], [0.5, 3.0]], dtype=F64)
    expect_close(student.numerical_gradient(CUBES, x), autograd_gradient(CUBES, x), VALUES,
                 what=t("suite.ex02_gradient_descent.public.sum_of_cubes"),
                 hint=t("suite.ex02_gradient_descent.public.central_differences"))


@grades("gradient_descent")
def test_example_five_steps(student):
    x = torch.tensor([1.0, -2.0, 3.0], dtype=F64)
    expected = x.clone()
    for _ in range(5):
        expected = expected - 0.1 * autograd_gradient(SQUARES, expected)
    expect_close(student.gradient_descent(SQUARES, x, 0.1, 5), expected, VALUES,
                 what=t("suite.ex02_gradient_descent.public.five_steps"),
                 hint=t("suite.ex02_gradient_descent.public.each_step"))


@grades("himmelblau")
def test_example_three_points(student):
    x = torch.tensor([[1.0, 1.0], [2.0, -1.0], [-3.0, 3.0]], dtype=F64)
    a, b = x[:, 0], x[:, 1]
    expected = (a ** 2 + b - 11) ** 2 + (a + b ** 2 - 7) ** 2
    expect_close(student.himmelblau(x), expected, VALUES,
                 what=t("suite.ex02_gradient_descent.public.himmelblau_three_points"))


@grades("find_minima")
def test_example_two_starts(student):
    starts = torch.tensor([[2.5, 2.5], [-3.5, -2.5]])
    out = student.run("find_minima", starts).result
    expect_tensor(out, shape=(2, 2), dtype=starts.dtype, what="find_minima")
    far = torch.cdist(out.detach().double(), MINIMA).min(1).values
    if not (far <= 1e-2).all():
        raise AssertionError(t("suite.ex02_gradient_descent.public.not_at_a_minimum",
                               end=out.tolist(), distances=far.tolist()))
