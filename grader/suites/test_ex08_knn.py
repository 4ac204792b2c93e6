"""Hidden checks for ex08_knn: pairwise distances, majority vote, k-NN classification
and regression.

Distances by the expanded square lose digits for nearly equal points, so float32
results are compared at about 1e-3 x the inputs' scale (the largest row norm) and
points that must come out exact use small integer coordinates, where every formula
is exact. Tie checks (equal distances, equal vote counts) use duplicated points or
small integers, so equal distances are exactly equal whatever the formula; random
data keeps only test points whose k-th and (k+1)-th neighbours are well apart.
"""
import pytest
import torch

from .common import VALUES, expect_close, expect_raises, expect_unchanged, expect_vectorised, \
    grades, randn
from grader.i18n import t

MODULE = "ex08_knn"


def distance_reference(X, Y):
    """Exact pairwise distances in float64 (differences, not the expanded square)."""
    return torch.cdist(X.double(), Y.double(), compute_mode="donot_use_mm_for_euclid_dist")


def distance_tolerance(dtype, *inputs):
    scale = max(t.double().norm(dim=1).max().item() for t in inputs)
    return (1e-5, 1e-3 * scale) if dtype == torch.float32 else (1e-7, 1e-6 * scale)


def expect_k_too_large_raises(student, function, *args):
    expect_raises(lambda: student.run(function, *args).result, "ValueError",
                  t("suite.ex08_knn.k_too_large"), t("suite.ex08_knn.k_too_large_hint"))


def expect_k_below_one_raises(student, function, *args):
    expect_raises(lambda: student.run(function, *args).result, "ValueError",
                  t("suite.ex08_knn.k_below_one"), t("suite.ex08_knn.k_too_large_hint"))


# -- pairwise_distances ----------------------------------------------------------------
@grades("pairwise_distances")
class TestPairwiseDistances:
    def test_matches_cdist(self, student, rng, device, dtype):
        X, Y = 3 * randn((7, 5), rng, device, dtype), 3 * randn((11, 5), rng, device, dtype)
        expect_close(student.pairwise_distances(X, Y), distance_reference(X, Y).to(dtype),
                     distance_tolerance(dtype, X, Y), what=t("suite.ex08_knn.distances"),
                     hint=t("suite.ex08_knn.pairwise_distances.matches_cdist"))

    def test_identical_points_not_nan(self, student, rng, dtype):
        # rows far from the origin, each duplicated: the expanded square cancels to tiny
        # negatives, whose square root is nan unless clamped at 0
        X = 5 * randn((40, 6), rng, dtype=dtype) + 20
        Y = torch.cat([X, X[:25]])
        expect_close(student.pairwise_distances(X, Y), distance_reference(X, Y).to(dtype),
                     distance_tolerance(dtype, X, Y),
                     what=t("suite.ex08_knn.distances_duplicated_rows"),
                     hint=t("suite.ex08_knn.pairwise_distances.identical_points_not_nan"))

    def test_exact_on_small_integer_points(self, student, rng, dtype):
        X = torch.randint(-4, 5, (9, 3), generator=rng).to(dtype)
        Y = torch.cat([X[:4], torch.randint(-4, 5, (6, 3), generator=rng).to(dtype)])
        eps = torch.finfo(dtype).eps
        expect_close(student.pairwise_distances(X, Y), distance_reference(X, Y).to(dtype),
                     (4 * eps, 1e-12), what=t("suite.ex08_knn.distances_integer_points"),
                     hint=t("suite.ex08_knn.pairwise_distances.exact_on_small_integer_points"))

    def test_vectorised(self, student, rng):
        small = student.run("pairwise_distances", randn((4, 3), rng), randn((6, 3), rng))
        large = student.run("pairwise_distances", randn((40, 3), rng), randn((70, 3), rng))
        expect_vectorised(small, large, "pairwise_distances")

    def test_inputs_unchanged(self, student, rng):
        X, Y = randn((5, 3), rng), randn((7, 3), rng)
        expect_unchanged(student.run("pairwise_distances", X.clone(), Y.clone()), [X, Y],
                         ["X", "Y"])


# -- knn_vote --------------------------------------------------------------------------
def vote_reference(labels, num_classes):
    counts = torch.zeros(labels.shape[0], num_classes, dtype=torch.long)
    counts.scatter_add_(1, labels.cpu(), torch.ones_like(labels.cpu()))
    best = counts.max(1, keepdim=True).values
    # the smallest label among those with the largest count
    return torch.where(counts == best, torch.arange(num_classes), num_classes).min(1).values \
        .to(labels.device)


@grades("knn_vote")
class TestKnnVote:
    @pytest.mark.parametrize("k", [1, 5, 6])
    def test_majority(self, student, rng, device, k):
        labels = torch.randint(4, (30, k), generator=rng).to(device)
        expect_close(student.knn_vote(labels, 4), vote_reference(labels, 4),
                     what=t("suite.ex08_knn.the_votes"), hint=t("suite.ex08_knn.knn_vote.majority"))

    def test_ties_go_to_the_smallest_label(self, student, device):
        labels = torch.tensor([[3, 3, 1, 1, 0, 2], [2, 1, 2, 1, 0, 3], [4, 0, 4, 0, 1, 1],
                               [1, 2, 3, 4, 0, 5], [5, 5, 2, 2, 4, 4], [0, 1, 1, 0, 5, 5]],
                              device=device)
        expect_close(student.knn_vote(labels, 6), vote_reference(labels, 6),
                     what=t("suite.ex08_knn.the_votes_tied_rows"),
                     hint=t("suite.ex08_knn.knn_vote.ties_go_to_the_smallest_label"))

    def test_input_unchanged(self, student, rng):
        labels = torch.randint(4, (10, 5), generator=rng)
        expect_unchanged(student.run("knn_vote", labels.clone(), 4), [labels],
                         ["neighbor_labels"])


# -- knn_predict and knn_regress --------------------------------------------------------
def clustered(rng, n, m, d=4, classes=3, device="cpu", dtype=torch.float32):
    centres = 3 * randn((classes, d), rng)
    y = torch.randint(classes, (n,), generator=rng)
    X_train = centres[y] + 1.5 * randn((n, d), rng)
    X_test = centres[torch.randint(classes, (m,), generator=rng)] + 1.5 * randn((m, d), rng)
    return X_train.to(device, dtype), y.to(device), X_test.to(device, dtype)


def neighbours_reference(X_train, X_test, k):
    """Indices of the k nearest training points: stable sort (lower index first on ties)."""
    D = distance_reference(X_test.cpu(), X_train.cpu())
    return D.sort(dim=1, stable=True).indices[:, :k]


def well_separated(X_train, X_test, k):
    """The test rows whose k-th and (k+1)-th neighbours are clearly apart."""
    D = distance_reference(X_test.cpu(), X_train.cpu()).sort(dim=1).values
    return (D[:, k] - D[:, k - 1]) > 1e-3 * (1 + D[:, k])


def predict_reference(X_train, y_train, X_test, k, num_classes=None):
    num_classes = int(y_train.max()) + 1 if num_classes is None else num_classes
    idx = neighbours_reference(X_train, X_test, k)
    return vote_reference(y_train.cpu()[idx], num_classes).to(X_test.device)


def tied_training_set(device="cpu", dtype=torch.float32, copies=20):
    """Three places, each repeated ``copies`` times (interleaved), and test points near each.

    Every training copy of a place is at exactly the same (integer) distance from a test
    point, so only the index rule decides which copies are the k nearest.
    """
    places = torch.tensor([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    X_train = places.repeat(copies, 1)   # index i is place i % 3
    g = torch.Generator().manual_seed(0)
    y_train = torch.randint(3, (3 * copies,), generator=g)
    y_train[:9] = torch.tensor([2, 0, 1, 2, 0, 1, 2, 0, 1])   # the three lowest copies agree
    X_test = torch.tensor([[1.0, 0.0], [10.0, 1.0], [0.0, 12.0], [0.0, 0.0], [-1.0, 0.0]])
    return X_train.to(device, dtype), y_train.to(device), X_test.to(device, dtype)


def tied_votes(rng, k, rows=4, classes=6, device="cpu", dtype=torch.float32):
    """Test point i at (20 i, 0); its k nearest training points, at distances 1 .. k
    (all different, integers), alternate between two labels drawn for the row, the larger
    one nearest: every vote is a tie that the smallest label must win."""
    X_train, y_train, X_test = [], [], []
    for i in range(rows):
        low, high = sorted(torch.randperm(classes, generator=rng)[:2].tolist())
        for j in range(k):
            X_train.append([20.0 * i + j + 1, 0.0])
            y_train.append(high if j % 2 == 0 else low)
        X_test.append([20.0 * i, 0.0])
    order = torch.randperm(len(y_train), generator=rng)
    X_train, y_train = torch.tensor(X_train)[order], torch.tensor(y_train)[order]
    return X_train.to(device, dtype), y_train.to(device), torch.tensor(X_test).to(device, dtype)


@grades("knn_predict")
class TestKnnPredict:
    @pytest.mark.parametrize("k", [1, 5])
    def test_matches_brute_force(self, student, rng, device, dtype, k):
        X_train, y_train, X_test = clustered(rng, 60, 40, device=device, dtype=dtype)
        X_test = X_test[well_separated(X_train, X_test, k).to(device)]
        expect_close(student.knn_predict(X_train, y_train, X_test, k),
                     predict_reference(X_train, y_train, X_test, k),
                     what=t("suite.ex08_knn.the_predictions"),
                     hint=t("suite.ex08_knn.knn_predict.matches_brute_force"))

    @pytest.mark.parametrize("k", [1, 3])
    def test_equal_distances_lower_index_nearer(self, student, device, k):
        X_train, y_train, X_test = tied_training_set(device)
        expect_close(student.knn_predict(X_train, y_train, X_test, k),
                     predict_reference(X_train, y_train, X_test, k),
                     what=t("suite.ex08_knn.the_predictions_equally_distant"),
                     hint=t("suite.ex08_knn.knn_predict.equal_distances_lower_index_nearer"))

    @pytest.mark.parametrize("k", [2, 4])
    def test_tied_vote_goes_to_the_smallest_label(self, student, rng, device, k):
        X_train, y_train, X_test = tied_votes(rng, k, device=device)
        expect_close(student.knn_predict(X_train, y_train, X_test, k, 6),
                     predict_reference(X_train, y_train, X_test, k, 6),
                     what=t("suite.ex08_knn.the_predictions_tied_votes"),
                     hint=t("suite.ex08_knn.knn_predict.tied_vote_goes_to_the_smallest_label"))

    def test_k1_on_the_training_set_returns_its_labels(self, student, rng):
        X_train = 5 * randn((50, 6), rng) + 20   # far from 0: a distance to itself may round
        y_train = torch.randint(4, (50,), generator=rng)
        expect_close(student.knn_predict(X_train, y_train, X_train.clone(), 1), y_train,
                     what=t("suite.ex08_knn.the_k1_predictions_training"),
                     hint=t("suite.ex08_knn.knn_predict.k1_on_the_training_set_returns_its_labels"))

    def test_k_larger_than_the_training_set_raises(self, student, rng):
        X_train, y_train, X_test = clustered(rng, 6, 3)
        expect_k_too_large_raises(student, "knn_predict", X_train, y_train, X_test, 7)

    @pytest.mark.parametrize("k", [0, -1])
    def test_k_below_one_raises(self, student, rng, k):
        X_train, y_train, X_test = clustered(rng, 6, 3)
        expect_k_below_one_raises(student, "knn_predict", X_train, y_train, X_test, k)

    def test_k_equal_to_the_training_set_is_allowed(self, student, rng):
        X_train, y_train, X_test = clustered(rng, 7, 4, classes=3)
        expect_close(student.knn_predict(X_train, y_train, X_test, 7),
                     predict_reference(X_train, y_train, X_test, 7),
                     what=t("suite.ex08_knn.the_predictions_k_n"),
                     hint=t("suite.ex08_knn.k_equal_n_hint"))

    def test_inputs_unchanged(self, student, rng):
        X_train, y_train, X_test = clustered(rng, 20, 6)
        call = student.run("knn_predict", X_train.clone(), y_train.clone(), X_test.clone(), 3)
        expect_unchanged(call, [X_train, y_train, X_test], ["X_train", "y_train", "X_test"])

    def test_num_classes_defaults_to_max_label_plus_one(self, student, rng):
        X_train, y_train, X_test = clustered(rng, 30, 20, classes=2)
        y_train = torch.where(y_train == 0, 1, 4)   # labels 1 and 4 only
        X_test = X_test[well_separated(X_train, X_test, 3)]
        expect_close(student.knn_predict(X_train, y_train, X_test, 3),
                     predict_reference(X_train, y_train, X_test, 3),
                     what=t("suite.ex08_knn.the_predictions_labels_1_4", labels="{1, 4}"),
                     hint=t("suite.ex08_knn.knn_predict.num_classes_defaults_to_max_label_plus_one"))


def regress_reference(X_train, y_train, X_test, k):
    idx = neighbours_reference(X_train, X_test, k)
    targets = y_train.cpu()[idx].double()
    dtype = y_train.dtype if y_train.is_floating_point() else torch.float32
    return targets.mean(1).to(X_test.device, dtype)


@grades("knn_regress")
class TestKnnRegress:
    def test_matches_brute_force(self, student, rng, device, dtype):
        X_train, _, X_test = clustered(rng, 60, 30, device=device, dtype=dtype)
        y_train = randn((60,), rng, device, dtype)
        X_test = X_test[well_separated(X_train, X_test, 4).to(device)]
        expect_close(student.knn_regress(X_train, y_train, X_test, 4),
                     regress_reference(X_train, y_train, X_test, 4), VALUES,
                     what=t("suite.ex08_knn.the_predictions"),
                     hint=t("suite.ex08_knn.knn_regress.matches_brute_force"))

    @pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["float32", "float64"])
    def test_integer_targets_give_float32(self, student, rng, dtype):
        X_train, y_train, X_test = clustered(rng, 40, 20, dtype=dtype)
        y_train = torch.randint(-5, 6, (40,), generator=rng)
        X_test = X_test[well_separated(X_train, X_test, 3)]
        expect_close(student.knn_regress(X_train, y_train, X_test, 3),
                     regress_reference(X_train, y_train, X_test, 3), VALUES,
                     what=t("suite.ex08_knn.the_predictions_integer_targets"),
                     hint=t("suite.ex08_knn.knn_regress.integer_targets_give_float32"))

    def test_several_targets_per_point(self, student, rng):
        X_train, _, X_test = clustered(rng, 50, 20)
        y_train = randn((50, 3), rng)
        X_test = X_test[well_separated(X_train, X_test, 4)]
        expect_close(student.knn_regress(X_train, y_train, X_test, 4),
                     regress_reference(X_train, y_train, X_test, 4), VALUES,
                     what=t("suite.ex08_knn.the_predictions_targets_n3"),
                     hint=t("suite.ex08_knn.knn_regress.several_targets_per_point"))

    @pytest.mark.parametrize("k", [1, 3])
    def test_equal_distances_lower_index_nearer(self, student, k):
        X_train, _, X_test = tied_training_set()
        y_train = torch.arange(X_train.shape[0], dtype=torch.float32)
        expect_close(student.knn_regress(X_train, y_train, X_test, k),
                     regress_reference(X_train, y_train, X_test, k), VALUES,
                     what=t("suite.ex08_knn.the_predictions_equally_distant"),
                     hint=t("suite.ex08_knn.knn_regress.equal_distances_lower_index_nearer"))

    def test_k_larger_than_the_training_set_raises(self, student, rng):
        X_train, _, X_test = clustered(rng, 6, 3)
        expect_k_too_large_raises(student, "knn_regress", X_train, randn((6,), rng), X_test, 7)

    @pytest.mark.parametrize("k", [0, -1])
    def test_k_below_one_raises(self, student, rng, k):
        X_train, _, X_test = clustered(rng, 6, 3)
        expect_k_below_one_raises(student, "knn_regress", X_train, randn((6,), rng), X_test, k)

    def test_k_equal_to_the_training_set_is_allowed(self, student, rng):
        X_train, _, X_test = clustered(rng, 7, 4)
        y_train = randn((7,), rng)
        expect_close(student.knn_regress(X_train, y_train, X_test, 7),
                     regress_reference(X_train, y_train, X_test, 7), VALUES,
                     what=t("suite.ex08_knn.the_predictions_k_n"),
                     hint=t("suite.ex08_knn.k_equal_n_hint"))

    def test_inputs_unchanged(self, student, rng):
        X_train, _, X_test = clustered(rng, 20, 6)
        y_train = randn((20,), rng)
        call = student.run("knn_regress", X_train.clone(), y_train.clone(), X_test.clone(), 3)
        expect_unchanged(call, [X_train, y_train, X_test], ["X_train", "y_train", "X_test"])
