"""Public checks for ex08_knn: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (random
data, ties, duplicated points, dtypes, devices and vectorisation).
"""
import pytest
import torch
import torch.nn.functional as F

from .common import VALUES, expect_close, grades
from grader.i18n import t

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
                 VALUES, what=t("suite.ex08_knn.public.distances"),
                 hint=t("suite.ex08_knn.public.pairwise_distances.example_integer_points"))


@grades("knn_vote")
def test_example_three_rows(student):
    labels = torch.tensor([[0, 1, 1], [2, 2, 0], [3, 1, 3]])
    expect_close(student.knn_vote(labels, 4), majority(labels, 4),
                 what=t("suite.ex08_knn.public.the_votes"),
                 hint=t("suite.ex08_knn.public.knn_vote.example_three_rows"))


@grades("knn_predict")
@pytest.mark.parametrize("k", [1, 3])
def test_example_clusters(student, k):
    expected = majority(Y_TRAIN[nearest(k)], 3)
    expect_close(student.knn_predict(X_TRAIN, Y_TRAIN, X_TEST, k), expected,
                 what=t("suite.ex08_knn.public.the_predictions_with_k", k=k),
                 hint=t("suite.ex08_knn.public.knn_predict.example_clusters"))


@grades("knn_regress")
def test_example_cluster_means(student):
    y_train = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])
    expected = y_train.double()[nearest(2)].mean(1).float()
    expect_close(student.knn_regress(X_TRAIN, y_train, X_TEST, 2), expected, VALUES,
                 what=t("suite.ex08_knn.public.the_predictions_with_k", k=2),
                 hint=t("suite.ex08_knn.public.knn_regress.example_cluster_means"))
