# Generated from solutions/ by `make stubs`: fill in every NotImplementedError.
"""Exercise 4: activation functions and their gradients, by hand.

Without a non-linearity between them, stacked linear layers collapse into one linear
map. The activation supplies the bend, and its derivative decides how much gradient
flows back through it during backpropagation:

* sigmoid squashes to (0, 1); its slope is at most 1/4 and vanishes for large |x|,
  which is why deep sigmoid networks learn slowly (vanishing gradients);
* tanh squashes to (-1, 1) and is centred at 0, with slope 1 at the origin;
* ReLU keeps positive inputs and zeroes the rest; its gradient is exactly 1 or 0.

Each ``*_backward`` takes the upstream gradient grad_out = dL/d(out) and returns
dL/d(in) = grad_out * (local derivative), the chain rule for an elementwise
function. As in CS231n's assignments, the forward pass hands the backward pass what
it needs: sigmoid and tanh express their derivative through their own output, ReLU
through its input.

Writing exp() naively overflows: exp(1000) is inf in any float format, and inf / inf
is nan. The forward functions here must return finite values for every finite x.
"""
import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The logistic sigmoid, computed without overflow.

    sigmoid(x) = 1 / (1 + exp(-x)) = exp(x) / (1 + exp(x))

    Use the first form for x >= 0 and the second for x < 0: both only ever take
    exp of -|x| <= 0, which lies in (0, 1] and cannot overflow. So sigmoid(1000) = 1
    and sigmoid(-1000) = 0 instead of nan.

    Args:
        x: any shape, float32 or float64, any device; may be non-contiguous.

    Returns:
        Values in [0, 1], same shape, dtype and device as x.

    Example:
        >>> sigmoid(torch.tensor([-1000., 0., 2., 1000.]))
        tensor([0.0000, 0.5000, 0.8808, 1.0000])

    Forbidden: torch.sigmoid, F.sigmoid, torch.special.expit (also x.sigmoid(), nn.Sigmoid,
    aten::sigmoid).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("sigmoid: read its docstring in exercises/ex04_activations.py")


def sigmoid_backward(grad_out: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
    """Backward pass of sigmoid, from its output.

    d sigmoid(x) / dx = sigmoid(x) * (1 - sigmoid(x)),  so  grad_in = grad_out * out * (1 - out)

    Args:
        grad_out: dL/d(out), any shape, float32 or float64.
        out: the forward output sigmoid(x), same shape, dtype and device.

    Returns:
        grad_in = dL/dx, same shape, dtype and device as grad_out.

    Example:
        >>> sigmoid_backward(torch.tensor([1., 2.]), torch.tensor([0.5, 0.9]))
        tensor([0.2500, 0.1800])

    Forbidden: autograd (torch.autograd.*, Tensor.backward, torch.func).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("sigmoid_backward: read its docstring in exercises/ex04_activations.py")


def tanh(x: torch.Tensor) -> torch.Tensor:
    """The hyperbolic tangent, computed without overflow.

    tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)) = (1 - exp(-2x)) / (1 + exp(-2x))

    tanh is odd, so compute t = tanh(|x|) with exp(-2|x|) <= 1 (no overflow) and
    flip the sign for x < 0. With m = expm1(-2|x|) = exp(-2|x|) - 1,
    t = -m / (2 + m): expm1 keeps full precision for small |x|, where 1 - exp(-2|x|)
    would cancel almost every digit.

    Args:
        x: any shape, float32 or float64, any device; may be non-contiguous.

    Returns:
        Values in [-1, 1], same shape, dtype and device as x.

    Example:
        >>> tanh(torch.tensor([-1000., -1., 0., 1e-8, 1000.]))
        tensor([-1.0000e+00, -7.6159e-01,  0.0000e+00,  1.0000e-08,  1.0000e+00])

    Forbidden: torch.tanh, F.tanh (also x.tanh(), nn.Tanh, aten::tanh).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("tanh: read its docstring in exercises/ex04_activations.py")


def tanh_backward(grad_out: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
    """Backward pass of tanh, from its output.

    d tanh(x) / dx = 1 - tanh(x)^2,  so  grad_in = grad_out * (1 - out^2)

    Args:
        grad_out: dL/d(out), any shape, float32 or float64.
        out: the forward output tanh(x), same shape, dtype and device.

    Returns:
        grad_in = dL/dx, same shape, dtype and device as grad_out.

    Example:
        >>> tanh_backward(torch.tensor([1., 2.]), torch.tensor([0., 0.5]))
        tensor([1.0000, 1.5000])

    Forbidden: autograd (torch.autograd.*, Tensor.backward, torch.func).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("tanh_backward: read its docstring in exercises/ex04_activations.py")


def relu(x: torch.Tensor) -> torch.Tensor:
    """The rectified linear unit.

    relu(x) = max(x, 0)

    Args:
        x: any shape, any dtype (float32 or float64 in this course), any device.

    Returns:
        Same shape, dtype and device as x (nan stays nan, as in torch.relu).

    Example:
        >>> relu(torch.tensor([-2., 0., 3.]))
        tensor([0., 0., 3.])

    Forbidden: torch.relu, F.relu (also x.relu(), nn.ReLU, aten::relu). clamp is allowed.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("relu: read its docstring in exercises/ex04_activations.py")


def relu_backward(grad_out: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Backward pass of ReLU, from its input.

    d relu(x) / dx = 1 if x > 0 else 0,  so  grad_in = grad_out where x > 0, else 0

    At x = 0 the derivative does not exist; like PyTorch we use 0 there. The
    gradient is selected, not multiplied by a 0/1 mask, so an inf or nan in grad_out
    where x <= 0 still gives exactly 0 (as PyTorch does).

    Args:
        grad_out: dL/d(out), any shape, float32 or float64.
        x: the forward input, same shape and device.

    Returns:
        grad_in = dL/dx, same shape, dtype and device as grad_out.

    Example:
        >>> relu_backward(torch.tensor([5., 5., 5.]), torch.tensor([-1., 0., 2.]))
        tensor([0., 0., 5.])

    Forbidden: autograd (torch.autograd.*, Tensor.backward, torch.func).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("relu_backward: read its docstring in exercises/ex04_activations.py")
