"""Classic mistakes in ex03_linear_regression (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake
@mistake("data_iter", kills=["every_example_once", "example_twelve_rows_in_batches_of_five"])
def data_iter_drops_last_partial_batch(batch_size, features, labels, generator=None):
    n = len(features)
    indices = torch.randperm(n, generator=generator).to(features.device)
    for i in range(0, n - batch_size + 1, batch_size):
        batch = indices[i: i + batch_size]
        yield features[batch], labels[batch]


@mistake("data_iter", kills=["shuffled_each_pass"])
def data_iter_not_shuffled(batch_size, features, labels, generator=None):
    n = len(features)
    for i in range(0, n, batch_size):
        yield features[i: i + batch_size], labels[i: i + batch_size]


@mistake("linreg", kills=["matches_matmul", "example_three_rows"])
def linreg_without_bias(X, w, b):
    return X @ w


@mistake("squared_loss", kills=["matches_formula", "example_three_losses"])
def squared_loss_no_reshape(y_hat, y):
    return (y_hat - y) ** 2 / 2  # [n, 1] - [n] broadcasts to [n, n]


@mistake("squared_loss", kills=["matches_formula", "same_shapes_not_reduced"])
def squared_loss_mean(y_hat, y):
    return ((y_hat - y.reshape(y_hat.shape)) ** 2 / 2).mean()


@mistake("squared_loss", kills=["matches_formula", "same_shapes_not_reduced"])
def squared_loss_missing_half(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2


@mistake("squared_loss", kills=["same_shapes_not_reduced"])
def squared_loss_flattened(y_hat, y):
    return (y_hat.reshape(-1) - y.reshape(-1)) ** 2 / 2  # [n], not y_hat's [n, 1]


@mistake("sgd", kills=["updates_parameters_in_place", "example_one_step"])
def sgd_not_divided_by_batch_size(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad
            param.grad.zero_()


@mistake("sgd", kills=["zeroes_the_gradients"])
def sgd_does_not_zero_grads(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size


@mistake("sgd", kills=["updates_parameters_in_place", "zeroes_the_gradients"])
def sgd_not_in_place(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param = param - lr * param.grad / batch_size  # rebinds the loop variable only
@mistake("normal_equation", kills=["matches_lstsq", "exact_fit_without_noise", "example_six_rows"])
def normal_equation_no_bias_column(X, y):
    w = torch.linalg.lstsq(X, y.reshape(-1, 1)).solution
    return w, torch.zeros(1, dtype=X.dtype, device=X.device)


@mistake("normal_equation", kills=["labels_as_a_vector"])
def normal_equation_y_not_reshaped(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.solve(A.T @ A, A.T @ y)  # y [n] gives theta [d+1], not [d+1, 1]
    return theta[:-1], theta[-1]


@mistake("normal_equation", kills=["matches_lstsq", "exact_fit_without_noise"])
def normal_equation_ones_first_sliced_last(X, y):
    A = torch.cat([torch.ones_like(X[:, :1]), X], dim=1)  # bias column first ...
    theta = torch.linalg.lstsq(A, y.reshape(-1, 1)).solution
    return theta[:-1], theta[-1]  # ... but read as if it were last


@mistake("normal_equation", kills=["matches_lstsq", "exact_fit_without_noise"])
def normal_equation_b_scalar(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.lstsq(A, y.reshape(-1, 1)).solution
    return theta[:-1], theta[-1, 0]  # 0-dim, not [1]


@mistake("linreg", kills=["matches_matmul", "example_three_rows"])
def linreg_squeezed(X, w, b):
    return (X @ w).squeeze() + b  # [n], not the [n, 1] column the loss expects
