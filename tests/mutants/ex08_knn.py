"""Mutants and alternatives for ex08_knn (k nearest neighbours).

Each body is appended to a copy of solutions/ex08_knn.py, so it sees that module's
imports (torch) and its other functions (pairwise_distances, knn_vote, _nearest).
"""
import torch

from . import alternative, mutant

# -- pairwise_distances ------------------------------------------------------------------


@mutant("pairwise_distances", kills=["exact_on_small_integer_points"])
def pairwise_distances_epsilon_under_sqrt(X, Y):
    D2 = (X * X).sum(1, keepdim=True) + (Y * Y).sum(1) - 2 * X @ Y.T
    return (D2.clamp_min(0) + 1e-12).sqrt()  # "to avoid nan": 1e-6 between equal points


@mutant("pairwise_distances", kills=["exact_on_small_integer_points"])
def pairwise_distances_clamp_at_epsilon(X, Y):
    D2 = (X * X).sum(1, keepdim=True) + (Y * Y).sum(1) - 2 * X @ Y.T
    return D2.clamp_min(1e-10).sqrt()


@mutant("pairwise_distances", kills=["vectorised"])
def pairwise_distances_loop_over_test_points(X, Y):
    rows = [((Y - x) ** 2).sum(1).sqrt() for x in X]  # one Python iteration per row of X
    return torch.stack(rows)


@mutant("pairwise_distances", kills=["vectorised"])
def pairwise_distances_loop_over_columns(X, Y):
    D2 = torch.zeros(X.shape[0], Y.shape[0], dtype=X.dtype, device=X.device)
    for n in range(Y.shape[0]):
        D2[:, n] = ((X - Y[n]) ** 2).sum(1)
    return D2.sqrt()


@alternative("pairwise_distances")
def pairwise_distances_broadcast(X, Y):
    diff = X[:, None, :] - Y[None, :, :]  # (M, N, D): exact, more memory
    return (diff ** 2).sum(-1).sqrt()


@alternative("pairwise_distances")
def pairwise_distances_einsum_where(X, Y):
    X2 = torch.einsum("md,md->m", X, X)[:, None]
    Y2 = torch.einsum("nd,nd->n", Y, Y)[None, :]
    D2 = X2 - 2 * torch.einsum("md,nd->mn", X, Y) + Y2
    return torch.where(D2 > 0, D2, torch.zeros_like(D2)).sqrt()


# -- knn_vote ----------------------------------------------------------------------------


@mutant("knn_vote", kills=["ties_go_to_the_smallest_label", "majority"])
def knn_vote_first_seen_in_row(neighbor_labels, num_classes):
    # how often each entry's label occurs in its row; the first most frequent entry wins
    same = (neighbor_labels[:, :, None] == neighbor_labels[:, None, :]).sum(2)
    first = same.argmax(1, keepdim=True)
    return neighbor_labels.gather(1, first).squeeze(1)


@mutant("knn_vote", kills=["majority", "example_three_rows"])
def knn_vote_keepdim(neighbor_labels, num_classes):
    counts = torch.zeros(neighbor_labels.shape[0], num_classes, dtype=torch.long,
                         device=neighbor_labels.device)
    counts.scatter_add_(1, neighbor_labels, torch.ones_like(neighbor_labels))
    return counts.argmax(1, keepdim=True)  # [M, 1]


@alternative("knn_vote")
def knn_vote_one_hot(neighbor_labels, num_classes):
    onehot = torch.nn.functional.one_hot(neighbor_labels, num_classes)  # (M, k, C)
    return onehot.sum(1).argmax(1)


@alternative("knn_vote")
def knn_vote_bincount_offsets(neighbor_labels, num_classes):
    M = neighbor_labels.shape[0]
    rows = torch.arange(M, device=neighbor_labels.device)[:, None] * num_classes
    counts = torch.bincount((neighbor_labels + rows).flatten(), minlength=M * num_classes)
    counts = counts.view(M, num_classes)
    best = counts.max(1, keepdim=True).values
    classes = torch.arange(num_classes, device=counts.device).expand_as(counts)
    return torch.where(counts == best, classes, num_classes).min(1).values


@alternative("knn_vote")
def knn_vote_loop_over_classes(neighbor_labels, num_classes):
    counts = torch.stack([(neighbor_labels == c).sum(1) for c in range(num_classes)], 1)
    return counts.argmax(1)


# -- knn_predict -------------------------------------------------------------------------


@mutant("knn_predict", kills=["equal_distances_lower_index_nearer"])
def knn_predict_topk(X_train, y_train, X_test, k, num_classes=None):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = pairwise_distances(X_test, X_train).topk(k, dim=1, largest=False).indices
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_predict", kills=["equal_distances_lower_index_nearer"])
def knn_predict_unstable_argsort(X_train, y_train, X_test, k, num_classes=None):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = pairwise_distances(X_test, X_train).argsort(dim=1)[:, :k]
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_predict", kills=["k1_on_the_training_set_returns_its_labels"])
def knn_predict_nan_distances(X_train, y_train, X_test, k, num_classes=None):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    D2 = (X_test ** 2).sum(1, keepdim=True) + (X_train ** 2).sum(1) - 2 * X_test @ X_train.T
    idx = D2.sqrt().sort(dim=1, stable=True).indices[:, :k]  # nan distances sort last
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_predict", kills=["k_larger_than_the_training_set_raises"])
def knn_predict_no_k_check(X_train, y_train, X_test, k, num_classes=None):
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    return knn_vote(y_train[idx], num_classes)  # k > N: silently fewer neighbours


@mutant("knn_predict", kills=["k_larger_than_the_training_set_raises"])
def knn_predict_assert_k(X_train, y_train, X_test, k, num_classes=None):
    assert k <= X_train.shape[0], "k is too large"  # AssertionError, not ValueError
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_predict", kills=["num_classes_defaults_to_max_label_plus_one"])
def knn_predict_num_classes_from_unique(X_train, y_train, X_test, k, num_classes=None):
    if num_classes is None:
        num_classes = len(torch.unique(y_train))  # 2 for labels {1, 4}
    idx = _nearest(X_train, X_test, k)
    return knn_vote(y_train[idx], num_classes)


@alternative("knn_predict")
def knn_predict_argsort_stable_one_hot(X_train, y_train, X_test, k, num_classes=None):
    N = X_train.shape[0]
    if k < 1 or k > N:
        raise ValueError(f"need 1 <= k <= {N}, got k={k}")
    C = num_classes if num_classes is not None else int(y_train.max().item()) + 1
    D = pairwise_distances(X_test, X_train)
    nearest = torch.argsort(D, dim=1, stable=True)[:, :k]
    votes = torch.nn.functional.one_hot(y_train[nearest], C).sum(1)
    return votes.argmax(1)


@alternative("knn_predict")
def knn_predict_loop_over_test_points(X_train, y_train, X_test, k, num_classes=None):
    if not 1 <= k <= len(X_train):
        raise ValueError("k exceeds the number of training points")
    C = int(y_train.max()) + 1 if num_classes is None else num_classes
    preds = []
    for x in X_test:  # one test point at a time, squared distances (same order)
        d2 = ((X_train - x) ** 2).sum(1)
        order = torch.sort(d2, stable=True).indices[:k]
        preds.append(torch.bincount(y_train[order], minlength=C).argmax())
    return torch.stack(preds)


# -- knn_regress -------------------------------------------------------------------------


@mutant("knn_regress", kills=["integer_targets_give_float32"])
def knn_regress_in_x_dtype(X_train, y_train, X_test, k):
    idx = _nearest(X_train, X_test, k)
    return y_train[idx].to(X_train.dtype).mean(1)  # float64 for float64 points


@mutant("knn_regress", kills=["equal_distances_lower_index_nearer"])
def knn_regress_topk(X_train, y_train, X_test, k):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    idx = pairwise_distances(X_test, X_train).topk(k, dim=1, largest=False).indices
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    return targets.mean(1)


@mutant("knn_regress", kills=["k_larger_than_the_training_set_raises"])
def knn_regress_no_k_check(X_train, y_train, X_test, k):
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    return targets.mean(1)


@alternative("knn_regress")
def knn_regress_sum_over_k(X_train, y_train, X_test, k):
    if not 0 < k <= X_train.shape[0]:
        raise ValueError("bad k")
    order = torch.sort(pairwise_distances(X_test, X_train), dim=1, stable=True).indices
    return y_train[order[:, :k]].sum(dim=1) / k  # true division: float32 for long targets


@mutant("knn_predict", kills=["num_classes_defaults_to_max_label_plus_one"])
def knn_predict_num_classes_max(X_train, y_train, X_test, k, num_classes=None):
    if num_classes is None:
        num_classes = int(y_train.max())  # forgot the + 1
    idx = _nearest(X_train, X_test, k)
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_predict", kills=["tied_vote_goes_to_the_smallest_label"])
def knn_predict_counter_most_common(X_train, y_train, X_test, k, num_classes=None):
    import collections
    if not 1 <= k <= X_train.shape[0]:
        raise ValueError("k must be between 1 and the number of training points")
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    # a tie goes to the label met first, the nearest neighbour's: not the smallest
    labels = [collections.Counter(row).most_common(1)[0][0] for row in y_train[idx].tolist()]
    return torch.tensor(labels, device=X_test.device)


@mutant("knn_predict", kills=["k_below_one_raises"])
def knn_predict_k0_predicts_class_0(X_train, y_train, X_test, k, num_classes=None):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    return knn_vote(y_train[idx], num_classes)  # k = 0: no votes, every row label 0


@mutant("knn_regress", kills=["k_below_one_raises"])
def knn_regress_k0_gives_nan(X_train, y_train, X_test, k):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    return targets.mean(1)  # k = 0: the mean of nothing, nan


@mutant("pairwise_distances", kills=["inputs_unchanged"])
def pairwise_distances_centres_in_place(X, Y):
    shift = X.mean(0)
    X -= shift  # a shared shift keeps every distance: only the caller sees it
    Y -= shift
    D2 = (X * X).sum(1, keepdim=True) - 2 * X @ Y.T + (Y * Y).sum(1)
    return D2.clamp_min(0).sqrt()


@mutant("knn_vote", kills=["input_unchanged"])
def knn_vote_unsqueezes_in_place(neighbor_labels, num_classes):
    neighbor_labels.unsqueeze_(-1)  # the caller's tensor becomes [M, k, 1]
    counts = (neighbor_labels == torch.arange(num_classes, device=neighbor_labels.device)).sum(1)
    return counts.argmax(1)


@mutant("knn_predict", kills=["inputs_unchanged"])
def knn_predict_centres_in_place(X_train, y_train, X_test, k, num_classes=None):
    if not 1 <= k <= X_train.shape[0]:
        raise ValueError("k must be between 1 and the number of training points")
    shift = X_train.mean(0)
    X_train -= shift
    X_test -= shift
    num_classes = int(y_train.max()) + 1 if num_classes is None else num_classes
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_predict", kills=["k_equal_to_the_training_set_is_allowed"])
def knn_predict_k_equal_n_refused(X_train, y_train, X_test, k, num_classes=None):
    if not 1 <= k < X_train.shape[0]:  # off by one: k = N is allowed
        raise ValueError("k must be smaller than the number of training points")
    num_classes = int(y_train.max()) + 1 if num_classes is None else num_classes
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    return knn_vote(y_train[idx], num_classes)


@mutant("knn_regress", kills=["k_equal_to_the_training_set_is_allowed"])
def knn_regress_k_equal_n_refused(X_train, y_train, X_test, k):
    if not 1 <= k < X_train.shape[0]:  # off by one
        raise ValueError("k must be smaller than the number of training points")
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    return targets.mean(1)


@mutant("knn_regress", kills=["k_below_one_raises"])
def knn_regress_only_k0_raises(X_train, y_train, X_test, k):
    if k == 0 or k > X_train.shape[0]:  # k = -1 slices [:, :-1]: every neighbour but one
        raise ValueError("bad k")
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    return targets.mean(1)


@mutant("knn_regress", kills=["inputs_unchanged"])
def knn_regress_unsqueezes_targets_in_place(X_train, y_train, X_test, k):
    if not 1 <= k <= X_train.shape[0]:
        raise ValueError("bad k")
    squeeze = y_train.dim() == 1
    if squeeze:
        y_train.unsqueeze_(1)  # one code path for [N] and [N, T]: the caller's y_train too
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, :k]
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    out = targets.mean(1)
    return out.squeeze(1) if squeeze else out
