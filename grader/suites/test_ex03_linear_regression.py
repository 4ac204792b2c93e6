"""Hidden checks for ex03_linear_regression (d2l.ai's linear regression from scratch).

synthetic_data and data_iter are called exactly as d2l calls them (positional
arguments, float32 w, no generator) and checked by their statistics, so d2l's own
code earns full marks. Random results are never compared draw by draw.
"""
import pytest
import torch

from .common import SUMS, VALUES, Gen, expect_close, expect_tensor, expect_unchanged, grades, \
    randn
from grader.i18n import t

MODULE = "ex03_linear_regression"
TRUE_W, TRUE_B = [2.0, -3.4], 4.2     # d2l's: only where the parameters do not matter
LOOSE = {torch.float32: (1e-4, 1e-4), torch.float64: (1e-7, 1e-7)}


def true_parameters(rng):
    """w [2] and b drawn for this run (|w_i| in [1, 4], b in [-5, 5]): returning d2l's
    w = [2, -3.4], b = 4.2 without computing fits nothing here."""
    sign = torch.randint(0, 2, (2,), generator=rng).double() * 2 - 1
    w = sign * (1 + 3 * torch.rand(2, generator=rng, dtype=torch.float64))
    b = torch.rand((), generator=rng, dtype=torch.float64).item() * 10 - 5
    return [round(v, 4) for v in w.tolist()], round(b, 4)


def regression_data(rng, n=1000, device="cpu", dtype=torch.float32, noise=0.01):
    """(X, y, true w, true b): y = X w + b + noise, with w and b from true_parameters."""
    true_w, true_b = true_parameters(rng)
    X = randn((n, len(true_w)), rng, device, dtype)
    w = torch.tensor(true_w, dtype=dtype, device=device).reshape(-1, 1)
    y = X @ w + true_b + noise * randn((n, 1), rng, device, dtype)
    return X, y, true_w, true_b


@grades("synthetic_data")
class TestSyntheticData:
    def test_shapes_dtype_device(self, student, device):
        X, y = student.synthetic_data(torch.tensor(TRUE_W, device=device), TRUE_B, 1000)
        expect_tensor(X, shape=(1000, 2), dtype=torch.float32, device=device, what="X")
        expect_tensor(y, shape=(1000, 1), dtype=torch.float32, device=device,
                      what=t("suite.ex03_linear_regression.y_reshaped"))

    def test_features_are_standard_normal(self, student):
        X, _ = student.synthetic_data(torch.tensor([1.0, 2.0, -1.0]), 0.5, 20000)
        mean, std = X.mean(0), X.std(0)
        if mean.abs().max() > 0.05 or (std - 1).abs().max() > 0.05:
            raise AssertionError(t(
                "suite.ex03_linear_regression.synthetic_data.not_standard_normal",
                means=mean.tolist(), stds=std.tolist()))
        corr = torch.corrcoef(X.T) - torch.eye(3)
        if corr.abs().max() > 0.05:
            raise AssertionError(
                t("suite.ex03_linear_regression.synthetic_data.correlated_columns"))

    def test_labels_follow_w_b_and_noise(self, student, rng):
        w, b = randn((3,), rng), randn((), rng).item()
        X, y = student.synthetic_data(w, b, 20000)
        noise = y.reshape(-1) - (X @ w + b)
        if abs(noise.mean()) > 1e-3:
            raise AssertionError(t("suite.ex03_linear_regression.synthetic_data.noise_mean",
                                   value=f"{noise.mean():.4g}"))
        if not 0.009 < noise.std() < 0.011:
            raise AssertionError(t("suite.ex03_linear_regression.synthetic_data.noise_std",
                                   value=f"{noise.std():.4g}"))

    def test_draws_fresh_samples(self, student):
        w = torch.tensor(TRUE_W)
        X1, _ = student.synthetic_data(w, TRUE_B, 50)
        X2, _ = student.synthetic_data(w, TRUE_B, 50)
        if torch.equal(X1, X2):
            raise AssertionError(t("suite.ex03_linear_regression.synthetic_data.same_samples"))

    def test_w_unchanged(self, student, rng):
        w = randn((3,), rng)
        expect_unchanged(student.run("synthetic_data", w.clone(), 0.5, 40), [w], ["w"])


def labelled_rows(n, device="cpu", rng=None):
    """Features whose row i is [k, -k] and labels [k] (k = i, or a random permutation's
    i-th value): every batch can be traced back."""
    k = torch.arange(n) if rng is None else torch.randperm(n, generator=rng)
    k = k.to(device=device, dtype=torch.float32)
    return torch.stack([k, -k], 1), k.reshape(-1, 1)


@grades("data_iter")
class TestDataIter:
    @pytest.mark.parametrize("n,batch_size", [(53, 10), (40, 8), (7, 10)])
    def test_every_example_once(self, student, n, batch_size):
        features, labels = labelled_rows(n)
        batches = list(student.data_iter(batch_size, features, labels))
        sizes = [len(b[0]) for b in batches]
        want = [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
        if sizes != want:
            raise AssertionError(t("suite.ex03_linear_regression.data_iter.batch_sizes",
                                   sizes=sizes, expected=want))
        seen = torch.cat([y.reshape(-1) for _, y in batches]).sort().values
        if not torch.equal(seen, labels.reshape(-1)):
            raise AssertionError(t("suite.ex03_linear_regression.data_iter.not_every_example_once"))

    def test_features_stay_with_their_labels(self, student, rng):
        features, labels = labelled_rows(53, rng=rng)
        for X, y in student.data_iter(10, features, labels):
            if not torch.equal(X[:, 0], y.reshape(-1)):
                raise AssertionError(
                    t("suite.ex03_linear_regression.data_iter.features_with_other_labels"))

    def test_shuffled_each_pass(self, student):
        features, labels = labelled_rows(100)
        first = torch.cat([y for _, y in student.data_iter(10, features, labels)]).reshape(-1)
        second = torch.cat([y for _, y in student.data_iter(10, features, labels)]).reshape(-1)
        if torch.equal(first, labels.reshape(-1)) or torch.equal(first, second):
            raise AssertionError(t("suite.ex03_linear_regression.data_iter.same_order"))

    def test_batches_on_the_data_device(self, student, device):
        features, labels = labelled_rows(23, device)
        for X, y in student.data_iter(5, features, labels):
            expect_tensor(X, device=device,
                          what=t("suite.ex03_linear_regression.data_iter.a_feature_batch"))
            expect_tensor(y, device=device,
                          what=t("suite.ex03_linear_regression.data_iter.a_label_batch"))

    def test_inputs_unchanged(self, student, rng):
        features, labels = labelled_rows(23, rng=rng)
        call = student.run("data_iter", 5, features.clone(), labels.clone())
        expect_unchanged(call, [None, features, labels], ["batch_size", "features", "labels"])


@grades("linreg")
class TestLinreg:
    def test_matches_matmul(self, student, rng, device, dtype):
        X, w, b = randn((6, 3), rng, device, dtype), randn((3, 1), rng, device, dtype), \
            randn((1,), rng, device, dtype)
        expected = (X.double() @ w.double() + b.double()).to(dtype)
        expect_close(student.linreg(X, w, b), expected, SUMS)

    def test_inputs_unchanged(self, student, rng):
        X, w, b = randn((6, 3), rng), randn((3, 1), rng), randn((1,), rng)
        call = student.run("linreg", X.clone(), w.clone(), b.clone())
        expect_unchanged(call, [X, w, b], ["X", "w", "b"])


@grades("squared_loss")
class TestSquaredLoss:
    def test_matches_formula(self, student, rng, device, dtype):
        y_hat, y = randn((7, 1), rng, device, dtype), randn((7,), rng, device, dtype)
        expected = (y_hat - y.reshape(7, 1)) ** 2 / 2
        expect_close(student.squared_loss(y_hat, y), expected, VALUES,
                     hint=t("suite.ex03_linear_regression.squared_loss.matches_formula"))

    def test_vector_predictions_keep_their_shape(self, student, rng):
        y_hat, y = randn((7,), rng), randn((7, 1), rng)
        expect_close(student.squared_loss(y_hat, y), (y_hat - y.reshape(7)) ** 2 / 2, VALUES,
                     hint=t("suite.ex03_linear_regression.squared_loss.vector_predictions"))

    def test_same_shapes_not_reduced(self, student, rng):
        y_hat, y = randn((5, 1), rng), randn((5, 1), rng)
        expect_close(student.squared_loss(y_hat, y), (y_hat - y) ** 2 / 2, VALUES,
                     hint=t("suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced"))

    def test_inputs_unchanged(self, student, rng):
        y_hat, y = randn((5, 1), rng), randn((5,), rng)
        call = student.run("squared_loss", y_hat.clone(), y.clone())
        expect_unchanged(call, [y_hat, y], ["y_hat", "y"])


def params_with_grads(rng, device="cpu", dtype=torch.float32):
    """(w, b) with random gradients. A tuple, not a list: an sgd that rebinds
    ``params[i]`` to a new tensor instead of updating it in place must fail."""
    params = (randn((3, 1), rng, device, dtype).requires_grad_(),
              randn((1,), rng, device, dtype).requires_grad_())
    for p in params:
        p.grad = randn(p.shape, rng, device, dtype)
    return params


@grades("sgd")
class TestSgd:
    def test_updates_parameters_in_place(self, student, rng, device, dtype):
        params = params_with_grads(rng, device, dtype)
        call = student.run("sgd", params, 0.03, 10)
        for name, before, after in zip(("w", "b"), params, call.args[0]):
            expected = (before.detach() - 0.03 * before.grad / 10)
            expect_close(after.detach(), expected, VALUES,
                         what=t("suite.ex03_linear_regression.after_the_step", name=name),
                         hint=t("suite.ex03_linear_regression.sgd.updates_parameters_in_place"))

    def test_zeroes_the_gradients(self, student, rng):
        params = params_with_grads(rng)
        for name, after in zip(("w", "b"), student.run("sgd", params, 0.1, 4).args[0]):
            if after.grad is not None and after.grad.abs().max() != 0:
                raise AssertionError(
                    t("suite.ex03_linear_regression.sgd.grad_not_zeroed", name=name))

    def test_returns_none_and_keeps_leaves(self, student, rng):
        params = params_with_grads(rng)
        call = student.run("sgd", params, 0.1, 4)
        if call.result is not None:
            raise AssertionError(t("suite.ex03_linear_regression.sgd.returns_something"))
        if not all(p.requires_grad for p in call.args[0]):
            raise AssertionError(t("suite.ex03_linear_regression.sgd.no_longer_requires_grad"))


@grades("train_linreg")
class TestTrainLinreg:
    def test_recovers_true_parameters(self, student, rng, device, dtype):
        X, y, true_w, true_b = regression_data(rng, device=device, dtype=dtype)
        w, b = student.run("train_linreg", X, y).result
        expect_tensor(w, shape=(2, 1), dtype=dtype, device=device, what="w")
        expect_tensor(b, shape=(1,), dtype=dtype, device=device, what="b")
        error = max((w.reshape(-1).cpu().double() - torch.tensor(true_w, dtype=torch.float64))
                    .abs().max().item(), abs(b.item() - true_b))
        if error > 0.02:
            raise AssertionError(t(
                "suite.ex03_linear_regression.train_linreg.far_from_true_parameters",
                w=w.reshape(-1).tolist(), b=b.tolist(), true_w=true_w, true_b=true_b))

    def test_initial_parameters(self, student, rng):
        # lr = 0: the parameters come back as they were drawn, w ~ N(0, 0.01), b = 0
        X, y, *_ = regression_data(rng, n=20)
        X = randn((20, 2000), rng)
        w, b = student.run("train_linreg", X, y, lr=0.0, num_epochs=1).result
        expect_tensor(w, shape=(2000, 1), dtype=X.dtype, what="w")
        expect_tensor(b, shape=(1,), dtype=X.dtype, what="b")
        std, mean = w.double().std().item(), w.double().mean().item()
        if not (0.009 < std < 0.011 and abs(mean) < 0.001) or b.abs().max() != 0:
            raise AssertionError(t("suite.ex03_linear_regression.train_linreg.initial_parameters",
                                   std=f"{std:.4g}", mean=f"{mean:.2g}", b=b.tolist()))

    def test_inputs_unchanged(self, student, rng):
        X, y, *_ = regression_data(rng, n=60)
        call = student.run("train_linreg", X.clone(), y.clone(), num_epochs=1)
        expect_unchanged(call, [X, y], ["features", "labels"])

    def test_returns_detached_tensors(self, student, rng):
        X, y, *_ = regression_data(rng, n=100)
        w, b = student.run("train_linreg", X, y, num_epochs=1).result
        if w.requires_grad or b.requires_grad:
            raise AssertionError(t("suite.ex03_linear_regression.train_linreg.not_detached"))

    def test_reproducible_with_a_generator(self, student, rng):
        X, y, *_ = regression_data(rng, n=200)
        first = student.run("train_linreg", X, y, generator=Gen(7)).result
        second = student.run("train_linreg", X, y, generator=Gen(7)).result
        for a, b in zip(first, second):
            if not torch.equal(a, b):
                raise AssertionError(
                    t("suite.ex03_linear_regression.train_linreg.not_reproducible"))


def least_squares(X, y):
    """(w [d, 1], b [1]) from lstsq in float64, in X's dtype and device."""
    A = torch.cat([X, torch.ones_like(X[:, :1])], 1).double().cpu()
    solution = torch.linalg.lstsq(A, y.double().cpu().reshape(-1, 1)).solution
    return solution[:-1].to(X.device, X.dtype), solution[-1].to(X.device, X.dtype)


@grades("normal_equation")
class TestNormalEquation:
    def test_matches_lstsq(self, student, rng, device, dtype):
        X, y, *_ = regression_data(rng, n=50, device=device, dtype=dtype, noise=0.5)
        w_ref, b_ref = least_squares(X, y)
        w, b = student.normal_equation(X, y)
        expect_close(w, w_ref, LOOSE, what="w")
        expect_close(b, b_ref, LOOSE, what="b")

    def test_labels_as_a_vector(self, student, rng):
        X, y, *_ = regression_data(rng, n=40, noise=0.5)
        w, b = least_squares(X, y)
        w2, b2 = student.normal_equation(X, y.reshape(-1))
        expect_close(w2, w, LOOSE,
                     what=t("suite.ex03_linear_regression.normal_equation.for_vector_labels",
                            name="w"))
        expect_close(b2, b, LOOSE,
                     what=t("suite.ex03_linear_regression.normal_equation.for_vector_labels",
                            name="b"))

    def test_exact_fit_without_noise(self, student, rng):
        X, y, true_w, true_b = regression_data(rng, n=30, dtype=torch.float64, noise=0.0)
        w, b = student.normal_equation(X, y)
        expect_close(w, torch.tensor(true_w, dtype=torch.float64).reshape(-1, 1), LOOSE, what="w")
        expect_close(b, torch.tensor([true_b], dtype=torch.float64), LOOSE, what="b")

    def test_inputs_unchanged(self, student, rng):
        X, y, *_ = regression_data(rng, n=30)
        call = student.run("normal_equation", X.clone(), y.clone())
        expect_unchanged(call, [X, y], ["X", "y"])
