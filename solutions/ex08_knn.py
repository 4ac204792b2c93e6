"""Exercise 8: k nearest neighbours.

k-NN has no training step: it keeps the training set and, for a new point,
looks up the k training points closest to it. Classification takes a
majority vote of their labels, regression the mean of their targets
(CS231n, "Image classification: k-Nearest Neighbor"). In the notes' example
a new paw print joins the wolf pack most of its k nearest prints belong to.

Almost all the work is the distance matrix between every test point and
every training point. Looping over pairs is hopeless; expanding the square,

    ||x - y||^2 = ||x||^2 + ||y||^2 - 2 x . y,

turns it into one matrix product plus two broadcast vectors, the same
identity ``torch.cdist`` uses. The price is rounding: for nearly equal points
the three terms cancel and can leave a tiny negative number, which must be
clamped before the square root.
"""

import torch


def pairwise_distances(X: torch.Tensor, Y: torch.Tensor) -> torch.Tensor:
    """Euclidean distance between every row of ``X`` and every row of ``Y``.

    D[m, n] = sqrt(max(||x_m||^2 + ||y_n||^2 - 2 x_m . y_n, 0))

    No Python loops: the cross term is one matrix product. Rounding can make
    the expanded square slightly negative (or leave ~1e-3 instead of 0 for
    identical points in float32); it is clamped at 0, so the result is never
    nan.

    Args:
        X: float tensor [M, D] (float32 or float64).
        Y: float tensor [N, D], same device. Integer inputs are computed in
            float32; mixed dtypes in the promoted float dtype.

    Returns:
        Tensor [M, N] of non-negative distances, in the inputs' float dtype,
        on ``X``'s device.

    Example:
        >>> X = torch.tensor([[0.0, 0.0], [3.0, 4.0]])
        >>> pairwise_distances(X, torch.tensor([[0.0, 0.0], [6.0, 8.0], [3.0, 0.0]]))
        tensor([[ 0., 10.,  3.],
                [ 5.,  5.,  4.]])

    Grading: being vectorised is the point of this exercise: a version whose number
    of torch calls grows with the input (Python loops over positions) earns at
    most half its points, whatever else passes.

    Forbidden: torch.cdist, torch.pdist, F.pairwise_distance (and aten
    _euclidean_dist).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    dtype = torch.promote_types(X.dtype, Y.dtype)
    dtype = dtype if dtype.is_floating_point else torch.float32
    X, Y = X.to(dtype), Y.to(dtype)  # no copy when the dtype already matches
    X2 = (X * X).sum(1, keepdim=True)  # (M, 1)
    Y2 = (Y * Y).sum(1)  # (N,)
    # addmm fuses the product, the scale by -2 and the + ||y||^2 into one GEMM
    D2 = torch.addmm(Y2, X, Y.T, alpha=-2)  # (M, N)
    # in place on our fresh (M, N) result: no extra M x N allocations
    return D2.add_(X2).clamp_min_(0).sqrt_()  # (M, N)
    # END SOLUTION


def knn_vote(neighbor_labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    """Majority vote along each row; ties go to the smallest label.

    vote[m] = argmax_c #{j : neighbor_labels[m, j] = c}, the smallest such c

    Counts every label with ``scatter_add_`` into an [M, num_classes] table,
    then takes the argmax, which returns the first (smallest) maximal index
    on CPU and CUDA.

    Args:
        neighbor_labels: long tensor [M, k], labels in [0, num_classes).
        num_classes: the number of classes C.

    Returns:
        long tensor [M], on the device of ``neighbor_labels``.

    Example:
        >>> knn_vote(torch.tensor([[2, 1, 2], [3, 0, 0], [1, 0, 2]]), 4)
        tensor([2, 0, 0])

    Forbidden: torch.mode.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    M = neighbor_labels.shape[0]
    counts = neighbor_labels.new_zeros((M, num_classes))  # (M, C), long
    counts.scatter_add_(1, neighbor_labels, torch.ones_like(neighbor_labels))  # (M, C)
    return counts.argmax(1)  # (M,), first maximum = smallest label
    # END SOLUTION


# BEGIN SOLUTION
def _nearest(X_train: torch.Tensor, X_test: torch.Tensor, k: int) -> torch.Tensor:
    """Indices [M, k] of the k nearest training points, nearest first."""
    if not 1 <= k <= X_train.shape[0]:
        raise ValueError(f"k must be in [1, {X_train.shape[0]}] (the number of training points), got {k}")
    D = pairwise_distances(X_test, X_train)  # (M, N)
    # a stable sort keeps equal distances in index order; topk does not promise that
    return D.sort(dim=1, stable=True).indices[:, :k]  # (M, k)
# END SOLUTION


def knn_predict(
    X_train: torch.Tensor,
    y_train: torch.Tensor,
    X_test: torch.Tensor,
    k: int,
    num_classes: int | None = None,
) -> torch.Tensor:
    """Classify each test point by a vote of its ``k`` nearest training points.

    pred[m] = knn_vote(y_train[nearest_k(X_test[m])])

    Nearest means smallest Euclidean distance; at equal distances the lower
    training index counts as nearer. Vote ties go to the smallest label.

    Args:
        X_train: float tensor [N, D].
        y_train: long tensor [N], labels in [0, num_classes).
        X_test: float tensor [M, D], same dtype and device as ``X_train``.
        k: number of neighbours, 1 <= k <= N.
        num_classes: C; None means ``y_train.max() + 1``.

    Returns:
        long tensor [M], on ``X_test``'s device.

    Raises:
        ValueError: if k > N (or k < 1).

    Example:
        >>> X_train = torch.tensor([[0.0], [1.0], [2.0], [10.0], [11.0]])
        >>> y_train = torch.tensor([0, 0, 1, 1, 1])
        >>> knn_predict(X_train, y_train, torch.tensor([[0.5], [9.0]]), k=3)
        tensor([0, 1])

    Forbidden: torch.cdist (and aten _euclidean_dist), torch.mode.
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = _nearest(X_train, X_test, k)  # (M, k)
    return knn_vote(y_train[idx], num_classes)  # (M,)
    # END SOLUTION


def knn_regress(
    X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, k: int
) -> torch.Tensor:
    """Predict the mean target of the ``k`` nearest training points.

    pred[m] = (1/k) sum_{j in nearest_k(X_test[m])} y_train[j]

    Same neighbours and tie rule as ``knn_predict`` (equal distances: the
    lower training index is nearer).

    Args:
        X_train: float tensor [N, D].
        y_train: tensor [N] (or [N, T] for T targets per point), float or
            integer.
        X_test: float tensor [M, D], same dtype and device as ``X_train``.
        k: number of neighbours, 1 <= k <= N.

    Returns:
        Tensor [M] (or [M, T]) on ``X_test``'s device: ``y_train``'s dtype
        when it is floating point, float32 for integer targets.

    Raises:
        ValueError: if k > N (or k < 1).

    Example:
        >>> X_train = torch.tensor([[0.0], [1.0], [2.0], [10.0]])
        >>> knn_regress(X_train, torch.tensor([1, 2, 4, 8]), torch.tensor([[0.9], [7.0]]), k=2)
        tensor([1.5000, 6.0000])

    Forbidden: torch.cdist (and aten _euclidean_dist).
    Also forbidden here, where the point is torch: leaving it for NumPy, SciPy or raw
    memory (.numpy(), np.asarray(x), data_ptr).
    """
    # BEGIN SOLUTION
    idx = _nearest(X_train, X_test, k)  # (M, k)
    targets = y_train[idx]  # (M, k) or (M, k, T)
    if not targets.is_floating_point():
        targets = targets.float()
    return targets.mean(1)  # (M,) or (M, T)
    # END SOLUTION
