"""Mutants and alternatives for ex06_mlp (a two-layer network, backprop by hand).

Each body is appended to a copy of solutions/ex06_mlp.py, so it sees that module's
imports (math, torch) and its other functions (init_mlp, mlp_forward, ...). A
replaced mlp_backward receives the solution's cache ``(X, h)``.
"""
import math  # noqa: F401  (the bodies use the solution module's imports)

import torch

from . import alternative, mutant

# -- init_mlp ---------------------------------------------------------------------------


@mutant("init_mlp", kills=["weights_centred", "he_scale"])
def init_mlp_rand_not_randn(in_features, hidden, out_features, generator=None,
                            dtype=torch.float32, device="cpu"):
    W1 = torch.rand(in_features, hidden, generator=generator, dtype=dtype)  # U(0, 1)
    W2 = torch.rand(hidden, out_features, generator=generator, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / in_features), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": W2 * math.sqrt(2 / hidden), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mutant("init_mlp", kills=["weights_normal"])
def init_mlp_kaiming_uniform(in_features, hidden, out_features, generator=None,
                             dtype=torch.float32, device="cpu"):
    def w(fan_in, fan_out):  # U(-sqrt(6 / fan_in), sqrt(6 / fan_in)): right std, wrong law
        bound = math.sqrt(6 / fan_in)
        return (torch.rand(fan_in, fan_out, generator=generator, dtype=dtype) * 2 - 1) * bound
    params = {"W1": w(in_features, hidden), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": w(hidden, out_features), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mutant("init_mlp", kills=["biases_zero"])
def init_mlp_small_random_biases(in_features, hidden, out_features, generator=None,
                                 dtype=torch.float32, device="cpu"):
    W1 = torch.randn(in_features, hidden, generator=generator, dtype=dtype)
    W2 = torch.randn(hidden, out_features, generator=generator, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / in_features),
              "b1": 0.01 * torch.randn(hidden, generator=generator, dtype=dtype),
              "W2": W2 * math.sqrt(2 / hidden),
              "b2": 0.01 * torch.randn(out_features, generator=generator, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mutant("init_mlp", kills=["reproducible_with_a_generator"])
def init_mlp_ignores_generator(in_features, hidden, out_features, generator=None,
                               dtype=torch.float32, device="cpu"):
    W1 = torch.randn(in_features, hidden, dtype=dtype)  # torch's global RNG every time
    W2 = torch.randn(hidden, out_features, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / in_features), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": W2 * math.sqrt(2 / hidden), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mutant("init_mlp", kills=["reproducible_with_a_generator"])
def init_mlp_reseeds_torch(in_features, hidden, out_features, generator=None,
                           dtype=torch.float32, device="cpu"):
    torch.manual_seed(0)  # "for reproducibility": every network is the same
    W1 = torch.randn(in_features, hidden, dtype=dtype)
    W2 = torch.randn(hidden, out_features, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / in_features), "b1": torch.zeros(hidden, dtype=dtype),
              "W2": W2 * math.sqrt(2 / hidden), "b2": torch.zeros(out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mutant("init_mlp", kills=["shapes_dtype_device"])
def init_mlp_bias_as_row(in_features, hidden, out_features, generator=None,
                         dtype=torch.float32, device="cpu"):
    W1 = torch.randn(in_features, hidden, generator=generator, dtype=dtype)
    W2 = torch.randn(hidden, out_features, generator=generator, dtype=dtype)
    params = {"W1": W1 * math.sqrt(2 / in_features), "b1": torch.zeros(1, hidden, dtype=dtype),
              "W2": W2 * math.sqrt(2 / hidden), "b2": torch.zeros(1, out_features, dtype=dtype)}
    return {k: v.to(device) for k, v in params.items()}


@mutant("init_mlp", kills=["shapes_dtype_device", "device_as_a_string"])
def init_mlp_ignores_dtype_and_device(in_features, hidden, out_features, generator=None,
                                      dtype=torch.float32, device="cpu"):
    W1 = torch.randn(in_features, hidden, generator=generator)  # always float32, CPU
    W2 = torch.randn(hidden, out_features, generator=generator)
    return {"W1": W1 * math.sqrt(2 / in_features), "b1": torch.zeros(hidden),
            "W2": W2 * math.sqrt(2 / hidden), "b2": torch.zeros(out_features).tolist()}


@alternative("init_mlp")
def init_mlp_normal_(in_features, hidden, out_features, generator=None, dtype=torch.float32,
                     device="cpu"):
    W1 = torch.empty(in_features, hidden, dtype=dtype)
    W1.normal_(0, math.sqrt(2 / in_features), generator=generator)
    W2 = torch.empty(hidden, out_features, dtype=dtype)
    W2.normal_(0, math.sqrt(2 / hidden), generator=generator)
    return {"W1": W1.to(device), "b1": torch.zeros(hidden, dtype=dtype, device=device),
            "W2": W2.to(device), "b2": torch.zeros(out_features, dtype=dtype, device=device)}


@alternative("init_mlp")
def init_mlp_torch_normal(in_features, hidden, out_features, generator=None,
                          dtype=torch.float32, device="cpu"):
    params = {}
    for i, (fan_in, fan_out) in enumerate([(in_features, hidden), (hidden, out_features)], 1):
        std = (2.0 / fan_in) ** 0.5
        params[f"W{i}"] = torch.normal(0.0, std, (fan_in, fan_out), generator=generator,
                                       dtype=dtype).to(device)
        params[f"b{i}"] = torch.zeros(fan_out, dtype=dtype).to(device)
    return params


# -- mlp_forward -------------------------------------------------------------------------


@mutant("mlp_forward", kills=["matches_reference"])
def mlp_forward_float32(X, params):
    X = X.float()  # "the weights are float32 anyway"
    p = {k: v.float() for k, v in params.items()}
    h = (X @ p["W1"] + p["b1"]).clamp_min(0)
    return h @ p["W2"] + p["b2"], (X, h)


@mutant("mlp_forward", kills=["batch_of_one"])
def mlp_forward_squeezed(X, params):
    h = (X @ params["W1"] + params["b1"]).clamp_min(0)
    return (h @ params["W2"] + params["b2"]).squeeze(), (X, h)


@alternative("mlp_forward")
def mlp_forward_relu_and_mask(X, params):
    a = X @ params["W1"] + params["b1"]
    h = torch.relu(a)
    return torch.addmm(params["b2"], h, params["W2"]), (X, h)


@alternative("mlp_forward")
def mlp_forward_where(X, params):
    a = torch.matmul(X, params["W1"]) + params["b1"]
    h = torch.where(a > 0, a, torch.zeros_like(a))
    return torch.matmul(h, params["W2"]) + params["b2"], (X, h)


# -- mlp_backward ------------------------------------------------------------------------


@mutant("mlp_backward", kills=["bias_gradients_summed_over_the_batch"])
def mlp_backward_b1_before_mask(dscores, cache, params):
    X, h = cache
    dh = dscores @ params["W2"].T
    da = dh * (h > 0)
    return {"W1": X.T @ da, "b1": dh.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}


@mutant("mlp_backward", kills=["relu_mask_from_the_forward_pass"])
def mlp_backward_mask_at_zero(dscores, cache, params):
    X, h = cache
    a = X @ params["W1"] + params["b1"]  # recomputed pre-activation
    da = (dscores @ params["W2"].T) * (a >= 0)  # passes gradient at a == 0
    return {"W1": X.T @ da, "b1": da.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}


@alternative("mlp_backward")
def mlp_backward_masked_fill(dscores, cache, params):
    X, h = cache
    dh = torch.matmul(dscores, params["W2"].t())
    da = dh.masked_fill(h <= 0, 0)
    ones = torch.ones(X.shape[0], dtype=X.dtype, device=X.device)
    return {"W2": torch.einsum("nh,nc->hc", h, dscores), "b2": ones @ dscores,
            "W1": torch.einsum("nd,nh->dh", X, da), "b1": ones @ da}


@alternative("mlp_backward")
def mlp_backward_where(dscores, cache, params):
    X, h = cache
    dh = dscores @ params["W2"].T
    da = torch.where(h > 0, dh, torch.zeros_like(dh))
    return {"W1": X.T @ da, "b1": da.sum(dim=0), "W2": h.T @ dscores,
            "b2": dscores.sum(dim=0)}


# -- mlp_loss_and_grads ------------------------------------------------------------------


@mutant("mlp_loss_and_grads", kills=["loss_matches_cross_entropy"])
def mlp_loss_and_grads_python_float(X, y, params):
    N = X.shape[0]
    scores, cache = mlp_forward(X, params)
    z = scores - scores.amax(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = (z.exp().sum(1).log() - z[rows, y]).mean().item()
    dscores = z.exp() / z.exp().sum(1, keepdim=True)
    dscores[rows, y] -= 1
    return loss, mlp_backward(dscores / N, cache, params)


@alternative("mlp_loss_and_grads")
def mlp_loss_and_grads_log_softmax(X, y, params):
    scores, cache = mlp_forward(X, params)
    logp = scores.log_softmax(dim=1)
    N = X.shape[0]
    loss = -logp.gather(1, y.unsqueeze(1)).mean()
    onehot = torch.zeros_like(scores).scatter_(1, y.unsqueeze(1), 1.0)
    return loss, mlp_backward((logp.exp() - onehot) / N, cache, params)


@alternative("mlp_loss_and_grads")
def mlp_loss_and_grads_logsumexp(X, y, params):
    scores, cache = mlp_forward(X, params)
    lse = torch.logsumexp(scores, dim=1, keepdim=True)
    rows = torch.arange(X.shape[0], device=X.device)
    loss = (lse.squeeze(1) - scores[rows, y]).sum() / X.shape[0]
    dscores = torch.exp(scores - lse)
    dscores[rows, y] = dscores[rows, y] - 1
    return loss, mlp_backward(dscores / X.shape[0], cache, params)


# -- train_mlp ---------------------------------------------------------------------------


@mutant("train_mlp", kills=["fits_the_spiral"])
def train_mlp_small_default_lr(X, y, hidden=64, lr=0.01, epochs=1000, generator=None):
    C = int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, C, generator=generator, dtype=X.dtype, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= lr * grads[name]
    return params


@mutant("train_mlp", kills=["reproducible_with_a_generator", "gradient_descent_steps"])
def train_mlp_ignores_generator(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    C = int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, C, dtype=X.dtype, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= lr * grads[name]
    return params


@mutant("train_mlp", kills=["shapes_dtype_device"])
def train_mlp_default_dtype(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    C = int(y.max()) + 1
    X = X.float()  # init_mlp's default dtype; the result is float32 for float64 data
    params = init_mlp(X.shape[1], hidden, C, generator=generator, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= lr * grads[name]
    return params


@mutant("train_mlp", kills=["inputs_unchanged"])
def train_mlp_centres_x_in_place(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    C = int(y.max()) + 1
    X -= X.mean(0)  # centre the features (the caller's X)
    params = init_mlp(X.shape[1], hidden, C, generator=generator, dtype=X.dtype, device=X.device)
    for _ in range(epochs):
        _, grads = mlp_loss_and_grads(X, y, params)
        for name, p in params.items():
            p -= lr * grads[name]
    return params


@alternative("train_mlp")
def train_mlp_new_dicts(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    params = init_mlp(X.shape[1], hidden, int(y.max().item()) + 1, generator, X.dtype, X.device)
    for epoch in range(epochs):
        loss, grads = mlp_loss_and_grads(X, y, params)
        params = {name: params[name] - lr * grads[name] for name in params}
    return params


@alternative("train_mlp")
def train_mlp_cs231n_loop(X, y, hidden=64, lr=1.0, epochs=1000, generator=None):
    # CS231n's spiral notebook: the whole forward and backward pass written out in the
    # loop, a loss printed every 100 iterations (Note [Time limits]: its slowest honest form)
    N, K = X.shape[0], int(y.max()) + 1
    params = init_mlp(X.shape[1], hidden, K, generator=generator, dtype=X.dtype, device=X.device)
    W, b, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    rows = torch.arange(N, device=X.device)
    for i in range(epochs):
        hidden_layer = torch.clamp(X @ W + b, min=0)
        scores = hidden_layer @ W2 + b2
        exp_scores = torch.exp(scores - scores.max(dim=1, keepdim=True).values)
        probs = exp_scores / exp_scores.sum(dim=1, keepdim=True)
        loss = -torch.log(probs[rows, y]).sum() / N
        if i % 100 == 0:
            print(f"iteration {i}: loss {loss.item():f}")
        dscores = probs.clone()
        dscores[rows, y] -= 1
        dscores /= N
        dW2 = hidden_layer.T @ dscores
        db2 = dscores.sum(dim=0)
        dhidden = dscores @ W2.T
        dhidden[hidden_layer <= 0] = 0
        dW = X.T @ dhidden
        db = dhidden.sum(dim=0)
        W += -lr * dW
        b += -lr * db
        W2 += -lr * dW2
        b2 += -lr * db2
    return {"W1": W, "b1": b, "W2": W2, "b2": b2}


@mutant("mlp_backward", kills=["matches_autograd", "relu_mask_from_the_forward_pass"])
def mlp_backward_mask_from_output_ge(dscores, cache, params):
    X, h = cache
    da = (dscores @ params["W2"].T) * (h >= 0)  # h = relu(a) >= 0 always: no mask at all
    return {"W1": X.T @ da, "b1": da.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}


@mutant("mlp_forward", kills=["inputs_unchanged"])
def mlp_forward_row_bias_in_place(X, params):
    if params["b1"].dim() == 1:
        params["b1"].unsqueeze_(0)  # CS231n's [1, H] row bias, in the caller's dict
        params["b2"].unsqueeze_(0)
    h = (X @ params["W1"] + params["b1"]).clamp_min(0)
    return h @ params["W2"] + params["b2"], (X, h)


@mutant("mlp_backward", kills=["inputs_unchanged"])
def mlp_backward_transposes_w2_in_place(dscores, cache, params):
    X, h = cache
    dh = dscores @ params["W2"].t_()  # the caller's W2 is transposed for good
    da = dh * h.sign()
    return {"W1": X.T @ da, "b1": da.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}


@mutant("mlp_loss_and_grads", kills=["inputs_unchanged"])
def mlp_loss_and_grads_shifts_b2_in_place(X, y, params):
    N = X.shape[0]
    scores, _ = mlp_forward(X, params)
    params["b2"].sub_(scores.detach().max())  # a "stable" shift: softmax ignores it
    scores, cache = mlp_forward(X, params)
    z = scores - scores.amax(1, keepdim=True)
    e = z.exp()
    s = e.sum(1, keepdim=True)
    rows = torch.arange(N, device=X.device)
    loss = (s.log().squeeze(1) - z[rows, y]).mean()
    dscores = e / s
    dscores[rows, y] -= 1
    dscores /= N
    return loss, mlp_backward(dscores, cache, params)
