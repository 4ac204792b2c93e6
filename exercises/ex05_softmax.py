# Generated from solutions/ by `make stubs`: fill in every NotImplementedError.
"""Exercise 5: softmax and cross-entropy, by hand.

Softmax turns a row of raw scores (logits) into a probability vector,
p_i = exp(o_i) / sum_j exp(o_j), and cross-entropy scores that vector against
the true class, -log p_y. Together they are the output layer of every
classifier in this course (d2l.ai, "Softmax Regression"; CS231n, "Linear
classification").

Three ideas to take away:

* Stability. exp(1e4) overflows to inf. Softmax does not change when the same
  constant is subtracted from every logit, so subtract the row maximum first:
  the largest exponent becomes exp(0) = 1 and nothing overflows.
* log-sum-exp. log p_i = o_i - log sum_j exp(o_j) never forms a tiny
  probability only to take its log, so it stays finite where log(softmax)
  would give -inf.
* The gradient. The softmax Jacobian is diag(p) - p p^T, and chained with
  cross-entropy it collapses to the famous "probabilities minus one-hot".
  You will check it against the rows autograd printed in the notes.
"""

import numpy as np
import torch


def softmax(logits: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Numerically stable softmax along ``dim``.

    softmax(o)_i = exp(o_i - m) / sum_j exp(o_j - m),  m = max_j o_j

    Subtracting the maximum m changes nothing mathematically but keeps every
    exponent <= 0, so logits of +-1e4 give no inf and no nan.

    Args:
        logits: float tensor (float32 or float64) of any shape.
        dim: the dimension that holds the classes.

    Returns:
        Tensor shaped like ``logits``, same dtype and device; every slice
        along ``dim`` is non-negative and sums to 1.

    Example:
        >>> softmax(torch.tensor([[1.0, 2.0, 3.0], [1e4, 0.0, -1e4]]))
        tensor([[0.0900, 0.2447, 0.6652],
                [1.0000, 0.0000, 0.0000]])

    Grading: being numerically stable is the point of this exercise: a version
    that is not (checked at logits of +-1e4) earns at most half its points, whatever
    else passes.

    Forbidden: torch.softmax, F.softmax, log_softmax, logsumexp (every
    spelling: function, Tensor method, nn module, aten op).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("softmax: read its docstring in exercises/ex05_softmax.py")


def log_softmax(logits: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Numerically stable log-softmax along ``dim``, equal to ``F.log_softmax``.

    log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m),  m = max_j o_j

    Never computes log(softmax(o)): a probability that underflows to 0 would
    give -inf, while this form stays finite (e.g. -2e4 below).

    Args:
        logits: float tensor (float32 or float64) of any shape.
        dim: the dimension that holds the classes.

    Returns:
        Tensor shaped like ``logits``, same dtype and device, all entries <= 0.

    Example:
        >>> log_softmax(torch.tensor([[1.0, 2.0, 3.0], [1e4, 0.0, -1e4]]))
        tensor([[-2.4076e+00, -1.4076e+00, -4.0761e-01],
                [ 0.0000e+00, -1.0000e+04, -2.0000e+04]])

    Grading: being numerically stable is the point of this exercise: a version
    that is not (checked at logits of +-1e4) earns at most half its points, whatever
    else passes.

    Forbidden: torch.softmax, F.softmax, log_softmax, logsumexp (every
    spelling: function, Tensor method, nn module, aten op).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("log_softmax: read its docstring in exercises/ex05_softmax.py")


def softmax_jacobian(p: torch.Tensor) -> torch.Tensor:
    """Jacobian of softmax, written in terms of its output ``p``.

    J[i, j] = d p_i / d o_j = p_i (delta_ij - p_j),  i.e.  J = diag(p) - p p^T

    Row i is the gradient of p_i with respect to the logits, which is what
    ``torch.autograd.grad(p[i], [o])`` printed in the notes. J is symmetric
    and every row sums to 0 (the probabilities always sum to 1).

    Args:
        p: float tensor of shape [C], a probability vector (float32/float64).
            A batch [..., C] also works and gives [..., C, C].

    Returns:
        Tensor of shape [C, C], same dtype and device as ``p``.

    Example:
        >>> p = softmax(torch.tensor([0.8659, 0.0540, 0.4153]), dim=0)
        >>> softmax_jacobian(p)
        tensor([[ 0.2496, -0.1025, -0.1471],
                [-0.1025,  0.1678, -0.0653],
                [-0.1471, -0.0653,  0.2124]])

    Forbidden: autograd (torch.autograd.*, Tensor.backward, torch.func).
    """
    raise NotImplementedError("softmax_jacobian: read its docstring in exercises/ex05_softmax.py")


def softmax_backward(
    grad_out: torch.Tensor, probs: torch.Tensor, dim: int = -1
) -> torch.Tensor:
    """Vector-Jacobian product through softmax, given its output ``probs``.

    With g = grad_out (dL/dp) and J = diag(p) - p p^T:

        dL/do = J^T g = p * (g - sum_j g_j p_j)      (elementwise, along dim)

    This never builds the C x C Jacobian: one dot product per slice is enough.

    Args:
        grad_out: float tensor, upstream gradient dL/dp, shaped like ``probs``.
        probs: float tensor, the softmax output p (any shape).
        dim: the dimension softmax was taken over.

    Returns:
        dL/do, shaped like ``probs``, same dtype and device.

    Example:
        >>> p = torch.tensor([0.5, 0.25, 0.25])
        >>> softmax_backward(torch.tensor([1.0, 0.0, 0.0]), p)  # row 0 of J
        tensor([ 0.2500, -0.1250, -0.1250])

    Forbidden: autograd; torch.softmax, F.softmax, log_softmax, logsumexp and
    their backward ops (aten _softmax_backward_data).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("softmax_backward: read its docstring in exercises/ex05_softmax.py")


def cross_entropy(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy of ``logits`` against integer class ``labels``.

    L = -(1/N) sum_n log softmax(o_n)[y_n]

    Equal to ``F.cross_entropy(logits, labels)`` (reduction "mean"). Built on
    this module's own ``log_softmax``, so it is stable for huge logits.

    Args:
        logits: float tensor [N, C] (float32 or float64), one row per example.
        labels: long tensor [N], class indices in [0, C).

    Returns:
        0-dim tensor, same dtype and device as ``logits``.

    Example:
        >>> logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
        >>> cross_entropy(logits, torch.tensor([0, 1]))
        tensor(0.3185)

    Grading: being numerically stable is the point of this exercise: a version
    that is not (checked at logits of +-1e4) earns at most half its points, whatever
    else passes.

    Forbidden: F.cross_entropy, F.nll_loss (and nn.CrossEntropyLoss /
    nn.NLLLoss); torch's softmax, log_softmax, logsumexp.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("cross_entropy: read its docstring in exercises/ex05_softmax.py")


def cross_entropy_backward(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Gradient of the mean cross-entropy with respect to ``logits``.

    dL/do_n = (softmax(o_n) - onehot(y_n)) / N

    The softmax Jacobian and the derivative of -log p_y cancel into this
    one-liner: push the true class down by 1, every class up by its
    probability. The 1/N comes from the mean over the batch.

    Args:
        logits: float tensor [N, C] (float32 or float64).
        labels: long tensor [N], class indices in [0, C).

    Returns:
        Tensor [N, C], same dtype and device as ``logits``; each row sums to 0.

    Example:
        >>> cross_entropy_backward(torch.zeros(2, 2), torch.tensor([0, 1]))
        tensor([[-0.2500,  0.2500],
                [ 0.2500, -0.2500]])

    Forbidden: autograd; torch's softmax, log_softmax, logsumexp.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    raise NotImplementedError("cross_entropy_backward: read its docstring in exercises/ex05_softmax.py")


def cross_entropy_numpy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean cross-entropy in pure NumPy, equal to the torch version.

    L = -(1/N) sum_n [(o_{n,y_n} - m_n) - log sum_j exp(o_{n,j} - m_n)],
    m_n = max_j o_{n,j}

    The same stable log-softmax as above, in the library you will meet in
    CS231n's assignments. NumPy's ``max(axis=...)`` / ``keepdims`` play the
    role of torch's ``amax(dim)`` / ``keepdim``.

    Args:
        logits: float ndarray [N, C] (float32 or float64).
        labels: integer ndarray [N], class indices in [0, C).

    Returns:
        The mean loss as a Python float.

    Example:
        >>> logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
        >>> round(cross_entropy_numpy(logits, np.array([0, 1])), 4)
        0.3185

    Grading: being numerically stable is the point of this exercise: a version
    that is not (checked at logits of +-1e4) earns at most half its points, whatever
    else passes.

    Forbidden: torch (NumPy only, no torch call anywhere).
    """
    raise NotImplementedError("cross_entropy_numpy: read its docstring in exercises/ex05_softmax.py")
