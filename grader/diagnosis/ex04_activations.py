"""Classic mistakes in ex04_activations (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("sigmoid", kills=["no_overflow_at_large_inputs", "no_overflow_where_exp_overflows"])
def sigmoid_exp_ratio(x):
    e = torch.exp(x)
    return e / (1 + e)  # exp(1000) = inf, inf / inf = nan


@mistake("sigmoid", kills=["matches_torch", "example_linspace"])
def sigmoid_wrong_sign(x):
    return 1 / (1 + torch.exp(x))


@mistake("sigmoid_backward", kills=["matches_autograd", "example_backward_linspace"])
def sigmoid_backward_treats_out_as_x(grad_out, out):
    s = sigmoid(out)  # out is already sigmoid(x)
    return grad_out * s * (1 - s)


@mistake("sigmoid_backward", kills=["matches_autograd"])
def sigmoid_backward_forgets_grad_out(grad_out, out):
    return out * (1 - out)


@mistake("tanh", kills=["no_overflow_at_large_inputs", "no_overflow_where_exp_overflows"])
def tanh_textbook(x):
    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))


@mistake("tanh_backward", kills=["matches_autograd", "example_backward_linspace"])
def tanh_backward_treats_out_as_x(grad_out, out):
    return grad_out * (1 - tanh(out) ** 2)


@mistake("tanh_backward", kills=["matches_autograd"])
def tanh_backward_forgets_square(grad_out, out):
    return grad_out * (1 - out)


@mistake("tanh_backward", kills=["matches_autograd"])
def tanh_backward_forgets_grad_out(grad_out, out):
    return 1 - out ** 2


@mistake("relu", kills=["matches_torch", "example_linspace"])
def relu_keeps_negatives(x):
    return x.clamp(max=0)


@mistake("relu_backward", kills=["zero_input_gives_zero_gradient"])
def relu_backward_ge_zero(grad_out, x):
    return grad_out * (x >= 0)


@mistake("relu_backward", kills=["matches_autograd", "example_backward_linspace"])
def relu_backward_forgets_grad_out(grad_out, x):
    return (x > 0).to(grad_out.dtype)


@mistake("relu_backward", kills=["matches_autograd"])
def relu_backward_times_output(grad_out, x):
    return grad_out * relu(x)  # the forward output, not the derivative


@mistake("tanh", kills=["no_overflow_at_large_inputs"])
def tanh_exp_minus_2x(x):
    e = torch.exp(-2 * x)  # inf for large negative x: inf / inf
    return (1 - e) / (1 + e)


@mistake("relu", kills=["matches_torch", "example_linspace"])
def relu_derivative_mask(x):
    return (x > 0).to(x.dtype)  # the 0/1 mask of relu_backward, not max(x, 0)
