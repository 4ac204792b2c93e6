"""Classic mistakes in ex08_knn (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("pairwise_distances", kills=["identical_points_not_nan"])
def pairwise_distances_no_clamp(X, Y):
    D2 = (X * X).sum(1, keepdim=True) + (Y * Y).sum(1) - 2 * X @ Y.T
    return D2.sqrt()  # nan where rounding left a tiny negative


@mistake("pairwise_distances", kills=["matches_cdist", "identical_points_not_nan",
                                     "exact_on_small_integer_points", "example_integer_points"])
def pairwise_distances_squared(X, Y):
    D2 = (X * X).sum(1, keepdim=True) + (Y * Y).sum(1) - 2 * X @ Y.T
    return D2.clamp_min(0)  # forgot the square root


@mistake("pairwise_distances", kills=["matches_cdist"])
def pairwise_distances_cross_term_once(X, Y):
    D2 = (X * X).sum(1, keepdim=True) + (Y * Y).sum(1) - X @ Y.T  # 2 x . y
    return D2.clamp_min(0).sqrt()


@mistake("pairwise_distances", kills=["matches_cdist"])
def pairwise_distances_norms_of_x_only(X, Y):
    X2 = (X * X).sum(1, keepdim=True)
    D2 = X2 + X2.T[:, :1] - 2 * X @ Y.T  # ||y||^2 taken from X by mistake
    return D2.clamp_min(0).sqrt()


@mistake("knn_vote", kills=["ties_go_to_the_smallest_label", "majority"])
def knn_vote_ties_to_largest(neighbor_labels, num_classes):
    counts = torch.zeros(neighbor_labels.shape[0], num_classes, dtype=torch.long,
                         device=neighbor_labels.device)
    counts.scatter_add_(1, neighbor_labels, torch.ones_like(neighbor_labels))
    # break ties "by label": adds the label instead of preferring the smaller one
    key = counts * num_classes + torch.arange(num_classes, device=counts.device)
    return key.argmax(1)


@mistake("knn_vote", kills=["majority"])
def knn_vote_median(neighbor_labels, num_classes):
    return neighbor_labels.median(1).values  # the middle label, not the most frequent


@mistake("knn_vote", kills=["majority"])
def knn_vote_counts_along_wrong_dim(neighbor_labels, num_classes):
    onehot = torch.nn.functional.one_hot(neighbor_labels, num_classes)  # (M, k, C)
    return onehot.sum(0).argmax(1)[:neighbor_labels.shape[0]]  # summed over the rows


@mistake("knn_predict", kills=["matches_brute_force", "example_clusters"])
def knn_predict_farthest(X_train, y_train, X_test, k, num_classes=None):
    if k > X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    idx = pairwise_distances(X_test, X_train).topk(k, dim=1).indices  # largest=True
    return knn_vote(y_train[idx], num_classes)
@mistake("knn_predict", kills=["k1_on_the_training_set_returns_its_labels", "matches_brute_force"])
def knn_predict_skips_the_nearest(X_train, y_train, X_test, k, num_classes=None):
    if k >= X_train.shape[0]:
        raise ValueError("k is larger than the training set")
    if num_classes is None:
        num_classes = int(y_train.max()) + 1
    # leave-one-out code copied from a tutorial: drops the point itself ... and the nearest
    idx = pairwise_distances(X_test, X_train).sort(dim=1, stable=True).indices[:, 1:k + 1]
    return knn_vote(y_train[idx], num_classes)


@mistake("knn_regress", kills=["integer_targets_give_float32", "example_cluster_means"])
def knn_regress_integer_division(X_train, y_train, X_test, k):
    idx = _nearest(X_train, X_test, k)
    return y_train[idx].sum(1) // k  # long for long targets, and rounded down


@mistake("knn_regress", kills=["matches_brute_force"])
def knn_regress_median(X_train, y_train, X_test, k):
    idx = _nearest(X_train, X_test, k)
    targets = y_train[idx] if y_train.is_floating_point() else y_train[idx].float()
    return targets.median(1).values


@mistake("knn_regress", kills=["several_targets_per_point"])
def knn_regress_mean_last_dim(X_train, y_train, X_test, k):
    idx = _nearest(X_train, X_test, k)
    return y_train[idx].float().mean(-1) if not y_train.is_floating_point() \
        else y_train[idx].mean(-1)  # the last dim is the neighbours' only for y of shape [N]
