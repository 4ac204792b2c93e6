"""Mutants and alternatives for ex02_gradient_descent (finite differences, gradient
descent, Himmelblau's function).

Each body is appended to a copy of solutions/ex02_gradient_descent.py, so it sees that
module's imports (torch, itertools) and functions (himmelblau, ...).
"""
import itertools  # noqa: F401  (the bodies use the solution module's import)

import torch

from . import alternative, mutant

# -- numerical_gradient ------------------------------------------------------------------------


@mutant("numerical_gradient", kills=["non_contiguous_x"])
def numerical_gradient_reshape_copy(f, x, eps=1e-6):
    x = x.detach().clone()
    flat = x.reshape(-1)  # a view of x only when x is contiguous
    grad = torch.zeros_like(flat)
    for i in range(flat.numel()):
        old = flat[i].item()
        flat[i] = old + eps
        f_plus = float(f(x))
        flat[i] = old - eps
        f_minus = float(f(x))
        flat[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad.reshape(x.shape)


@mutant("numerical_gradient", kills=["f_returning_a_view"])
def numerical_gradient_keeps_tensors(f, x, eps=1e-6):
    x = x.detach().clone()
    grad = torch.zeros_like(x)
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps
        f_plus = f(x)  # still a tensor: if it is a view of x, the next line changes it
        x[i] = old - eps
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@mutant("numerical_gradient", kills=["f_returning_python_float"])
def numerical_gradient_item(f, x, eps=1e-6):
    x = x.detach().clone()
    grad = torch.zeros_like(x)
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps
        f_plus = f(x).item()  # a Python float has no .item()
        x[i] = old - eps
        f_minus = f(x).item()
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@mutant("numerical_gradient", kills=["x_unchanged"])
def numerical_gradient_nudges_x_in_place(f, x, eps=1e-6):
    grad = torch.zeros_like(x)
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps  # nudges the caller's x ...
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))  # ... and never puts x[i] = old back
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@mutant("numerical_gradient", kills=["matches_autograd"])
def numerical_gradient_autograd(f, x, eps=1e-6):
    x = x.detach().clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    return grad


@alternative("numerical_gradient")
def numerical_gradient_unit_vectors(f, x, eps=1e-6):
    x = x.detach()
    n = x.numel()
    units = torch.eye(n, dtype=x.dtype, device=x.device).reshape(n, *x.shape)
    diffs = [float(f(x + eps * e)) - float(f(x - eps * e)) for e in units]
    return (torch.tensor(diffs, dtype=x.dtype) / (2 * eps)).reshape(x.shape).to(x.device)


@alternative("numerical_gradient")
def numerical_gradient_cs231n(f, x, eps=1e-6):
    # CS231n's eval_numerical_gradient, over flat indices of a contiguous copy
    x = x.detach().contiguous().clone()
    grad = torch.zeros_like(x)
    flat, flat_grad = x.view(-1), grad.view(-1)
    for ix in range(flat.numel()):
        oldval = flat[ix].item()
        flat[ix] = oldval + eps
        fxph = float(f(x))
        flat[ix] = oldval - eps
        fxmh = float(f(x))
        flat[ix] = oldval
        flat_grad[ix] = (fxph - fxmh) / (2 * eps)
    return grad


# -- gradient_descent ----------------------------------------------------------------------------


@mutant("gradient_descent", kills=["matches_closed_form", "x0_requiring_grad"])
def gradient_descent_rebinds_x(f, x0, lr, steps):
    x = x0.detach().clone().requires_grad_(True)
    for _ in range(steps):
        f(x).backward()
        x = x - lr * x.grad  # a non-leaf: the next backward leaves x.grad None
    return x.detach()


@mutant("gradient_descent", kills=["x0_unchanged"])
def gradient_descent_updates_x0(f, x0, lr, steps):
    x = x0.detach()  # shares x0's memory
    x.requires_grad_(True)
    for _ in range(steps):
        (dx,) = torch.autograd.grad(f(x), x)
        with torch.no_grad():
            x -= lr * dx
    return x.detach()


@mutant("gradient_descent", kills=["returns_detached"])
def gradient_descent_not_detached(f, x0, lr, steps):
    x = x0.detach().clone().requires_grad_(True)
    for _ in range(steps):
        (dx,) = torch.autograd.grad(f(x), x)
        with torch.no_grad():
            x -= lr * dx
    return x  # still requires grad


@mutant("gradient_descent", kills=["x0_requiring_grad"])
def gradient_descent_clone_not_leaf(f, x0, lr, steps):
    x = x0.clone().requires_grad_(True)  # not a leaf when x0 requires grad
    for _ in range(steps):
        f(x).backward()
        with torch.no_grad():
            x -= lr * x.grad
        x.grad.zero_()
    return x.detach()


@mutant("gradient_descent", kills=["matches_closed_form"])
def gradient_descent_optim(f, x0, lr, steps):
    x = x0.detach().clone().requires_grad_(True)
    opt = torch.optim.SGD([x], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        f(x).backward()
        opt.step()
    return x.detach()


@alternative("gradient_descent")
def gradient_descent_d2l(f, x0, lr, steps):
    x = x0.detach().clone()
    x.requires_grad_(True)
    for _ in range(steps):
        y = f(x)
        y.backward()
        with torch.no_grad():
            x -= lr * x.grad
            x.grad.zero_()
    return x.detach()


@alternative("gradient_descent")
def gradient_descent_torch_func(f, x0, lr, steps):
    """torch.func.grad: its first use imports torch._dynamo, which wraps torch.manual_seed."""
    x = x0.detach().clone()
    for _ in range(steps):
        x = x - lr * torch.func.grad(lambda t: f(t).reshape(()))(x)
    return x


@alternative("gradient_descent")
def gradient_descent_rebuilt_leaves(f, x0, lr, steps):
    x = x0.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (dx,) = torch.autograd.grad(f(x), x)
        x = (x - lr * dx).detach()  # a fresh leaf every step
    return x


# -- himmelblau -------------------------------------------------------------------------------------


@mutant("himmelblau", kills=["non_contiguous_input"])
def himmelblau_view(x):
    p = x.view(-1, 2)  # needs a contiguous x
    f = (p[:, 0] ** 2 + p[:, 1] - 11) ** 2 + (p[:, 0] + p[:, 1] ** 2 - 7) ** 2
    return f.view(x.shape[:-1])


@mutant("himmelblau", kills=["input_unchanged"])
def himmelblau_in_place_squares(x):
    x0, x1 = x[..., 0], x[..., 1]
    a = x0.pow(2).add_(x1).sub_(11)
    b = x1.pow_(2).add_(x0).sub_(7)  # pow_ squares the caller's x1 column
    return a ** 2 + b ** 2


@alternative("himmelblau")
def himmelblau_unbind(x):
    a, b = x.unbind(dim=-1)
    return torch.square(a * a + b - 11) + torch.square(a + b * b - 7)


@alternative("himmelblau")
def himmelblau_split(x):
    x0, x1 = x.split(1, dim=-1)
    return ((x0 ** 2 + x1 - 11) ** 2 + (x0 + x1 ** 2 - 7) ** 2).squeeze(-1)


# -- find_minima ---------------------------------------------------------------------------------------


@mutant("find_minima", kills=["ends_at_the_nearby_minimum"])
def find_minima_always_the_same_minimum(starts, lr=1e-2, steps=20000):
    return torch.tensor([3.0, 2.0], dtype=starts.dtype, device=starts.device).expand_as(starts).clone()


@mutant("find_minima", kills=["reaches_a_minimum_from_every_start"])
def find_minima_stops_at_the_first_arrival(starts, lr=1e-2, steps=20000):
    x = starts.detach().clone().requires_grad_(True)
    for step in range(steps):
        f = himmelblau(x)
        if step % 100 == 0 and f.min().item() < 1e-8:  # min: one start arrived, not all
            break
        (dx,) = torch.autograd.grad(f.sum(), x)
        with torch.no_grad():
            x -= lr * dx / dx.norm(dim=1, keepdim=True).clamp(min=1.0)
    return x.detach()


@mutant("find_minima", kills=["reaches_a_minimum_from_every_start"])
def find_minima_too_large_step(starts, lr=1e-2, steps=20000):
    x = starts.detach().clone().requires_grad_(True)
    for step in range(steps // 10):  # "10x the step, a tenth of the steps"
        f = himmelblau(x)
        if step % 100 == 0 and f.max().item() < 1e-8:
            break
        (dx,) = torch.autograd.grad(f.sum(), x)
        with torch.no_grad():
            x -= 10 * lr * dx / dx.norm(dim=1, keepdim=True).clamp(min=1.0)
    return x.detach()


@mutant("find_minima", kills=["reaches_a_minimum_from_every_start"])
def find_minima_float32(starts, lr=1e-2, steps=20000):
    x = torch.tensor(starts.tolist(), requires_grad=True)  # float32 on the CPU, always
    for step in range(steps):
        f = himmelblau(x)
        if step % 100 == 0 and f.max().item() < 1e-8:
            break
        (dx,) = torch.autograd.grad(f.sum(), x)
        with torch.no_grad():
            x -= lr * dx / dx.norm(dim=1, keepdim=True).clamp(min=1.0)
    return x.detach()


@mutant("find_minima", kills=["returns_detached"])
def find_minima_not_detached(starts, lr=1e-2, steps=20000):
    x = starts.detach().clone().requires_grad_(True)
    for step in range(steps):
        f = himmelblau(x)
        if step % 100 == 0 and f.max().item() < 1e-8:
            break
        (dx,) = torch.autograd.grad(f.sum(), x)
        with torch.no_grad():
            x -= lr * dx / dx.norm(dim=1, keepdim=True).clamp(min=1.0)
    return x


@mutant("find_minima", kills=["starts_unchanged"])
def find_minima_moves_the_starts(starts, lr=1e-2, steps=20000):
    x = starts.requires_grad_(True)  # the caller's tensor itself
    for step in range(steps):
        f = himmelblau(x)
        if step % 100 == 0 and f.max().item() < 1e-8:
            break
        (dx,) = torch.autograd.grad(f.sum(), x)
        with torch.no_grad():
            x -= lr * dx / dx.norm(dim=1, keepdim=True).clamp(min=1.0)
    return x.detach().clone()


@alternative("find_minima")
def find_minima_backward_loop_per_start(starts, lr=1e-2, steps=20000):
    results = []
    for s in starts:
        x = s.detach().clone().requires_grad_(True)
        for step in range(steps):
            f = himmelblau(x)
            if step % 100 == 0 and f.item() < 1e-8:
                break
            f.backward()
            with torch.no_grad():
                g = x.grad
                x -= lr * g / max(1.0, g.norm().item())
                x.grad.zero_()
        results.append(x.detach())
    return torch.stack(results) if results else starts.detach().clone()


@alternative("find_minima")
def find_minima_analytic_gradient(starts, lr=1e-2, steps=20000):
    x = starts.detach().clone()
    for step in range(steps):
        x0, x1 = x[:, 0], x[:, 1]
        a, b = x0 ** 2 + x1 - 11, x0 + x1 ** 2 - 7
        if step % 100 == 0 and (a ** 2 + b ** 2).max() < 1e-8:
            break
        g = torch.stack([4 * x0 * a + 2 * b, 2 * a + 4 * x1 * b], dim=1)
        x = x - lr * g / g.norm(dim=1, keepdim=True).clamp(min=1.0)
    return x


@alternative("find_minima")
def find_minima_adam_as_in_the_notes(starts, lr=1e-2, steps=20000):
    # the learners' notes: torch.optim.Adam at a constant lr, every start at once
    x = starts.detach().clone().requires_grad_(True)
    optimizer = torch.optim.Adam([x], lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        himmelblau(x).sum().backward()
        optimizer.step()
    return x.detach()


@alternative("find_minima")
def find_minima_adam_per_start_default_steps(starts, lr=1e-2, steps=20000):
    # the seed notes' loop, one start at a time, all 20000 steps: the slowest honest code
    # the contract allows (Note [Time limits])
    points = []
    for start in starts:
        x = start.detach().clone().requires_grad_(True)
        optimizer = torch.optim.Adam([x], lr=lr)
        for _ in range(steps):
            optimizer.zero_grad()
            loss = himmelblau(x)
            loss.backward()
            optimizer.step()
        points.append(x.detach())
    return torch.stack(points)


@mutant("gradient_descent", kills=["matches_closed_form"])
def gradient_descent_in_float32(f, x0, lr, steps):
    x = x0.detach().float().requires_grad_(True)  # float64 input comes back float32
    for _ in range(steps):
        (dx,) = torch.autograd.grad(f(x), x)
        with torch.no_grad():
            x -= lr * dx
    return x.detach()


@mutant("numerical_gradient", kills=["matches_autograd"])
def numerical_gradient_default_eps_1e3(f, x, eps=1e-3):
    x = x.detach().clone()  # the contract's default is 1e-6: 1e-3 is off by eps^2 terms
    grad = torch.zeros_like(x)
    for i in itertools.product(*(range(n) for n in x.shape)):
        old = x[i].item()
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
