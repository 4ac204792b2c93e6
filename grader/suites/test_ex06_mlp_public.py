"""Public checks for ex06_mlp: small worked examples, shipped to students.

`make grade` runs these; the instructor's grade also runs hidden checks (the
statistics of the initialisation, larger batches, dtypes, devices, a real
training run and edge cases).
"""
import pytest
import torch
import torch.nn.functional as F

from .common import SUMS, VALUES, Gen, expect_close, expect_tensor, grades
from grader.i18n import t

MODULE = "ex06_mlp"
pytestmark = pytest.mark.public
NAMES = ("W1", "b1", "W2", "b2")
GRADS = {torch.float32: (1e-5, 1e-5), torch.float64: (0.0, 1e-10)}
# 4 examples of 3 features, a hidden layer of 5, 2 classes; some pre-activations < 0
X = (torch.arange(12.0).reshape(4, 3) - 5) / 4
Y = torch.tensor([0, 1, 1, 0])
PARAMS = {"W1": (torch.arange(15.0).reshape(3, 5) % 4 - 1.5) / 2,
          "b1": torch.tensor([0.1, -0.2, 0.0, 0.3, -0.1]),
          "W2": (torch.arange(10.0).reshape(5, 2) % 3 - 1) / 2,
          "b2": torch.tensor([0.05, -0.05])}


def forward_reference(X, params):
    p = {k: v.double() for k, v in params.items()}
    return torch.relu(X.double() @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]


def autograd_grads(loss_of_scores, params):
    """The gradients of loss_of_scores(scores) for every parameter, by float64 autograd."""
    p = {k: v.detach().double().requires_grad_() for k, v in params.items()}
    loss = loss_of_scores(forward_reference(X, p))
    loss.backward()
    return loss.detach().float(), {k: p[k].grad.float() for k in NAMES}


def expect_grads(grads, expected):
    if not isinstance(grads, dict) or set(grads) != set(NAMES):
        raise AssertionError(t("suite.ex06_mlp.public.gradients_dict"))
    for name in NAMES:
        expect_close(grads[name], expected[name], GRADS, what=f"d{name}")


@grades("init_mlp")
def test_example_shapes_and_zero_biases(student):
    params = student.init_mlp(3, 5, 2, generator=Gen(0))
    if not isinstance(params, dict) or set(params) != set(NAMES):
        raise AssertionError(t("suite.ex06_mlp.public.returns_dict", function="init_mlp"))
    for name, shape in zip(NAMES, [(3, 5), (5,), (5, 2), (2,)]):
        expect_tensor(params[name], shape=shape, dtype=torch.float32, what=name)
    for name in ("b1", "b2"):
        if params[name].count_nonzero() != 0:
            raise AssertionError(t("suite.ex06_mlp.public.all_zeros", name=name,
                                   got=params[name].tolist()))


@grades("mlp_forward")
def test_example_scores(student):
    out = student.mlp_forward(X, PARAMS)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise AssertionError(t("suite.ex06_mlp.public.forward_pair"))
    expect_close(out[0], forward_reference(X, PARAMS).float(), SUMS, what="scores",
                 hint="scores = relu(X @ W1 + b1) @ W2 + b2")


@grades("mlp_backward")
def test_example_gradients(student):
    dscores = torch.tensor([[1.0, -1.0], [0.5, 2.0], [-1.5, 0.0], [0.25, 1.0]])
    out = student.mlp_forward(X, PARAMS)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise AssertionError(t("suite.ex06_mlp.public.forward_pair_for_backward"))
    _, expected = autograd_grads(lambda s: (s * dscores.double()).sum(), PARAMS)
    expect_grads(student.mlp_backward(dscores, out[1], PARAMS), expected)


@grades("mlp_loss_and_grads")
def test_example_loss_and_gradients(student):
    out = student.mlp_loss_and_grads(X, Y, PARAMS)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise AssertionError(t("suite.ex06_mlp.public.loss_and_grads_pair"))
    want_loss, want_grads = autograd_grads(lambda s: F.cross_entropy(s, Y), PARAMS)
    expect_close(out[0], want_loss, VALUES, what=t("suite.ex06_mlp.public.the_loss"),
                 hint=t("suite.ex06_mlp.public.mean_loss"))
    expect_grads(out[1], want_grads)


@grades("train_mlp")
def test_example_two_epochs(student):
    init = student.init_mlp(3, 5, 2, generator=Gen(1))
    trained = student.run("train_mlp", X, Y, hidden=5, lr=0.5, epochs=2, generator=Gen(1)).result
    for what, params in (("init_mlp", init), ("train_mlp", trained)):
        if not isinstance(params, dict) or set(params) != set(NAMES):
            raise AssertionError(t("suite.ex06_mlp.public.returns_dict", function=what))
    want = dict(init)
    for _ in range(2):
        _, grads = autograd_grads(lambda s: F.cross_entropy(s, Y), want)
        want = {k: want[k] - 0.5 * grads[k] for k in NAMES}
    for name in NAMES:
        expect_close(trained[name], want[name], SUMS,
                     what=t("suite.ex06_mlp.public.after_two_epochs", name=name),
                     hint=t("suite.ex06_mlp.public.two_epochs"))
