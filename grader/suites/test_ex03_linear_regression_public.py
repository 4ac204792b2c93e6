"""Public checks for ex03_linear_regression: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (other
sizes, dtypes, devices, statistics of the random parts and edge cases).
"""
import pytest
import torch

from .common import SUMS, VALUES, expect_close, expect_tensor, grades
from grader.i18n import t

MODULE = "ex03_linear_regression"
pytestmark = pytest.mark.public
W, B = [1.5, -0.5], 1.0
LOOSE = {torch.float32: (1e-4, 1e-4), torch.float64: (1e-7, 1e-7)}


def wave_features(n):
    """n rows of two deterministic features in [-1.5, 1.5] (no random numbers)."""
    i = torch.arange(n, dtype=torch.float64)
    return torch.stack([1.5 * torch.sin(1.3 * i), 1.5 * torch.cos(0.7 * i)], 1)


@grades("synthetic_data")
def test_example_shapes_and_noise(student):
    X, y = student.synthetic_data(torch.tensor(W), B, 500)   # as d2l calls it
    expect_tensor(X, shape=(500, 2), dtype=torch.float32, what="X")
    expect_tensor(y, shape=(500, 1), dtype=torch.float32,
                  what=t("suite.ex03_linear_regression.public.y_reshaped"))
    noise = y.reshape(-1) - (X @ torch.tensor(W) + B)
    if not (abs(noise.mean()) < 0.005 and 0.007 < noise.std() < 0.013):
        raise AssertionError(t("suite.ex03_linear_regression.public.noise",
                               mean=f"{noise.mean():.3g}", std=f"{noise.std():.3g}"))


@grades("data_iter")
def test_example_twelve_rows_in_batches_of_five(student):
    i = torch.arange(12.0)
    features, labels = torch.stack([i, -i], 1), i.reshape(-1, 1)
    batches = list(student.data_iter(5, features, labels))
    sizes = [len(X) for X, _ in batches]
    if sizes != [5, 5, 2]:
        raise AssertionError(t("suite.ex03_linear_regression.public.batch_sizes",
                               sizes=sizes, expected=[5, 5, 2]))
    for X, y in batches:
        if not torch.equal(X[:, 0], y.reshape(-1)):
            raise AssertionError(
                t("suite.ex03_linear_regression.public.features_with_other_labels"))
    seen = torch.cat([y.reshape(-1) for _, y in batches]).sort().values
    if not torch.equal(seen, i):
        raise AssertionError(t("suite.ex03_linear_regression.public.each_example_once"))


@grades("linreg")
def test_example_three_rows(student):
    X = torch.arange(6.0).reshape(3, 2)
    w, b = torch.tensor([[1.0], [2.0]]), torch.tensor([0.5])
    expect_close(student.linreg(X, w, b), X @ w + b, SUMS,
                 hint=t("suite.ex03_linear_regression.public.linreg_formula"))


@grades("squared_loss")
def test_example_three_losses(student):
    y_hat, y = torch.tensor([[1.0], [2.0], [4.0]]), torch.tensor([1.5, 2.0, 3.0])
    expected = (y_hat - y.reshape(-1, 1)) ** 2 / 2
    expect_close(student.squared_loss(y_hat, y), expected, VALUES,
                 hint=t("suite.ex03_linear_regression.public.squared_loss_formula"))


@grades("sgd")
def test_example_one_step(student):
    w = torch.tensor([[1.0], [2.0]], requires_grad=True)
    b = torch.tensor([0.5], requires_grad=True)
    w.grad, b.grad = torch.tensor([[0.5], [-1.0]]), torch.tensor([2.0])
    call = student.run("sgd", (w, b), 0.1, 2)
    for name, before, after in zip(("w", "b"), (w, b), call.args[0]):
        expect_close(after.detach(), before.detach() - 0.1 * before.grad / 2, VALUES,
                     what=t("suite.ex03_linear_regression.public.after_the_step", name=name),
                     hint=t("suite.ex03_linear_regression.public.sgd_step"))


@grades("train_linreg")
def test_example_recovers_w_and_b(student):
    X = wave_features(1000).float()
    y = (X.double() @ torch.tensor(W, dtype=torch.float64) + B).float().reshape(-1, 1)
    w, b = student.run("train_linreg", X, y).result
    expect_tensor(w, shape=(2, 1), what="w")
    expect_tensor(b, shape=(1,), what="b")
    expect_close(w.detach(), torch.tensor(W).reshape(2, 1), (0, 0.02),
                 what=t("suite.ex03_linear_regression.public.after_three_epochs", name="w"))
    expect_close(b.detach(), torch.tensor([B]), (0, 0.02),
                 what=t("suite.ex03_linear_regression.public.after_three_epochs", name="b"))


@grades("normal_equation")
def test_example_six_rows(student):
    X = wave_features(6)
    y = (X @ torch.tensor(W, dtype=torch.float64) + B + 0.1 * torch.cos(3.0 * X[:, 0]))[:, None]
    A = torch.cat([X, torch.ones(6, 1, dtype=X.dtype)], 1)
    solution = torch.linalg.lstsq(A, y).solution
    w, b = student.normal_equation(X, y)
    expect_close(w, solution[:-1], LOOSE, what="w")
    expect_close(b, solution[-1], LOOSE, what="b")
