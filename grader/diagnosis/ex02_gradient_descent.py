"""Classic mistakes in ex02_gradient_descent (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("numerical_gradient", kills=["matches_autograd", "uses_eps", "example_sum_of_cubes"])
def numerical_gradient_forward_difference(f, x, eps=1e-6):
    x = x.detach().clone()
    grad = torch.zeros_like(x)
    f_x = float(f(x))
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps
        grad[i] = (float(f(x)) - f_x) / eps  # one-sided: error of order eps
        x[i] = old
    return grad


@mistake("numerical_gradient", kills=["matches_autograd", "uses_eps"])
def numerical_gradient_divides_by_eps(f, x, eps=1e-6):
    x = x.detach().clone()
    grad = torch.zeros_like(x)
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / eps  # the two points are 2 eps apart
    return grad


@mistake("numerical_gradient", kills=["uses_eps"])
def numerical_gradient_fixed_eps(f, x, eps=1e-6):
    h = 1e-6  # ignores the eps argument
    x = x.detach().clone()
    grad = torch.zeros_like(x)
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + h
        f_plus = float(f(x))
        x[i] = old - h
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


@mistake("numerical_gradient", kills=["matches_autograd"])
def numerical_gradient_float32_result(f, x, eps=1e-6):
    x = x.detach().clone()
    grad = torch.zeros(x.shape)  # default dtype float32 (and the CPU), not x's
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@mistake("numerical_gradient",
        kills=["matches_autograd", "non_contiguous_x", "f_returning_a_view"])
def numerical_gradient_first_axis_only(f, x, eps=1e-6):
    x = x.detach().clone()
    grad = torch.zeros_like(x)
    for i in range(len(x)):  # x[i] is a whole row when x has more than one axis
        old = x[i].clone()
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@mistake("gradient_descent", kills=["matches_closed_form", "other_function", "example_five_steps"])
def gradient_descent_grad_accumulates(f, x0, lr, steps):
    x = x0.detach().clone().requires_grad_(True)
    for _ in range(steps):
        f(x).backward()  # adds to x.grad, which is never zeroed
        with torch.no_grad():
            x -= lr * x.grad
    return x.detach()


@mistake("gradient_descent", kills=["matches_closed_form", "zero_steps_return_x0"])
def gradient_descent_one_step_too_many(f, x0, lr, steps):
    x = x0.detach().clone().requires_grad_(True)
    for _ in range(steps + 1):
        (dx,) = torch.autograd.grad(f(x), x)
        with torch.no_grad():
            x -= lr * dx
    return x.detach()


@mistake("gradient_descent", kills=["other_function"])
def gradient_descent_squares_gradient(f, x0, lr, steps):
    x = x0.detach().clone()
    for _ in range(steps):
        x = x - lr * 2 * x  # the gradient of the example's f, whatever f is
    return x


@mistake("himmelblau", kills=["matches_formula", "batch_shapes"])
def himmelblau_first_axis(x):
    x0, x1 = x[:, 0], x[:, 1]  # the second axis, right only for [S, 2]
    return (x0 ** 2 + x1 - 11) ** 2 + (x0 + x1 ** 2 - 7) ** 2


@mistake("himmelblau", kills=["matches_formula", "known_values", "example_three_points"])
def himmelblau_swapped_terms(x):
    x0, x1 = x[..., 0], x[..., 1]
    return (x0 + x1 ** 2 - 11) ** 2 + (x0 ** 2 + x1 - 7) ** 2


@mistake("himmelblau", kills=["batch_shapes"])
def himmelblau_flat_result(x):
    p = x.reshape(-1, 2)
    return (p[:, 0] ** 2 + p[:, 1] - 11) ** 2 + (p[:, 0] + p[:, 1] ** 2 - 7) ** 2  # [prod(...)]


@mistake("find_minima", kills=["reaches_a_minimum_from_every_start", "example_two_starts"])
def find_minima_ascent(starts, lr=1e-2, steps=20000):
    x = starts.detach().clone().requires_grad_(True)
    for step in range(steps):
        f = himmelblau(x)
        if step % 100 == 0 and f.max().item() < 1e-8:
            break
        (dx,) = torch.autograd.grad(f.sum(), x)
        with torch.no_grad():
            x += lr * dx / dx.norm(dim=1, keepdim=True).clamp(min=1.0)  # uphill
    return x.detach()
