"""Exercise 6: a two-layer network, backprop by hand.

The network is the smallest one that can bend a decision boundary:

    h      = relu(X @ W1 + b1)          # (N, H) hidden features
    scores = h @ W2 + b2                # (N, C) one logit per class

Backprop is the chain rule applied step by step in reverse: every forward
line has a backward line that takes the gradient of its output and returns
the gradients of its inputs. For a matrix product Y = A @ B the two rules are
dA = dY @ B^T and dB = A^T @ dY (check the shapes: they are the only products
that fit). A bias added to every row collects its gradient as a sum over the
rows. ReLU lets the gradient through where its input was positive and
blocks it elsewhere. (CS231n, "Putting it together: minimal neural network
case study"; d2l.ai, "Multilayer Perceptrons from Scratch".)

The forward pass stores in a ``cache`` what the backward pass needs, so
nothing is computed twice. At the end, full-batch gradient descent with these
gradients fits a 3-arm spiral that no linear classifier can.
"""

import math

import torch


def init_mlp(
    in_features: int,
    hidden: int,
    out_features: int,
    generator: torch.Generator | None = None,
    dtype: torch.dtype = torch.float32,
    device: torch.device | str = "cpu",
) -> dict[str, torch.Tensor]:
    """He-initialised parameters for ``relu(X @ W1 + b1) @ W2 + b2``.

    W1 ~ N(0, 1) * sqrt(2 / in_features),  W2 ~ N(0, 1) * sqrt(2 / hidden),
    b1 = 0, b2 = 0.

    The factor sqrt(2 / fan_in) keeps the variance of the activations roughly
    constant from layer to layer under ReLU (He et al., 2015). The weights are
    drawn on the CPU with ``generator`` (a CPU generator, or torch's global
    RNG when None), then moved to ``device``, so a seed gives the same
    network on every device.

    Args:
        in_features: D, the input size.
        hidden: H, the number of hidden units.
        out_features: C, the number of classes.
        generator: optional CPU ``torch.Generator`` for reproducible draws.
        dtype: float dtype of every parameter.
        device: where the returned parameters live.

    Returns:
        dict with ``W1`` [D, H], ``b1`` [H], ``W2`` [H, C], ``b2`` [C], all of
        ``dtype`` on ``device``, none requiring grad.

    Example:
        >>> params = init_mlp(4, 8, 3, generator=torch.Generator().manual_seed(0))
        >>> {name: tuple(p.shape) for name, p in params.items()}
        {'W1': (4, 8), 'b1': (8,), 'W2': (8, 3), 'b2': (3,)}
        >>> params["b1"]
        tensor([0., 0., 0., 0., 0., 0., 0., 0.])

    Forbidden: nothing.
    """
    # BEGIN SOLUTION
    W1 = torch.randn(in_features, hidden, generator=generator, dtype=dtype)  # (D, H)
    W2 = torch.randn(hidden, out_features, generator=generator, dtype=dtype)  # (H, C)
    params = {
        "W1": W1 * math.sqrt(2 / in_features),
        "b1": torch.zeros(hidden, dtype=dtype),
        "W2": W2 * math.sqrt(2 / hidden),
        "b2": torch.zeros(out_features, dtype=dtype),
    }
    return {name: p.to(device) for name, p in params.items()}
    # END SOLUTION


def mlp_forward(
    X: torch.Tensor, params: dict[str, torch.Tensor]
) -> tuple[torch.Tensor, tuple]:
    """Forward pass ``scores = relu(X @ W1 + b1) @ W2 + b2``.

    Args:
        X: float tensor [N, D] (float32 or float64), one example per row.
        params: dict with ``W1`` [D, H], ``b1`` [H], ``W2`` [H, C], ``b2`` [C]
            (same dtype and device as ``X``).

    Returns:
        ``(scores, cache)``: scores [N, C], same dtype and device as ``X``;
        cache is whatever your ``mlp_backward`` needs (this solution keeps
        the tuple ``(X, h)``, h [N, H] being the hidden activations).

    Example:
        >>> params = {"W1": torch.tensor([[1.0, -1.0]]), "b1": torch.zeros(2),
        ...           "W2": torch.tensor([[1.0], [1.0]]), "b2": torch.tensor([0.5])}
        >>> scores, cache = mlp_forward(torch.tensor([[2.0], [-3.0]]), params)
        >>> scores
        tensor([[2.5000],
                [3.5000]])

    Forbidden: nn.Linear, F.linear.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    h = (X @ params["W1"] + params["b1"]).clamp_min(0)  # (N, H), relu
    scores = h @ params["W2"] + params["b2"]  # (N, C)
    return scores, (X, h)
    # END SOLUTION


def mlp_backward(
    dscores: torch.Tensor, cache: tuple, params: dict[str, torch.Tensor]
) -> dict[str, torch.Tensor]:
    """Backward pass: gradients of a loss L given ``dscores = dL/dscores``.

    Reverse order of the forward pass (a = X @ W1 + b1, h = relu(a)):

        dW2 = h^T @ dscores          db2 = sum_n dscores[n]
        dh  = dscores @ W2^T
        da  = dh * [a > 0]           (ReLU: no gradient where a <= 0)
        dW1 = X^T @ da               db1 = sum_n da[n]

    ``h > 0`` exactly where ``a > 0``, so the cached h gives the ReLU mask.

    Args:
        dscores: float tensor [N, C], the upstream gradient dL/dscores.
        cache: the cache returned by ``mlp_forward``.
        params: the same dict that was passed to ``mlp_forward``.

    Returns:
        dict with ``W1``, ``b1``, ``W2``, ``b2``: each gradient has the shape,
        dtype and device of its parameter (bias gradients summed over the
        batch).

    Example:
        >>> params = {"W1": torch.tensor([[1.0, -1.0]]), "b1": torch.zeros(2),
        ...           "W2": torch.tensor([[1.0], [1.0]]), "b2": torch.tensor([0.5])}
        >>> scores, cache = mlp_forward(torch.tensor([[2.0], [-3.0]]), params)
        >>> grads = mlp_backward(torch.ones(2, 1), cache, params)
        >>> grads["W1"], grads["b2"]
        (tensor([[ 2., -3.]]), tensor([2.]))

    Forbidden: autograd (torch.autograd.*, Tensor.backward, torch.func).
    """
    # BEGIN SOLUTION
    X, h = cache
    # scores = h @ W2 + b2
    dW2 = h.T @ dscores  # (H, C)
    db2 = dscores.sum(0)  # (C,)
    dh = dscores @ params["W2"].T  # (N, H)
    # h = relu(a): h >= 0, so sign(h) is the 0/1 mask [a > 0] (~10x faster than a bool mask on CPU)
    da = dh * h.sign()  # (N, H)
    # a = X @ W1 + b1
    dW1 = X.T @ da  # (D, H)
    db1 = da.sum(0)  # (H,)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    # END SOLUTION


def mlp_loss_and_grads(
    X: torch.Tensor, y: torch.Tensor, params: dict[str, torch.Tensor]
) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """Mean softmax cross-entropy of the network and its gradients.

    L = -(1/N) sum_n log softmax(scores_n)[y_n]
    dL/dscores = (softmax(scores) - onehot(y)) / N

    Forward, loss, then ``mlp_backward`` with that dscores. The softmax is
    computed once and serves both the loss and its gradient.

    Args:
        X: float tensor [N, D] (float32 or float64).
        y: long tensor [N], class indices in [0, C).
        params: dict with ``W1``, ``b1``, ``W2``, ``b2`` (see ``mlp_forward``).

    Returns:
        ``(loss, grads)``: loss is a 0-dim tensor of ``X``'s dtype; grads is
        the dict returned by ``mlp_backward``.

    Example:
        >>> params = {"W1": torch.ones(2, 4), "b1": torch.zeros(4),
        ...           "W2": torch.zeros(4, 3), "b2": torch.zeros(3)}
        >>> y = torch.tensor([0, 1, 2, 0, 1])
        >>> loss, grads = mlp_loss_and_grads(torch.ones(5, 2), y, params)
        >>> loss  # all scores equal, so every p = 1/3 and the loss is log 3
        tensor(1.0986)
        >>> grads["b2"]  # 1/3 minus the label frequencies (2/5, 2/5, 1/5)
        tensor([-0.0667, -0.0667,  0.1333])

    Grading: being numerically stable is the point of this exercise: a version
    that is not (checked at scores of +-1e3) earns at most half its points, whatever
    else passes.

    Forbidden: autograd; F.cross_entropy, F.nll_loss.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)  # (N, C)
    z = scores - scores.amax(1, keepdim=True)  # (N, C), shift for stability
    e = z.exp()  # (N, C)
    s = e.sum(1, keepdim=True)  # (N, 1)
    rows = torch.arange(N, device=X.device)  # (N,)
    loss = (s.log().squeeze(1) - z[rows, y]).mean()  # -log p_y = log s - z_y
    dscores = e / s  # (N, C), probabilities
    dscores[rows, y] -= 1  # minus one-hot
    dscores /= N  # the mean over the batch
    return loss, mlp_backward(dscores, cache, params)
    # END SOLUTION


def train_mlp(
    X: torch.Tensor,
    y: torch.Tensor,
    hidden: int = 64,
    lr: float = 1.0,
    epochs: int = 1000,
    generator: torch.Generator | None = None,
) -> dict[str, torch.Tensor]:
    """Fit the two-layer network with full-batch gradient descent.

    params <- params - lr * dL/dparams, ``epochs`` times, on the whole data set.

    The network has D = X.shape[1] inputs, ``hidden`` hidden units and
    C = y.max() + 1 classes; it is initialised by ``init_mlp`` (drawn with
    ``generator``) in ``X``'s dtype on ``X``'s device. No regularisation.

    Args:
        X: float tensor [N, D] (float32 or float64).
        y: long tensor [N], class indices in [0, C).
        hidden: H, the number of hidden units.
        lr: the learning rate.
        epochs: the number of gradient steps.
        generator: optional CPU ``torch.Generator`` for the initial weights.

    Returns:
        The trained params dict (``W1`` [D, H], ``b1`` [H], ``W2`` [H, C],
        ``b2`` [C]), ``X``'s dtype and device.

    Example:
        >>> X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        >>> y = torch.tensor([0, 1, 1, 0])  # XOR: not linearly separable
        >>> params = train_mlp(X, y, hidden=8, epochs=500, generator=torch.Generator().manual_seed(0))
        >>> mlp_forward(X, params)[0].argmax(1)
        tensor([0, 1, 1, 0])

    Grading: each call may use 60 s of CPU time (1000 epochs of CS231n's
    loop need a few seconds).

    Forbidden: autograd; torch.optim.
    """
    # BEGIN SOLUTION
    C = int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, C, generator=generator, dtype=X.dtype, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= lr * grads[name]  # in place: params are our own tensors
    return params
    # END SOLUTION
