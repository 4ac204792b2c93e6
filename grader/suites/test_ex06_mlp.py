"""Hidden checks for ex06_mlp: a two-layer network, backprop by hand.

Shapes give every axis its own size (N=7, D=5, H=11, C=3), so a transposed product
cannot pass by accident. Gradients are compared with float64 autograd at 1e-10;
mlp_backward is graded through the student's own mlp_forward (its cache is theirs).
"""
import pytest
import torch
import torch.nn.functional as F

from .common import SUMS, VALUES, Gen, expect_close, expect_tensor, expect_unchanged, grades, \
    randn
from grader.i18n import t

MODULE = "ex06_mlp"
N, D, H, C = 7, 5, 11, 3
NAMES = ("W1", "b1", "W2", "b2")
# hand-written gradients against float64 autograd: 1e-10 in float64; float32 keeps ~5 digits
GRADS = {torch.float32: (1e-5, 1e-5), torch.float64: (0.0, 1e-10)}
HINTS = {name: t(f"suite.ex06_mlp.grad_hint.{name}") for name in NAMES}
SHAPE_HINTS = {"W1": "[D, H] = X^T @ da", "b1": "[H]", "W2": "[H, C] = h^T @ dscores",
               "b2": "[C]"}


def random_params(rng, device="cpu", dtype=torch.float32, d=D, h=H, c=C):
    return {"W1": randn((d, h), rng, device, dtype), "b1": randn((h,), rng, device, dtype),
            "W2": randn((h, c), rng, device, dtype), "b2": randn((c,), rng, device, dtype)}


def forward_reference(X, params):
    """scores in float64 with torch.relu (gradient 0 at 0), differentiable in float64 params."""
    p = {k: v.double() for k, v in params.items()}
    return torch.relu(X.double() @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]


def backward_reference(X, params, dscores):
    """The gradients of sum(scores * dscores) by float64 autograd, in the input's dtype."""
    p = {k: v.detach().double().requires_grad_() for k, v in params.items()}
    forward_reference(X, p).backward(dscores.double())
    return {k: p[k].grad.to(params[k].dtype) for k in NAMES}


def loss_reference(X, y, params):
    """F.cross_entropy's mean loss and its gradients, float64 autograd, in X's dtype."""
    p = {k: v.detach().double().requires_grad_() for k, v in params.items()}
    loss = F.cross_entropy(forward_reference(X, p), y)
    loss.backward()
    return loss.detach().to(X.dtype), {k: p[k].grad.to(X.dtype) for k in NAMES}


def expect_grad_dict(grads, what=None):
    if not isinstance(grads, dict) or set(grads) != set(NAMES):
        keys = sorted(grads) if isinstance(grads, dict) else None
        raise AssertionError(t("suite.ex06_mlp.not_a_param_dict",
                               what=what or t("suite.ex06_mlp.the_gradients"),
                               got=keys if keys is not None else type(grads).__name__))


def expect_grads(grads, expected, tol=GRADS, names=NAMES, hint=None):
    expect_grad_dict(grads)
    for name in names:
        expect_close(grads[name], expected[name], tol, what=f"d{name}",
                     hint=hint or HINTS[name])


def student_backward(student, X, params, dscores):
    """mlp_backward(dscores, cache, params) with the cache of the student's own mlp_forward."""
    out = student.run("mlp_forward", X, params).result
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise AssertionError(t("suite.ex06_mlp.forward_pair_for_backward"))
    scores, cache = out
    try:
        expect_close(scores, forward_reference(X, params).to(X.dtype), SUMS, what="scores")
    except AssertionError as e:
        raise AssertionError(t("suite.ex06_mlp.forward_scores_wrong", error=e)) from None
    return student.mlp_backward(dscores, cache, params)


# -- init_mlp --------------------------------------------------------------------------
def expect_param_shapes(params, d, h, c, dtype, device):
    expect_grad_dict(params, t("suite.ex06_mlp.result_of", function="init_mlp"))
    for name, shape in zip(NAMES, [(d, h), (h,), (h, c), (c,)]):
        expect_tensor(params[name], shape=shape, dtype=dtype, device=device, what=name)


def large_init(student, rng):
    """init_mlp(400, 300, 200): 120 000 and 60 000 weights, enough for tight statistics."""
    seed = int(torch.randint(1 << 30, (1,), generator=rng))
    params = student.init_mlp(400, 300, 200, generator=Gen(seed))
    expect_param_shapes(params, 400, 300, 200, torch.float32, "cpu")
    return {k: v.double() for k, v in params.items()}


@grades("init_mlp")
class TestInitMlp:
    def test_shapes_dtype_device(self, student, device, dtype):
        params = student.init_mlp(D, H, C, generator=Gen(0), dtype=dtype, device=device)
        expect_param_shapes(params, D, H, C, dtype, device)

    def test_device_as_a_string(self, student):
        params = student.init_mlp(D, H, C, generator=Gen(0), device="cpu")
        expect_param_shapes(params, D, H, C, torch.float32, "cpu")

    @pytest.mark.parametrize("name,fan_in", [("W1", 400), ("W2", 300)])
    def test_he_scale(self, student, rng, name, fan_in):
        W = large_init(student, rng)[name]
        want = (2 / fan_in) ** 0.5
        if abs(W.std().item() / want - 1) > 0.03:
            raise AssertionError(t("suite.ex06_mlp.init_mlp.he_scale", name=name,
                                   std=f"{W.std().item():.4g}", fan_in=fan_in,
                                   want=f"{want:.4g}"))

    @pytest.mark.parametrize("name,fan_in", [("W1", 400), ("W2", 300)])
    def test_weights_centred(self, student, rng, name, fan_in):
        W = large_init(student, rng)[name]
        ratio = W.mean().item() / (2 / fan_in) ** 0.5
        if abs(ratio) > 0.03:
            raise AssertionError(t("suite.ex06_mlp.init_mlp.weights_centred", name=name,
                                   mean=f"{W.mean().item():.4g}"))

    def test_weights_normal(self, student, rng):
        W = large_init(student, rng)["W1"]
        z = (W - W.mean()) / W.std()
        kurtosis = (z ** 4).mean().item()
        if abs(kurtosis - 3) > 0.3:
            raise AssertionError(t("suite.ex06_mlp.init_mlp.weights_normal",
                                   kurtosis=f"{kurtosis:.3g}"))

    def test_biases_zero(self, student):
        params = student.init_mlp(D, H, C, generator=Gen(1))
        expect_grad_dict(params, t("suite.ex06_mlp.result_of", function="init_mlp"))
        for name in ("b1", "b2"):
            expect_tensor(params[name], what=name)
            if params[name].count_nonzero() != 0:
                raise AssertionError(t("suite.ex06_mlp.init_mlp.biases_zero", name=name,
                                       got=params[name].tolist()))

    def test_reproducible_with_a_generator(self, student, device):
        # the same seed gives the same weights on every device: drawn on the CPU, then moved
        first = student.init_mlp(D, H, C, generator=Gen(5), device=str(device))
        again = student.init_mlp(D, H, C, generator=Gen(5))
        other = student.init_mlp(D, H, C, generator=Gen(6))
        for params in (first, again, other):
            expect_grad_dict(params, t("suite.ex06_mlp.result_of", function="init_mlp"))
        for name in ("W1", "W2"):
            expect_tensor(first[name], what=name)
            if not torch.equal(first[name].cpu(), again[name]):
                raise AssertionError(t("suite.ex06_mlp.init_mlp.same_seed_differs", name=name,
                                       device=repr(str(device))))
            if torch.equal(first[name].cpu(), other[name]):
                raise AssertionError(t("suite.ex06_mlp.init_mlp.other_seed_same", name=name))


# -- mlp_forward -----------------------------------------------------------------------
@grades("mlp_forward")
class TestMlpForward:
    def test_matches_reference(self, student, rng, device, dtype):
        X, params = randn((N, D), rng, device, dtype), random_params(rng, device, dtype)
        out = student.mlp_forward(X, params)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise AssertionError(t("suite.ex06_mlp.forward_pair"))
        expect_close(out[0], forward_reference(X, params).to(dtype), SUMS, what="scores",
                     hint=t("suite.ex06_mlp.mlp_forward.matches_reference"))

    def test_batch_of_one(self, student, rng):
        X, params = randn((1, D), rng), random_params(rng)
        out = student.mlp_forward(X, params)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise AssertionError(t("suite.ex06_mlp.forward_pair"))
        expect_close(out[0], forward_reference(X, params).float(), SUMS, what="scores",
                     hint=t("suite.ex06_mlp.mlp_forward.batch_of_one"))

    def test_inputs_unchanged(self, student, rng):
        X, params = randn((N, D), rng), random_params(rng)
        call = student.run("mlp_forward", X.clone(), {k: v.clone() for k, v in params.items()})
        expect_unchanged(call, [X, params], ["X", "params"])


# -- mlp_backward ----------------------------------------------------------------------
@grades("mlp_backward")
class TestMlpBackward:
    def test_matches_autograd(self, student, rng, device, dtype):
        X, params = randn((N, D), rng, device, dtype), random_params(rng, device, dtype)
        dscores = randn((N, C), rng, device, dtype)
        grads = student_backward(student, X, params, dscores)
        expect_grads(grads, backward_reference(X, params, dscores))

    def test_gradient_shapes(self, student, rng):
        X, params = randn((N, D), rng), random_params(rng)
        grads = student_backward(student, X, params, randn((N, C), rng))
        expect_grad_dict(grads)
        for name in NAMES:
            expect_tensor(grads[name], shape=params[name].shape, what=f"d{name}")
            if grads[name].shape != params[name].shape:
                raise AssertionError(t("suite.ex06_mlp.mlp_backward.gradient_shape", name=name,
                                   shape=SHAPE_HINTS[name]))

    def test_bias_gradients_summed_over_the_batch(self, student, rng, dtype):
        X, params = randn((N, D), rng, dtype=dtype), random_params(rng, dtype=dtype)
        dscores = randn((N, C), rng, dtype=dtype)
        grads = student_backward(student, X, params, dscores)
        expect_grads(grads, backward_reference(X, params, dscores), names=("b2", "b1"))

    def test_relu_mask_from_the_forward_pass(self, student, rng, dtype):
        # small integers: many pre-activations X @ W1 + b1 are negative and some exactly 0,
        # where PyTorch's ReLU (and this exercise) pass no gradient
        def ints(shape, low, high):
            return torch.randint(low, high + 1, shape, generator=rng).to(dtype)
        X, W1, b1 = ints((N, D), -2, 2), ints((D, H), -1, 1), ints((H,), -1, 1)
        params = {"W1": W1, "b1": b1, "W2": randn((H, C), rng, dtype=dtype),
                  "b2": randn((C,), rng, dtype=dtype)}
        dscores = randn((N, C), rng, dtype=dtype)
        grads = student_backward(student, X, params, dscores)
        expect_grads(grads, backward_reference(X, params, dscores), names=("W1", "b1"))

    def test_inputs_unchanged(self, student, rng):
        X, params = randn((N, D), rng), random_params(rng)
        dscores = randn((N, C), rng)
        out = student.run("mlp_forward", X, params).result
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise AssertionError(t("suite.ex06_mlp.forward_pair_for_backward"))
        call = student.run("mlp_backward", dscores.clone(), out[1],
                           {k: v.clone() for k, v in params.items()})
        expect_unchanged(call, [dscores, None, params], ["dscores", "cache", "params"])


# -- mlp_loss_and_grads ----------------------------------------------------------------
def classification_batch(rng, device="cpu", dtype=torch.float32, n=N):
    X, params = randn((n, D), rng, device, dtype), random_params(rng, device, dtype)
    y = torch.randint(C, (n,), generator=rng).to(device)
    return X, y, params


def loss_and_grads(student, X, y, params):
    out = student.mlp_loss_and_grads(X, y, params)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise AssertionError(t("suite.ex06_mlp.loss_and_grads_pair"))
    return out


@grades("mlp_loss_and_grads")
class TestMlpLossAndGrads:
    def test_loss_matches_cross_entropy(self, student, rng, device, dtype):
        X, y, params = classification_batch(rng, device, dtype)
        loss, _ = loss_and_grads(student, X, y, params)
        expect_close(loss, loss_reference(X, y, params)[0], VALUES, what=t("suite.ex06_mlp.the_loss"),
                     hint=t("suite.ex06_mlp.mlp_loss_and_grads.loss_matches_cross_entropy"))

    def test_grads_match_autograd(self, student, rng, device, dtype):
        X, y, params = classification_batch(rng, device, dtype)
        _, grads = loss_and_grads(student, X, y, params)
        expect_grads(grads, loss_reference(X, y, params)[1],
                     hint=t("suite.ex06_mlp.mlp_loss_and_grads.grads_match_autograd"))

    def test_large_scores_stable(self, student, rng, dtype):
        X, y, params = classification_batch(rng, dtype=dtype)
        params["W2"] = params["W2"] * 1000   # scores in the thousands: exp overflows
        loss, grads = loss_and_grads(student, X, y, params)
        want_loss, want_grads = loss_reference(X, y, params)
        big = (1e-5, 1e-3) if dtype == torch.float32 else (1e-10, 1e-7)
        expect_close(loss, want_loss, big, what=t("suite.ex06_mlp.the_loss_at_large_scores"),
                     hint=t("suite.ex06_mlp.mlp_loss_and_grads.large_scores_stable"))
        expect_grads(grads, want_grads, big)

    def test_inputs_unchanged(self, student, rng):
        X, y, params = classification_batch(rng)
        call = student.run("mlp_loss_and_grads", X.clone(), y.clone(),
                           {k: v.clone() for k, v in params.items()})
        expect_unchanged(call, [X, y, params], ["X", "y", "params"])


# -- train_mlp -------------------------------------------------------------------------
def spiral(points=100, classes=3, seed=0):
    """CS231n's spiral: arm j at radius linspace(0, 1), angle linspace(4j, 4j+4) + N(0, 0.2)."""
    g = torch.Generator().manual_seed(seed)
    X, y = [], []
    for j in range(classes):
        r = torch.linspace(0, 1, points, dtype=torch.float64)
        t = torch.linspace(4 * j, 4 * j + 4, points, dtype=torch.float64) \
            + 0.2 * torch.randn(points, generator=g, dtype=torch.float64)
        X.append(torch.stack([r * torch.sin(t), r * torch.cos(t)], 1))
        y.append(torch.full((points,), j, dtype=torch.long))
    return torch.cat(X).float(), torch.cat(y)


def expect_params(params, d, h, c, dtype, device):
    expect_grad_dict(params, t("suite.ex06_mlp.result_of", function="train_mlp"))
    for name, shape in zip(NAMES, [(d, h), (h,), (h, c), (c,)]):
        expect_tensor(params[name], shape=shape, dtype=dtype, device=device, what=name)


@grades("train_mlp")
class TestTrainMlp:
    def test_fits_the_spiral(self, student):
        X, y = spiral()
        params = student.run("train_mlp", X, y, generator=Gen(0)).result
        expect_params(params, 2, 64, 3, torch.float32, "cpu")
        with torch.no_grad():
            right = int((forward_reference(X, params).argmax(1) == y).sum())
        if right < 285:
            raise AssertionError(t("suite.ex06_mlp.train_mlp.fits_the_spiral", right=right))

    def test_shapes_dtype_device(self, student, device, dtype):
        # fixed inputs, not the run's: zeros of the right shapes pass this check, so it
        # must count only beside a seeded check of the values (scoring.py)
        X = randn((12, 3), torch.Generator().manual_seed(5), device, dtype)
        y = torch.arange(12).remainder(4).to(device)
        params = student.run("train_mlp", X, y, hidden=5, epochs=3, generator=Gen(1)).result
        expect_params(params, 3, 5, 4, dtype, device)

    def test_gradient_descent_steps(self, student, rng):
        X = randn((12, 3), rng)
        y = torch.arange(12).remainder(4)
        init = student.init_mlp(3, 5, 4, generator=Gen(2))
        expect_grad_dict(init, t("suite.ex06_mlp.result_of", function="init_mlp"))
        trained = student.run("train_mlp", X, y, hidden=5, lr=0.5, epochs=2, generator=Gen(2)).result
        expect_grad_dict(trained, t("suite.ex06_mlp.result_of", function="train_mlp"))
        want = {k: v.double() for k, v in init.items()}
        for _ in range(2):
            _, grads = loss_reference(X.double(), y, want)
            want = {k: want[k] - 0.5 * grads[k] for k in NAMES}
        for name in NAMES:
            expect_close(trained[name], want[name].float(), SUMS, what=t("suite.ex06_mlp.after_two_epochs", name=name),
                         hint=t("suite.ex06_mlp.train_mlp.gradient_descent_steps"))

    def test_reproducible_with_a_generator(self, student, rng):
        X = randn((12, 3), rng)
        y = torch.arange(12).remainder(4)
        first = student.run("train_mlp", X, y, hidden=5, epochs=3, generator=Gen(3)).result
        second = student.run("train_mlp", X, y, hidden=5, epochs=3, generator=Gen(3)).result
        expect_grad_dict(first, t("suite.ex06_mlp.result_of", function="train_mlp"))
        expect_grad_dict(second, t("suite.ex06_mlp.result_of", function="train_mlp"))
        for name in NAMES:
            if not torch.equal(first[name], second[name]):
                raise AssertionError(t("suite.ex06_mlp.train_mlp.same_generator_differs",
                                       name=name))

    def test_inputs_unchanged(self, student, rng):
        X = randn((12, 3), rng)
        y = torch.arange(12).remainder(4)
        call = student.run("train_mlp", X.clone(), y.clone(), hidden=5, epochs=3,
                           generator=Gen(4))
        expect_unchanged(call, [X, y], ["X", "y"])
