"""Classic mistakes in ex05_softmax (see grader/diagnosis/__init__.py)."""
import itertools  # noqa: F401  (bodies run in the solution's namespace)

import numpy as np  # noqa: F401
import torch

from . import mistake


@mistake("softmax", kills=["stable_for_large_logits"])
def softmax_no_max_subtraction(logits, dim=-1):
    e = logits.exp()  # exp(1e4) = inf
    return e / e.sum(dim, keepdim=True)


@mistake("softmax", kills=["stable_for_large_logits"])
def softmax_global_max(logits, dim=-1):
    e = (logits - logits.max()).exp()  # a row far below the global max underflows to 0 / 0
    return e / e.sum(dim, keepdim=True)


@mistake("softmax", kills=["matches_f_softmax", "default_dim_is_last", "example_three_by_three"])
def softmax_d2l_dim_1(logits, dim=-1):
    X_exp = (logits - logits.amax(1, keepdim=True)).exp()
    partition = X_exp.sum(1, keepdim=True)  # d2l's matrices: always dim 1
    return X_exp / partition


@mistake("softmax", kills=["matches_f_softmax"])
def softmax_sum_over_everything(logits, dim=-1):
    e = (logits - logits.amax(dim, keepdim=True)).exp()
    return e / e.sum()


@mistake("log_softmax", kills=["stable_for_large_logits"])
def log_softmax_log_of_softmax(logits, dim=-1):
    return softmax(logits, dim).log()  # a probability of 0 gives -inf


@mistake("log_softmax", kills=["matches_f_log_softmax", "example_three_by_three"])
def log_softmax_forgets_the_max(logits, dim=-1):
    z = logits - logits.amax(dim, keepdim=True)
    return logits - z.exp().sum(dim, keepdim=True).log()  # off by the max


@mistake("log_softmax", kills=["matches_f_log_softmax", "default_dim_is_last"])
def log_softmax_dim_1(logits, dim=-1):
    z = logits - logits.amax(1, keepdim=True)
    return z - z.exp().sum(1, keepdim=True).log()


@mistake("softmax_jacobian", kills=["matches_autograd_jacobian", "notes_example", "example_four_classes"])
def softmax_jacobian_outer_only(p):
    return -torch.outer(p, p)


@mistake("softmax_jacobian", kills=["matches_autograd_jacobian", "notes_example"])
def softmax_jacobian_diagonal_only(p):
    return torch.diag(p * (1 - p))


@mistake("softmax_jacobian", kills=["matches_autograd_jacobian", "notes_example"])
def softmax_jacobian_sign_flipped(p):
    return torch.outer(p, p) - torch.diag(p)


@mistake("softmax_backward", kills=["matches_autograd_vjp", "example_rows"])
def softmax_backward_forgets_the_dot(grad_out, probs, dim=-1):
    return probs * grad_out


@mistake("softmax_backward", kills=["matches_autograd_vjp", "default_dim_is_last"])
def softmax_backward_dim_1(grad_out, probs, dim=-1):
    dot = (grad_out * probs).sum(1, keepdim=True)
    return probs * (grad_out - dot)


@mistake("softmax_backward", kills=["matches_autograd_vjp"])
def softmax_backward_global_dot(grad_out, probs, dim=-1):
    return probs * (grad_out - (grad_out * probs).sum())


@mistake("cross_entropy", kills=["matches_f_cross_entropy", "example_three_rows"])
def cross_entropy_sum(logits, labels):
    logp = log_softmax(logits, dim=1)
    return -logp.gather(1, labels.unsqueeze(1)).sum()


@mistake("cross_entropy", kills=["matches_f_cross_entropy"])
def cross_entropy_mean_over_all_entries(logits, labels):
    onehot = torch.zeros_like(logits)
    onehot[torch.arange(len(labels)), labels] = 1
    return -(onehot * log_softmax(logits, dim=1)).mean()  # divides by N * C


@mistake("cross_entropy", kills=["matches_f_cross_entropy"])
def cross_entropy_picks_columns(logits, labels):
    return -log_softmax(logits, dim=1)[:, labels].mean()  # [N, N], not one per row


@mistake("cross_entropy", kills=["matches_f_cross_entropy"])
def cross_entropy_forgets_minus(logits, labels):
    return log_softmax(logits, dim=1).gather(1, labels.unsqueeze(1)).mean()


@mistake("cross_entropy", kills=["stable_for_large_logits"])
def cross_entropy_log_of_softmax(logits, labels):
    p = logits.exp() / logits.exp().sum(1, keepdim=True)
    return -p[torch.arange(len(labels)), labels].log().mean()


@mistake("cross_entropy_backward", kills=["matches_autograd", "example_three_rows"])
def cross_entropy_backward_no_mean(logits, labels):
    d = softmax(logits, dim=1)
    d[torch.arange(len(labels)), labels] -= 1
    return d


@mistake("cross_entropy_backward", kills=["matches_autograd"])
def cross_entropy_backward_divides_twice(logits, labels):
    N = logits.shape[0]
    d = softmax(logits, dim=1) / N
    d[torch.arange(N), labels] -= 1
    return d / N


@mistake("cross_entropy_backward", kills=["matches_autograd"])
def cross_entropy_backward_forgets_one_hot(logits, labels):
    return softmax(logits, dim=1) / logits.shape[0]


@mistake("cross_entropy_backward", kills=["matches_autograd"])
def cross_entropy_backward_sign_flipped(logits, labels):
    N = logits.shape[0]
    d = -softmax(logits, dim=1)
    d[torch.arange(N), labels] += 1
    return d / N


@mistake("cross_entropy_backward", kills=["stable_for_large_logits"])
def cross_entropy_backward_naive_softmax(logits, labels):
    e = logits.exp()
    d = e / e.sum(1, keepdim=True)
    d[torch.arange(len(labels)), labels] -= 1
    return d / len(labels)


@mistake("cross_entropy_numpy", kills=["returns_python_float"])
def cross_entropy_numpy_np_float(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -logp[np.arange(len(labels)), labels].mean()  # an np.float64


@mistake("cross_entropy_numpy", kills=["stable_for_large_logits"])
def cross_entropy_numpy_no_max(logits, labels):
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return float(-np.log(p[np.arange(len(labels)), labels]).mean())


@mistake("cross_entropy_numpy", kills=["matches_torch_version"])
def cross_entropy_numpy_picks_columns(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[:, labels].mean())


@mistake("cross_entropy_numpy", kills=["matches_torch_version", "example_three_rows"])
def cross_entropy_numpy_sum(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].sum())


@mistake("cross_entropy_numpy", kills=["matches_torch_version"])
def cross_entropy_numpy_max_without_keepdims(logits, labels):
    z = logits - logits.max(axis=1)  # [N, C] - [N]: broadcasts against the wrong axis
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
