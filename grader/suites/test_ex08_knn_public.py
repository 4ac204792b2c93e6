"""Public checks for ex08_knn: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (random
data, ties, duplicated points, dtypes, devices and vectorisation).
"""
import pytest
import torch
import torch.nn.functional as F

from .common import VALUES, expect_close, grades

MODULE = "ex08_knn"
pytestmark = pytest.mark.public
# two clusters of two points and a fifth point on its own
X_TRAIN = torch.tensor([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [10.0, 0.0]])
Y_TRAIN = torch.tensor([0, 0, 1, 1, 2])
X_TEST = torch.tensor([[0.2, 0.3], [5.5, 5.2], [9.0, 1.0]])


def nearest(k):
    return torch.cdist(X_TEST.double(), X_TRAIN.double()).sort(dim=1, stable=True).indices[:, :k]


def majority(labels, num_classes):
    """The most frequent label of each row (the smallest one on ties)."""
    return F.one_hot(labels, num_classes).sum(1).argmax(1)


@grades("pairwise_distances")
def test_example_integer_points(student):
    X = torch.tensor([[0.0, 0.0], [3.0, 4.0], [1.0, 1.0]])
    Y = torch.tensor([[0.0, 0.0], [6.0, 8.0]])
    expect_close(student.pairwise_distances(X, Y), torch.cdist(X.double(), Y.double()).float(),
                 VALUES, what="distances", hint="D[m, n] = ||x_m - y_n||, shape [M, N]")


@grades("knn_vote")
def test_example_three_rows(student):
    labels = torch.tensor([[0, 1, 1], [2, 2, 0], [3, 1, 3]])
    expect_close(student.knn_vote(labels, 4), majority(labels, 4), what="the votes",
                 hint="the most frequent label of each row, a long tensor of shape [M]")


@grades("knn_predict")
@pytest.mark.parametrize("k", [1, 3])
def test_example_clusters(student, k):
    expected = majority(Y_TRAIN[nearest(k)], 3)
    expect_close(student.knn_predict(X_TRAIN, Y_TRAIN, X_TEST, k), expected,
                 what=f"the predictions with k={k}",
                 hint="the labels of the k nearest training points, then a majority vote")


@grades("knn_regress")
def test_example_cluster_means(student):
    y_train = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])
    expected = y_train.double()[nearest(2)].mean(1).float()
    expect_close(student.knn_regress(X_TRAIN, y_train, X_TEST, 2), expected, VALUES,
                 what="the predictions with k=2", hint="the mean target of the k nearest points")
