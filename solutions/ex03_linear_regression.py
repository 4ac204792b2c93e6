"""Exercise 3: linear regression from scratch (d2l.ai, section 3.4).

Linear regression predicts y_hat = X w + b and picks w and b to make the squared
error between y_hat and the observed y small. It is the smallest model that still
has every part of a deep-learning training loop, so we build it by hand exactly the
way d2l.ai does, with the same names and signatures (your d2l code drops in):

1. make a synthetic data set whose true w and b we know;
2. read it in shuffled minibatches;
3. define the model, the loss and the update rule (minibatch SGD);
4. loop: forward, loss, backward, update; then compare the learned w, b with the
   true ones.

Linear regression is also one of the few models with a closed-form answer, the
normal equations, which gives the exact least-squares fit to check SGD against.
"""
from collections.abc import Iterable, Iterator

import torch


# BEGIN SOLUTION
def _randn(*shape: int, like: torch.Tensor, generator: torch.Generator | None) -> torch.Tensor:
    """N(0, 1) draws with like's float dtype and device.

    Drawn on the generator's device (the CPU for the global RNG), then moved, so a
    CPU generator also serves CUDA data and a seed gives the same numbers anywhere.
    """
    device = generator.device if generator is not None else torch.device("cpu")
    z = torch.randn(*shape, generator=generator, dtype=like.dtype, device=device)
    return z.to(like.device)
# END SOLUTION


def synthetic_data(
    w: torch.Tensor, b: float | torch.Tensor, num_examples: int,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Generate y = Xw + b + noise.

    X ~ N(0, 1) entrywise, noise ~ N(0, 0.01^2) (standard deviation 0.01), as in
    d2l's synthetic_data.

    Args:
        w: the true weights, shape [d] (or [d, 1]), float32 or float64.
        b: the true bias, a Python float or a one-element tensor.
        num_examples: n, the number of rows, a Python int.
        generator: source of randomness; None uses torch's global RNG. Numbers are
            drawn on the generator's device (the CPU for None), then moved to w's.

    Returns:
        (X, y): X of shape [n, d], y of shape [n, 1], both with w's dtype and device.

    Example:
        >>> true_w = torch.tensor([2, -3.4])
        >>> X, y = synthetic_data(true_w, 4.2, 1000, generator=torch.Generator().manual_seed(0))
        >>> X.shape, y.shape
        (torch.Size([1000, 2]), torch.Size([1000, 1]))
        >>> (y - X @ true_w.reshape(2, 1) - 4.2).std() < 0.02  # only the noise is left
        tensor(True)

    Forbidden: nothing.
    """
    # BEGIN SOLUTION
    X = _randn(num_examples, len(w), like=w, generator=generator)  # (n, d)
    y = X @ w + b  # (n,) or (n, 1)
    y = y + 0.01 * _randn(*y.shape, like=w, generator=generator)
    return X, y.reshape(-1, 1)  # (n, d), (n, 1)
    # END SOLUTION


def data_iter(
    batch_size: int, features: torch.Tensor, labels: torch.Tensor,
    generator: torch.Generator | None = None,
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield shuffled minibatches (X_batch, y_batch), each example once per pass.

    The order is a fresh random permutation on every call; the last batch holds the
    n mod batch_size leftover examples when batch_size does not divide n.

    Args:
        batch_size: examples per batch, a Python int >= 1.
        features: shape [n, d], any dtype and device.
        labels: shape [n, 1] or [n], on features' device.
        generator: source of randomness for the permutation; None uses torch's global
            RNG. The permutation is drawn on the generator's device (the CPU for None).

    Returns:
        A Python generator of (X_batch [m, d], y_batch [m, 1] or [m]) pairs, copies
        of rows of features and labels, with m = batch_size except maybe the last.

    Example:
        >>> X, y = torch.arange(10.).reshape(5, 2), torch.arange(5.)
        >>> [len(y_batch) for _, y_batch in data_iter(2, X, y)]
        [2, 2, 1]
        >>> sorted(torch.cat([y_batch for _, y_batch in data_iter(2, X, y)]).tolist())
        [0.0, 1.0, 2.0, 3.0, 4.0]

    Forbidden: DataLoader (torch.utils.data).
    """
    # BEGIN SOLUTION
    n = len(features)
    device = generator.device if generator is not None else torch.device("cpu")
    indices = torch.randperm(n, generator=generator, device=device).to(features.device)  # (n,)
    for i in range(0, n, batch_size):
        batch = indices[i: i + batch_size]  # (m,)
        yield features[batch], labels[batch]  # (m, d), (m, 1)
    # END SOLUTION


def linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The linear regression model.

    y_hat = X w + b

    Args:
        X: inputs, shape [n, d], float32 or float64.
        w: weights, shape [d, 1], same dtype and device.
        b: bias, shape [1] (broadcast over the rows), same dtype and device.

    Returns:
        y_hat, shape [n, 1], same dtype and device.

    Example:
        >>> X = torch.tensor([[1., 2.], [3., 4.]])
        >>> linreg(X, torch.tensor([[1.], [-1.]]), torch.tensor([0.5]))
        tensor([[-0.5000],
                [-0.5000]])

    Forbidden: nn.Linear, F.linear (aten::linear).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    return X @ w + b  # (n, 1)
    # END SOLUTION


def squared_loss(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Squared loss per example, not averaged.

    l_i = (y_hat_i - y_i)^2 / 2

    The 1/2 cancels the 2 of the derivative: dl_i/dy_hat_i = y_hat_i - y_i.

    Args:
        y_hat: predictions, shape [n, 1], float32 or float64.
        y: targets, n elements in any shape ([n, 1] or [n]); reshaped to y_hat's
            shape (so no accidental [n, n] broadcast).

    Returns:
        The losses, shaped like y_hat, same dtype and device.

    Example:
        >>> squared_loss(torch.tensor([[1.], [2.]]), torch.tensor([0., 4.]))
        tensor([[0.5000],
                [2.0000]])

    Forbidden: F.mse_loss, nn.MSELoss.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2  # (n, 1)
    # END SOLUTION


def sgd(params: Iterable[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch stochastic gradient descent.

    p <- p - lr * (dL/dp) / batch_size   for every p in params, then p.grad <- 0

    where L is the summed loss of the minibatch, so grad / batch_size is the
    gradient of its mean. Works IN PLACE on the parameters and their .grad, without
    recording the update in autograd's graph.

    Args:
        params: leaf tensors with requires_grad=True and a filled .grad (float32 or
            float64), e.g. [w, b].
        lr: the learning rate, a Python float.
        batch_size: the divisor of the summed gradient, a Python int.

    Returns:
        None.

    Example:
        >>> w = torch.tensor([1., 2.], requires_grad=True)
        >>> (w ** 2).sum().backward()  # w.grad = 2w = [2, 4]
        >>> sgd([w], lr=0.5, batch_size=2)
        >>> w, w.grad
        (tensor([0.5000, 1.0000], requires_grad=True), tensor([0., 0.]))

    Forbidden: torch.optim.
    """
    # BEGIN SOLUTION
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad / batch_size
            p.grad.zero_()
    # END SOLUTION


def train_linreg(
    features: torch.Tensor, labels: torch.Tensor, lr: float = 0.03, num_epochs: int = 3,
    batch_size: int = 10, generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Fit linreg to (features, labels) with minibatch SGD, as in d2l.ai 3.4.

    w ~ N(0, 0.01^2) of shape [d, 1], b = 0 of shape [1]; then for every epoch and
    every minibatch (X, y) from data_iter: loss = squared_loss(linreg(X, w, b), y),
    loss.sum().backward(), sgd([w, b], lr, batch_size). Like d2l, the last, possibly
    smaller, batch is also divided by batch_size.

    Args:
        features: X, shape [n, d], float32 or float64.
        labels: y, shape [n, 1] or [n], same dtype and device.
        lr: the learning rate, a Python float.
        num_epochs: passes over the data, a Python int.
        batch_size: examples per minibatch, a Python int.
        generator: randomness for the initial w and the shuffling; None uses torch's
            global RNG.

    Returns:
        (w, b): w of shape [d, 1], b of shape [1], features' dtype and device,
        detached (requires_grad=False).

    Example:
        >>> g = torch.Generator().manual_seed(0)
        >>> true_w, true_b = torch.tensor([2, -3.4]), 4.2
        >>> features, labels = synthetic_data(true_w, true_b, 1000, generator=g)
        >>> w, b = train_linreg(features, labels, generator=g)
        >>> (w.reshape(-1) - true_w).abs().max() < 1e-2, (b - true_b).abs().max() < 1e-2
        (tensor(True), tensor(True))

    Grading: each call may use 30 s of CPU time (d2l's loop needs well
    under one).

    Forbidden: torch.optim, nn.Linear.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    d = features.shape[1]
    w = (0.01 * _randn(d, 1, like=features, generator=generator)).requires_grad_(True)  # (d, 1)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)  # (1,)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            loss = squared_loss(linreg(X, w, b), y)  # (B, 1)
            loss.sum().backward()  # w.grad, b.grad: gradients of the batch's summed loss
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()
    # END SOLUTION


def normal_equation(X: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Exact least-squares fit of y ~ X w + b.

    Append a column of ones, A = [X, 1] of shape [n, d+1], and solve

        theta = argmin ||A theta - y||^2,   i.e.  A^T A theta = A^T y,

    then w = theta[:d], b = theta[d]. The system is solved with
    torch.linalg.lstsq (a QR-type factorisation of A) rather than by forming
    (A^T A)^{-1}: an explicit inverse is slower and loses digits, and squaring A
    squares its condition number. On CUDA, lstsq needs A to have full column rank.

    Args:
        X: inputs, shape [n, d], float32 or float64, n >= d + 1.
        y: targets, shape [n, 1] or [n], same dtype and device.

    Returns:
        (w, b): w of shape [d, 1], b of shape [1], X's dtype and device.

    Example:
        >>> X = torch.tensor([[0.], [1.], [2.], [3.]], dtype=torch.float64)
        >>> w, b = normal_equation(X, 2 * X[:, 0] + 1)  # y = 2x + 1 exactly
        >>> w.round(decimals=6), b.round(decimals=6)
        (tensor([[2.]], dtype=torch.float64), tensor([1.], dtype=torch.float64))

    Forbidden: torch.linalg.inv, torch.inverse, torch.linalg.pinv (every spelling).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    n, d = X.shape
    ones = torch.ones(n, 1, dtype=X.dtype, device=X.device)  # (n, 1)
    A = torch.cat([X, ones], dim=1)  # (n, d+1)
    theta = torch.linalg.lstsq(A, y.reshape(n, 1)).solution  # (d+1, 1)
    return theta[:d], theta[d]  # (d, 1), (1,)
    # END SOLUTION
