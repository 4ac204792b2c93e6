"""Mutants and alternatives for ex04_activations (activations and their gradients).

Each body is appended to a copy of solutions/ex04_activations.py, so it sees that
module's imports (torch) and functions (sigmoid, tanh, ...).
"""
import torch

from . import alternative, mutant

# -- sigmoid ----------------------------------------------------------------------------


@mutant("sigmoid", kills=["no_overflow_where_exp_overflows"])
def sigmoid_guarded_beyond_100(x):
    naive = torch.exp(x) / (1 + torch.exp(x))
    # the guard starts too late: exp(88.8) is already inf in float32
    return torch.where(x > 100, torch.ones_like(x),
                       torch.where(x < -100, torch.zeros_like(x), naive))


@mutant("sigmoid", kills=["matches_torch"])
def sigmoid_torch(x):
    return torch.sigmoid(x)


@mutant("sigmoid", kills=["input_unchanged"])
def sigmoid_in_place(x):
    # saves memory, but overwrites the caller's x
    return x.neg_().exp_().add_(1).reciprocal_()


@mutant("sigmoid", kills=["non_contiguous_input"])
def sigmoid_flat_view(x):
    flat = x.view(-1)  # view needs contiguous memory
    out = torch.empty_like(flat)
    pos = flat >= 0
    out[pos] = 1 / (1 + torch.exp(-flat[pos]))
    e = torch.exp(flat[~pos])
    out[~pos] = e / (1 + e)
    return out.view(x.shape)


@alternative("tanh")
def tanh_in_a_worker_thread(x):
    # correct, computed in a thread of its own: threads are allowed, and their torch
    # calls are traced like the caller's
    import threading
    out = []
    e = torch.exp(-2 * x.abs())
    worker = threading.Thread(target=lambda: out.append(torch.sign(x) * (1 - e) / (1 + e)))
    worker.start()
    worker.join()
    return out[0]


@alternative("sigmoid")
def sigmoid_naive_is_finite(x):
    # exp(1000) = inf, but 1 / (1 + inf) = 0: no nan, so this form is correct
    return 1 / (1 + torch.exp(-x))


@alternative("sigmoid")
def sigmoid_via_tanh(x):
    return 0.5 * (1 + torch.tanh(x / 2))


@alternative("sigmoid")
def sigmoid_via_logaddexp(x):
    return torch.exp(-torch.logaddexp(torch.zeros_like(x), -x))


# -- sigmoid_backward -------------------------------------------------------------------


@mutant("sigmoid_backward", kills=["matches_autograd"])
def sigmoid_backward_autograd(grad_out, out):
    x = torch.log(out / (1 - out)).requires_grad_()
    torch.sigmoid(x).backward(grad_out)
    return x.grad


@mutant("sigmoid_backward", kills=["inputs_unchanged"])
def sigmoid_backward_in_place(grad_out, out):
    grad = out
    grad *= 1 - out  # grad is out itself: this overwrites the caller's out
    return grad_out * grad


@mutant("sigmoid_backward", kills=["non_contiguous_inputs"])
def sigmoid_backward_flat_view(grad_out, out):
    g, s = grad_out.view(-1), out.view(-1)
    return (g * s * (1 - s)).view(out.shape)


@alternative("sigmoid_backward")
def sigmoid_backward_expanded(grad_out, out):
    return grad_out * (out - out * out)


# -- tanh -------------------------------------------------------------------------------


@mutant("tanh", kills=["no_overflow_at_large_inputs", "no_overflow_where_exp_overflows"])
def tanh_one_sided(x):
    e = torch.exp(-2 * x)  # fine for x > 0, inf for x << 0
    return (1 - e) / (1 + e)


@mutant("tanh", kills=["no_overflow_where_exp_overflows"])
def tanh_guarded_beyond_100(x):
    naive = (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))
    return torch.where(x.abs() > 100, torch.sign(x), naive)


@mutant("tanh", kills=["matches_torch", "example_linspace"])
def tanh_sinh(x):
    return (torch.exp(x) - torch.exp(-x)) / 2


@mutant("tanh", kills=["matches_torch"])
def tanh_torch(x):
    return torch.tanh(x)


@mutant("tanh", kills=["input_unchanged"])
def tanh_in_place(x):
    sign = torch.sign(x)
    e = x.abs_().mul_(-2).exp_()  # overwrites the caller's x
    return sign * (1 - e) / (1 + e)


@mutant("tanh", kills=["non_contiguous_input"])
def tanh_flat_view(x):
    flat = x.view(-1)
    e = torch.exp(-2 * flat.abs())
    return (torch.sign(flat) * (1 - e) / (1 + e)).view(x.shape)


@alternative("tanh")
def tanh_via_sigmoid(x):
    return 2 * torch.sigmoid(2 * x) - 1


@alternative("tanh")
def tanh_sign_times_ratio(x):
    e = torch.exp(-2 * x.abs())
    return torch.sign(x) * (1 - e) / (1 + e)


# -- tanh_backward ----------------------------------------------------------------------


@mutant("tanh_backward", kills=["inputs_unchanged"])
def tanh_backward_in_place(grad_out, out):
    out.mul_(out).neg_().add_(1)  # 1 - out^2, written into the caller's out
    return grad_out * out


@mutant("tanh_backward", kills=["non_contiguous_inputs"])
def tanh_backward_flat_view(grad_out, out):
    return (grad_out.view(-1) * (1 - out.view(-1) ** 2)).view(out.shape)


@alternative("tanh_backward")
def tanh_backward_factored(grad_out, out):
    return grad_out * (1 - out) * (1 + out)


# -- relu -------------------------------------------------------------------------------


@mutant("relu", kills=["input_unchanged"])
def relu_in_place(x):
    x[x < 0] = 0
    return x


@mutant("relu", kills=["matches_torch"])
def relu_default_dtype_zeros(x):
    out = torch.zeros(x.shape)  # float32 on the CPU, whatever x is
    out[x > 0] = x[x > 0].to(out.dtype)
    return out


@mutant("relu", kills=["matches_torch"])
def relu_torch(x):
    return torch.relu(x)


@mutant("relu", kills=["non_contiguous_input"])
def relu_flat_view(x):
    flat = x.view(-1)
    return torch.where(flat > 0, flat, 0.0).view(x.shape)


@alternative("relu")
def relu_abs(x):
    return (x + x.abs()) / 2


@alternative("relu")
def relu_maximum(x):
    return torch.maximum(x, torch.zeros_like(x))


@alternative("relu")
def relu_mask(x):
    return x * (x > 0)


# -- relu_backward ----------------------------------------------------------------------


@mutant("relu_backward", kills=["matches_autograd"])
def relu_backward_autograd(grad_out, x):
    x = x.clone().requires_grad_()
    relu(x).backward(grad_out)
    return x.grad


@mutant("relu_backward", kills=["inputs_unchanged"])
def relu_backward_in_place(grad_out, x):
    grad_out[x <= 0] = 0
    return grad_out


@mutant("relu_backward", kills=["non_contiguous_inputs"])
def relu_backward_flat_view(grad_out, x):
    g, xf = grad_out.view(-1), x.view(-1)
    return torch.where(xf > 0, g, 0.0).view(x.shape)


@alternative("relu_backward")
def relu_backward_cs231n(grad_out, x):
    return grad_out * (x > 0)


@alternative("relu_backward")
def relu_backward_clone_and_zero(grad_out, x):
    dx = grad_out.clone()
    dx[x <= 0] = 0
    return dx

