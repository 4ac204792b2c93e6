"""Mutants and alternatives for ex03_linear_regression (d2l.ai 3.4, from scratch).

Each body is appended to a copy of solutions/ex03_linear_regression.py, so it sees
that module's imports (torch) and helpers (_randn, data_iter, linreg, ...).
"""
import random  # noqa: F401  (the bodies import what they need themselves)

import numpy as np  # noqa: F401
import torch

from . import alternative, mutant

# -- synthetic_data -------------------------------------------------------------------


@mutant("synthetic_data", kills=["shapes_dtype_device"])
def synthetic_data_float64(w, b, num_examples, generator=None):
    X = torch.randn(num_examples, len(w), dtype=torch.float64, generator=generator)
    y = X @ w.double() + b + 0.01 * torch.randn(num_examples, dtype=torch.float64,
                                                 generator=generator)
    return X, y.reshape(-1, 1)


@mutant("synthetic_data", kills=["features_are_standard_normal"])
def synthetic_data_uniform_features(w, b, num_examples, generator=None):
    X = torch.rand(num_examples, len(w), generator=generator)
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape, generator=generator)
    return X, y.reshape((-1, 1))


@mutant("synthetic_data", kills=["features_are_standard_normal"])
def synthetic_data_one_column_repeated(w, b, num_examples, generator=None):
    x = torch.randn(num_examples, 1, generator=generator)
    X = x.repeat(1, len(w))  # every feature the same draw
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape, generator=generator)
    return X, y.reshape((-1, 1))


@mutant("synthetic_data", kills=["draws_fresh_samples"])
def synthetic_data_seeds_itself(w, b, num_examples, generator=None):
    if generator is None:  # "for reproducibility"
        generator = torch.Generator().manual_seed(42)
    X = torch.normal(0, 1, (num_examples, len(w)), generator=generator)
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape, generator=generator)
    return X, y.reshape((-1, 1))


@alternative("synthetic_data")
def synthetic_data_d2l(w, b, num_examples, generator=None):
    """d2l.ai's own code (it has no generator)."""
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


@alternative("synthetic_data")
def synthetic_data_randn_like(w, b, num_examples, generator=None):
    w = w.reshape(-1, 1)
    X = torch.randn(num_examples, w.shape[0], generator=generator, dtype=w.dtype).to(w.device)
    noise = torch.randn(num_examples, 1, generator=generator, dtype=w.dtype).to(w.device)
    return X, X @ w + b + 0.01 * noise


# -- data_iter --------------------------------------------------------------------------


@mutant("data_iter", kills=["every_example_once"])
def data_iter_samples_with_replacement(batch_size, features, labels, generator=None):
    n = len(features)
    for i in range(0, n, batch_size):
        batch = torch.randint(0, n, (min(batch_size, n - i),), generator=generator)
        batch = batch.to(features.device)
        yield features[batch], labels[batch]


@mutant("data_iter", kills=["shuffled_each_pass"])
def data_iter_fixed_seed(batch_size, features, labels, generator=None):
    if generator is None:
        generator = torch.Generator().manual_seed(0)  # same permutation every pass
    n = len(features)
    indices = torch.randperm(n, generator=generator).to(features.device)
    for i in range(0, n, batch_size):
        batch = indices[i: i + batch_size]
        yield features[batch], labels[batch]


@mutant("data_iter", kills=["features_stay_with_their_labels"])
def data_iter_shuffles_separately(batch_size, features, labels, generator=None):
    n = len(features)
    feature_order = torch.randperm(n, generator=generator).to(features.device)
    label_order = torch.randperm(n, generator=generator).to(features.device)
    for i in range(0, n, batch_size):
        yield features[feature_order[i: i + batch_size]], labels[label_order[i: i + batch_size]]


@mutant("data_iter", kills=["every_example_once", "features_stay_with_their_labels",
                            "shuffled_each_pass", "batches_on_the_data_device"])
def data_iter_numpy_batches(batch_size, features, labels, generator=None):
    import numpy as np
    n = len(features)
    indices = np.random.permutation(n)
    X, y = features.numpy(), labels.numpy()
    for i in range(0, n, batch_size):
        batch = indices[i: i + batch_size]
        yield X[batch], y[batch]  # NumPy arrays, not tensors


@alternative("data_iter")
def data_iter_d2l(batch_size, features, labels, generator=None):
    """d2l.ai's own code: Python's random.shuffle and torch.tensor indices."""
    import random
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i: min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


@alternative("data_iter")
def data_iter_split(batch_size, features, labels, generator=None):
    order = torch.randperm(len(features), generator=generator).to(features.device)
    yield from zip(features[order].split(batch_size), labels[order].split(batch_size))


# -- linreg -----------------------------------------------------------------------------


@mutant("linreg", kills=["matches_matmul"])
def linreg_f_linear(X, w, b):
    return torch.nn.functional.linear(X, w.T, b)


@mutant("linreg", kills=["matches_matmul"])
def linreg_float32(X, w, b):
    return X.float() @ w.float() + b.float()


@mutant("linreg", kills=["inputs_unchanged"])
def linreg_multiplies_in_place(X, w, b):
    X *= w.reshape(1, -1)  # X_ij * w_j, "saves a copy"
    return X.sum(dim=1, keepdim=True) + b


@alternative("linreg")
def linreg_d2l(X, w, b):
    return torch.matmul(X, w) + b


@alternative("linreg")
def linreg_addmm(X, w, b):
    return torch.addmm(b, X, w)


# -- squared_loss -----------------------------------------------------------------------


@mutant("squared_loss", kills=["matches_formula"])
def squared_loss_mse_loss(y_hat, y):
    return torch.nn.functional.mse_loss(y_hat, y.reshape(y_hat.shape), reduction="none") / 2


@mutant("squared_loss", kills=["inputs_unchanged"])
def squared_loss_subtracts_in_place(y_hat, y):
    y_hat -= y.reshape(y_hat.shape)
    return y_hat ** 2 / 2


@alternative("squared_loss")
def squared_loss_d2l(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


@alternative("squared_loss")
def squared_loss_view_as(y_hat, y):
    return 0.5 * (y_hat - y.view_as(y_hat)).pow(2)


# -- sgd --------------------------------------------------------------------------------


@mutant("sgd", kills=["updates_parameters_in_place", "zeroes_the_gradients",
                      "returns_none_and_keeps_leaves"])
def sgd_without_no_grad(params, lr, batch_size):
    for param in params:
        param -= lr * param.grad / batch_size  # in-place on a leaf that requires grad
        param.grad.zero_()


@mutant("sgd", kills=["returns_none_and_keeps_leaves"])
def sgd_returns_params(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()
    return params


@mutant("sgd", kills=["returns_none_and_keeps_leaves"])
def sgd_detaches_params(params, lr, batch_size):
    for param in params:
        param.detach_()  # "do not record the update"
        param -= lr * param.grad / batch_size
        param.grad.zero_()


@alternative("sgd")
def sgd_d2l(params, lr, batch_size):
    """d2l.ai's own code."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


@alternative("sgd")
def sgd_grad_to_none(params, lr, batch_size):
    with torch.no_grad():
        for p in params:
            p.sub_(p.grad, alpha=lr / batch_size)
            p.grad = None


@alternative("sgd")
def sgd_data(params, lr, batch_size):
    for p in params:
        p.data -= lr * p.grad.data / batch_size
        p.grad.data.zero_()


# -- train_linreg -----------------------------------------------------------------------


@mutant("train_linreg", kills=["reproducible_with_a_generator"])
def train_linreg_ignores_generator(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                                   generator=None):
    d = features.shape[1]
    w = torch.normal(0, 0.01, size=(d, 1), dtype=features.dtype).to(features.device)
    w.requires_grad_(True)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels):
            squared_loss(linreg(X, w, b), y).sum().backward()
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


@mutant("train_linreg", kills=["returns_detached_tensors"])
def train_linreg_not_detached(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                              generator=None):
    d = features.shape[1]
    w = (0.01 * _randn(d, 1, like=features, generator=generator)).requires_grad_(True)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).sum().backward()
            sgd([w, b], lr, batch_size)
    return w, b


@mutant("train_linreg", kills=["recovers_true_parameters"])
def train_linreg_float32_init(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                              generator=None):
    d = features.shape[1]
    w = torch.normal(0, 0.01, size=(d, 1), generator=generator).to(features.device)
    w.requires_grad_(True)
    b = torch.zeros(1, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).sum().backward()
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


@alternative("train_linreg")
def train_linreg_d2l_loop(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                          generator=None):
    net, loss = linreg, squared_loss
    w = torch.normal(0, 0.01, size=(features.shape[1], 1), generator=generator,
                     dtype=features.dtype).to(features.device).requires_grad_()
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            l = loss(net(X, w, b), y)
            l.sum().backward()
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


# -- normal_equation --------------------------------------------------------------------


@mutant("normal_equation", kills=["matches_lstsq", "labels_as_a_vector",
                                  "exact_fit_without_noise"])
def normal_equation_inv(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.inv(A.T @ A) @ A.T @ y.reshape(-1, 1)
    return theta[:-1], theta[-1]


@mutant("normal_equation", kills=["inputs_unchanged"])
def normal_equation_centres_in_place(X, y):
    y = y.reshape(-1, 1)
    x_mean, y_mean = X.mean(0), y.mean(0)
    X -= x_mean  # centring removes the bias column ... and changes the caller's X
    w = torch.linalg.solve(X.T @ X, X.T @ (y - y_mean))
    return w, y_mean - x_mean @ w


@alternative("normal_equation")
def normal_equation_cholesky(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    L = torch.linalg.cholesky(A.T @ A)
    theta = torch.cholesky_solve(A.T @ y.reshape(-1, 1), L)
    return theta[:-1], theta[-1]


@alternative("normal_equation")
def normal_equation_solve(X, y):
    A = torch.cat([X, torch.ones(X.shape[0], 1, dtype=X.dtype, device=X.device)], dim=1)
    theta = torch.linalg.solve(A.T @ A, A.T @ y.reshape(-1, 1))
    return theta[:-1], theta[-1]


@alternative("normal_equation")
def normal_equation_centred(X, y):
    y = y.reshape(-1, 1)
    x_mean, y_mean = X.mean(0, keepdim=True), y.mean(0)
    Xc = X - x_mean
    w = torch.linalg.lstsq(Xc, y - y_mean).solution
    return w, y_mean - (x_mean @ w).reshape(1)


@mutant("sgd", kills=["updates_parameters_in_place", "zeroes_the_gradients",
                      "returns_none_and_keeps_leaves"])
def sgd_rebinds_list_items(params, lr, batch_size):
    # builds new tensors instead of updating the caller's parameters
    for i in range(len(params)):
        params[i] = params[i] - lr * params[i].grad / batch_size


@mutant("synthetic_data", kills=["shapes_dtype_device", "example_shapes_and_noise"])
def synthetic_data_y_not_reshaped(w, b, num_examples, generator=None):
    X = torch.normal(0, 1, (num_examples, len(w)), generator=generator)
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape, generator=generator)
    return X, y  # (n,), not (n, 1)


@mutant("synthetic_data", kills=["labels_follow_w_b_and_noise"])
def synthetic_data_missing_b(w, b, num_examples, generator=None):
    X = torch.normal(0, 1, (num_examples, len(w)), generator=generator)
    y = torch.matmul(X, w)
    y += torch.normal(0, 0.01, y.shape, generator=generator)
    return X, y.reshape((-1, 1))


@mutant("synthetic_data", kills=["labels_follow_w_b_and_noise"])
def synthetic_data_noise_std_01(w, b, num_examples, generator=None):
    X = torch.normal(0, 1, (num_examples, len(w)), generator=generator)
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.1, y.shape, generator=generator)
    return X, y.reshape((-1, 1))


@mutant("synthetic_data", kills=["labels_follow_w_b_and_noise"])
def synthetic_data_noise_variance_not_std(w, b, num_examples, generator=None):
    X = torch.randn(num_examples, len(w), generator=generator)
    y = X @ w + b + 0.01 ** 2 * torch.randn(num_examples, generator=generator)
    return X, y.reshape(-1, 1)


@mutant("train_linreg", kills=["recovers_true_parameters"])
def train_linreg_mean_and_divide(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                                 generator=None):
    d = features.shape[1]
    w = (0.01 * _randn(d, 1, like=features, generator=generator)).requires_grad_(True)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).mean().backward()  # and sgd divides again
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


@mutant("train_linreg", kills=["recovers_true_parameters"])
def train_linreg_grads_accumulate(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                                  generator=None):
    d = features.shape[1]
    w = (0.01 * _randn(d, 1, like=features, generator=generator)).requires_grad_(True)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).sum().backward()
            with torch.no_grad():
                w -= lr * w.grad / batch_size
                b -= lr * b.grad / batch_size  # .grad never zeroed
    return w.detach(), b.detach()


@mutant("train_linreg", kills=["recovers_true_parameters", "example_recovers_w_and_b"])
def train_linreg_w_as_a_vector(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                               generator=None):
    d = features.shape[1]
    w = (0.01 * _randn(d, like=features, generator=generator)).requires_grad_(True)  # [d]
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).sum().backward()
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


@mutant("synthetic_data", kills=["w_unchanged"])
def synthetic_data_unsqueezes_w(w, b, num_examples, generator=None):
    w.unsqueeze_(1)  # a column for X @ w: the caller's w changes shape
    X = _randn(num_examples, w.shape[0], like=w, generator=generator)
    y = X @ w + b
    y = y + 0.01 * _randn(*y.shape, like=w, generator=generator)
    return X, y.reshape(-1, 1)


@mutant("data_iter", kills=["inputs_unchanged"])
def data_iter_shuffles_in_place(batch_size, features, labels, generator=None):
    order = torch.randperm(len(features), generator=generator).to(features.device)
    features[:] = features[order]  # shuffled together, in the caller's tensors
    labels[:] = labels[order]
    for i in range(0, len(features), batch_size):
        yield features[i: i + batch_size], labels[i: i + batch_size]


@mutant("squared_loss", kills=["vector_predictions_keep_their_shape"])
def squared_loss_y_as_a_column(y_hat, y):
    return (y_hat - y.reshape(-1, 1)) ** 2 / 2  # [n] predictions broadcast to [n, n]


@mutant("train_linreg", kills=["initial_parameters"])
def train_linreg_zero_init(features, labels, lr=0.03, num_epochs=3, batch_size=10, generator=None):
    d = features.shape[1]
    w = torch.zeros(d, 1, dtype=features.dtype, device=features.device, requires_grad=True)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).sum().backward()
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


@mutant("train_linreg", kills=["inputs_unchanged"])
def train_linreg_standardises_in_place(features, labels, lr=0.03, num_epochs=3, batch_size=10,
                                       generator=None):
    features -= features.mean(0)  # "centre the data first", on the caller's tensor
    d = features.shape[1]
    w = (0.01 * _randn(d, 1, like=features, generator=generator)).requires_grad_(True)
    b = torch.zeros(1, dtype=features.dtype, device=features.device, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels, generator):
            squared_loss(linreg(X, w, b), y).sum().backward()
            sgd([w, b], lr, batch_size)
    return w.detach(), b.detach()


@mutant("normal_equation", kills=["matches_lstsq"])
def normal_equation_returns_float64(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1).double()  # solved in float64 ...
    theta = torch.linalg.lstsq(A, y.double().reshape(-1, 1)).solution
    return theta[:-1], theta[-1]  # ... and returned so: float32 input, float64 output
