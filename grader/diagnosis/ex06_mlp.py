"""Classic mistakes in ex06_mlp (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("init_mlp", kills=["he_scale"])
def init_mlp_xavier(in_features, hidden, out_features, generator=None, dtype=torch.float32,
                    device="cpu"):
    def w(fan_in, fan_out):  # Glorot: sqrt(2 / (fan_in + fan_out)), made for tanh
        return torch.randn(fan_in, fan_out, generator=generator, dtype=dtype) \
            * math.sqrt(2 / (fan_in + fan_out))
    params = {"W1": w(in_features, hidden), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": w(hidden, out_features), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mistake("init_mlp", kills=["he_scale"])
def init_mlp_fan_out(in_features, hidden, out_features, generator=None, dtype=torch.float32,
                     device="cpu"):
    W1 = torch.randn(in_features, hidden, generator=generator, dtype=dtype)
    W2 = torch.randn(hidden, out_features, generator=generator, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / hidden), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": W2 * math.sqrt(2 / out_features), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mistake("init_mlp", kills=["he_scale"])
def init_mlp_variance_not_std(in_features, hidden, out_features, generator=None,
                              dtype=torch.float32, device="cpu"):
    W1 = torch.randn(in_features, hidden, generator=generator, dtype=dtype)
    W2 = torch.randn(hidden, out_features, generator=generator, dtype=dtype)
    params = {"W1": W1 * (2 / in_features), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": W2 * (2 / hidden), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mistake("init_mlp", kills=["shapes_dtype_device", "example_shapes_and_zero_biases"])
def init_mlp_nn_linear_layout(in_features, hidden, out_features, generator=None,
                              dtype=torch.float32, device="cpu"):
    W1 = torch.randn(hidden, in_features, generator=generator, dtype=dtype)  # [out, in]
    W2 = torch.randn(out_features, hidden, generator=generator, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / in_features), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": W2 * math.sqrt(2 / hidden), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mistake("mlp_forward", kills=["matches_reference", "batch_of_one", "example_scores"])
def mlp_forward_no_relu(X, params):
    h = X @ params["W1"] + params["b1"]  # a linear model in disguise
    return h @ params["W2"] + params["b2"], (X, h)


@mistake("mlp_forward", kills=["matches_reference"])
def mlp_forward_relu_on_scores_too(X, params):
    h = (X @ params["W1"] + params["b1"]).clamp_min(0)
    return (h @ params["W2"] + params["b2"]).clamp_min(0), (X, h)


@mistake("mlp_forward", kills=["matches_reference"])
def mlp_forward_bias_after_relu(X, params):
    h = (X @ params["W1"]).clamp_min(0) + params["b1"]
    return h @ params["W2"] + params["b2"], (X, h)


@mistake("mlp_backward", kills=["matches_autograd", "bias_gradients_summed_over_the_batch", "example_gradients"])
def mlp_backward_bias_mean(dscores, cache, params):
    X, h = cache
    dh = dscores @ params["W2"].T
    da = dh * (h > 0)
    return {"W1": X.T @ da, "b1": da.mean(0), "W2": h.T @ dscores, "b2": dscores.mean(0)}


@mistake("mlp_backward", kills=["bias_gradients_summed_over_the_batch", "gradient_shapes"])
def mlp_backward_bias_not_summed(dscores, cache, params):
    X, h = cache
    da = (dscores @ params["W2"].T) * (h > 0)
    return {"W1": X.T @ da, "b1": da, "W2": h.T @ dscores, "b2": dscores}  # [N, H], [N, C]


@mistake("mlp_backward", kills=["matches_autograd", "relu_mask_from_the_forward_pass"])
def mlp_backward_no_relu_mask(dscores, cache, params):
    X, h = cache
    da = dscores @ params["W2"].T
    return {"W1": X.T @ da, "b1": da.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}
@mistake("mlp_backward", kills=["matches_autograd"])
def mlp_backward_dW2_from_preactivation(dscores, cache, params):
    X, h = cache
    a = X @ params["W1"] + params["b1"]
    da = (dscores @ params["W2"].T) * (a > 0)
    return {"W1": X.T @ da, "b1": da.sum(0), "W2": a.T @ dscores, "b2": dscores.sum(0)}


@mistake("mlp_backward", kills=["gradient_shapes", "matches_autograd"])
def mlp_backward_transposed_dW1(dscores, cache, params):
    X, h = cache
    da = (dscores @ params["W2"].T) * (h > 0)
    return {"W1": da.T @ X, "b1": da.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}


@mistake("mlp_loss_and_grads", kills=["loss_matches_cross_entropy", "example_loss_and_gradients"])
def mlp_loss_and_grads_summed_loss(X, y, params):
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)
    z = scores - scores.amax(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = (z.exp().sum(1).log() - z[rows, y]).sum()  # not averaged
    dscores = z.exp() / z.exp().sum(1, keepdim=True)
    dscores[rows, y] -= 1
    return loss, mlp_backward(dscores / N, cache, params)


@mistake("mlp_loss_and_grads", kills=["grads_match_autograd", "large_scores_stable"])
def mlp_loss_and_grads_not_divided_by_n(X, y, params):
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)
    z = scores - scores.amax(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = (z.exp().sum(1).log() - z[rows, y]).mean()
    dscores = z.exp() / z.exp().sum(1, keepdim=True)
    dscores[rows, y] -= 1  # the gradient of the summed loss
    return loss, mlp_backward(dscores, cache, params)


@mistake("mlp_loss_and_grads", kills=["grads_match_autograd"])
def mlp_loss_and_grads_divided_by_n_twice(X, y, params):
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)
    z = scores - scores.amax(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = (z.exp().sum(1).log() - z[rows, y]).mean()
    dscores = z.exp() / z.exp().sum(1, keepdim=True)
    dscores[rows, y] -= 1
    dscores /= N
    grads = mlp_backward(dscores, cache, params)
    return loss, {k: g / N for k, g in grads.items()}  # "the mean over the batch" again


@mistake("mlp_loss_and_grads", kills=["grads_match_autograd"])
def mlp_loss_and_grads_no_one_hot(X, y, params):
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)
    z = scores - scores.amax(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = (z.exp().sum(1).log() - z[rows, y]).mean()
    dscores = z.exp() / z.exp().sum(1, keepdim=True)  # forgot: minus one_hot(y)
    return loss, mlp_backward(dscores / N, cache, params)


@mistake("mlp_loss_and_grads", kills=["large_scores_stable"])
def mlp_loss_and_grads_unstable(X, y, params):
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)
    e = scores.exp()  # overflows to inf for scores above ~88 (float32)
    p = e / e.sum(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = -p[rows, y].log().mean()
    dscores = p.clone()
    dscores[rows, y] -= 1
    return loss, mlp_backward(dscores / N, cache, params)


@mistake("train_mlp", kills=["fits_the_spiral", "gradient_descent_steps"])
def train_mlp_too_few_epochs(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    C = int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, C, generator=generator, dtype=X.dtype, device=X.device)
    for _ in range(epochs // 10):  # "an epoch is ten steps"
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= lr * grads[name]
    return params


@mistake("train_mlp", kills=["gradient_descent_steps", "example_two_epochs"])
def train_mlp_ignores_lr(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    C = int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, C, generator=generator, dtype=X.dtype, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= grads[name]  # the default lr is 1.0 ...
    return params


@mistake("train_mlp", kills=["gradient_descent_steps"])
def train_mlp_biases_frozen(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    C = int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, C, generator=generator, dtype=X.dtype, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        params["W1"] -= lr * grads["W1"]
        params["W2"] -= lr * grads["W2"]
    return params
