"""Mutants and alternatives for ex05_softmax (softmax, log-softmax, cross-entropy).

Each body is appended to a copy of solutions/ex05_softmax.py, so it sees that
module's imports (numpy as np, torch) and functions (softmax, log_softmax, ...).
Bodies that need torch.nn.functional import it themselves.
"""
import numpy as np
import torch

from . import alternative, mutant

# -- softmax ----------------------------------------------------------------------------


@mutant("softmax", kills=["stable_for_large_logits"])
def softmax_clamped_logits(logits, dim=-1):
    e = logits.clamp(-80, 80).exp()  # no overflow, but no longer the same softmax
    return e / e.sum(dim, keepdim=True)


@mutant("softmax", kills=["matches_f_softmax"])
def softmax_torch(logits, dim=-1):
    return torch.softmax(logits, dim)


@mutant("softmax", kills=["input_unchanged"])
def softmax_in_place(logits, dim=-1):
    logits -= logits.amax(dim, keepdim=True)
    logits.exp_()
    return logits / logits.sum(dim, keepdim=True)


@mutant("softmax", kills=["non_contiguous_input"])
def softmax_rows_by_view(logits, dim=-1):
    x = logits.transpose(dim, -1)
    rows = x.view(-1, x.shape[-1])  # view needs contiguous memory
    e = (rows - rows.amax(1, keepdim=True)).exp()
    return (e / e.sum(1, keepdim=True)).view(x.shape).transpose(dim, -1)


@alternative("softmax")
def softmax_via_handmade_logsumexp(logits, dim=-1):
    m = logits.amax(dim, keepdim=True)
    lse = m + (logits - m).exp().sum(dim, keepdim=True).log()
    return (logits - lse).exp()


@alternative("softmax")
def softmax_movedim(logits, dim=-1):
    x = logits.movedim(dim, -1)
    e = torch.exp(x - x.max(-1, keepdim=True).values)
    return (e / e.sum(-1, keepdim=True)).movedim(-1, dim)


# -- log_softmax ------------------------------------------------------------------------


@mutant("log_softmax", kills=["stable_for_large_logits"])
def log_softmax_no_max_subtraction(logits, dim=-1):
    return logits - logits.exp().sum(dim, keepdim=True).log()


@mutant("log_softmax", kills=["matches_f_log_softmax"])
def log_softmax_logsumexp(logits, dim=-1):
    return logits - torch.logsumexp(logits, dim, keepdim=True)


@mutant("log_softmax", kills=["input_unchanged"])
def log_softmax_in_place(logits, dim=-1):
    logits -= logits.amax(dim, keepdim=True)
    return logits - logits.exp().sum(dim, keepdim=True).log()


@mutant("log_softmax", kills=["non_contiguous_input"])
def log_softmax_rows_by_view(logits, dim=-1):
    x = logits.transpose(dim, -1)
    rows = x.view(-1, x.shape[-1])
    z = rows - rows.amax(1, keepdim=True)
    return (z - z.exp().sum(1, keepdim=True).log()).view(x.shape).transpose(dim, -1)


@alternative("log_softmax")
def log_softmax_handmade_logsumexp(logits, dim=-1):
    m = logits.max(dim, keepdim=True).values
    return logits - (m + torch.log(torch.sum(torch.exp(logits - m), dim, keepdim=True)))


# -- softmax_jacobian -------------------------------------------------------------------


@mutant("softmax_jacobian", kills=["matches_autograd_jacobian", "notes_example"])
def softmax_jacobian_elementwise_square(p):
    return torch.diag(p) - p * p  # p_j^2 in every row, not p_i * p_j


@mutant("softmax_jacobian", kills=["matches_autograd_jacobian", "notes_example"])
def softmax_jacobian_softmax_again(p):
    q = softmax(p, dim=0)  # p is already a probability vector
    return torch.diag(q) - torch.outer(q, q)


@mutant("softmax_jacobian", kills=["matches_autograd_jacobian", "notes_example"])
def softmax_jacobian_autograd(p):
    o = p.log().requires_grad_()  # softmax(log p) = p
    return torch.autograd.functional.jacobian(lambda t: softmax(t, dim=0), o)


@alternative("softmax_jacobian")
def softmax_jacobian_eye(p):
    C = p.shape[0]
    eye = torch.eye(C, dtype=p.dtype, device=p.device)
    return p.unsqueeze(1) * (eye - p.unsqueeze(0))


@alternative("softmax_jacobian")
def softmax_jacobian_loops(p):
    C = p.shape[0]
    J = torch.empty(C, C, dtype=p.dtype, device=p.device)
    for i in range(C):
        for j in range(C):
            J[i, j] = p[i] * ((1.0 if i == j else 0.0) - p[j])
    return J


# -- softmax_backward -------------------------------------------------------------------


@mutant("softmax_backward", kills=["matches_autograd_vjp"])
def softmax_backward_jacobian_last_dim(grad_out, probs, dim=-1):
    J = softmax_jacobian(probs)  # [..., C, C] over the last dim, whatever dim is
    return (J @ grad_out.unsqueeze(-1)).squeeze(-1)


@mutant("softmax_backward", kills=["matches_autograd_vjp"])
def softmax_backward_aten(grad_out, probs, dim=-1):
    return torch._softmax_backward_data(grad_out, probs, dim, probs.dtype)


@mutant("softmax_backward", kills=["inputs_unchanged"])
def softmax_backward_in_place(grad_out, probs, dim=-1):
    grad_out -= (grad_out * probs).sum(dim, keepdim=True)
    return probs * grad_out


@mutant("softmax_backward", kills=["non_contiguous_inputs"])
def softmax_backward_rows_by_view(grad_out, probs, dim=-1):
    g, p = grad_out.transpose(dim, -1), probs.transpose(dim, -1)
    g2, p2 = g.view(-1, g.shape[-1]), p.view(-1, p.shape[-1])
    out = p2 * (g2 - (g2 * p2).sum(1, keepdim=True))
    return out.view(g.shape).transpose(dim, -1)


@alternative("softmax_backward")
def softmax_backward_full_jacobian(grad_out, probs, dim=-1):
    p, g = probs.movedim(dim, -1), grad_out.movedim(dim, -1)
    J = torch.diag_embed(p) - p.unsqueeze(-1) * p.unsqueeze(-2)  # symmetric: J^T = J
    return (J @ g.unsqueeze(-1)).squeeze(-1).movedim(-1, dim)


@alternative("softmax_backward")
def softmax_backward_expanded(grad_out, probs, dim=-1):
    return probs * grad_out - probs * torch.sum(probs * grad_out, dim=dim, keepdim=True)


# -- cross_entropy ----------------------------------------------------------------------


@mutant("cross_entropy", kills=["matches_f_cross_entropy"])
def cross_entropy_item(logits, labels):
    logp = log_softmax(logits, dim=1)
    return -logp[torch.arange(len(labels)), labels].mean().item()


@mutant("cross_entropy", kills=["matches_f_cross_entropy"])
def cross_entropy_f(logits, labels):
    import torch.nn.functional as F
    return F.cross_entropy(logits, labels)


@mutant("cross_entropy", kills=["inputs_unchanged"])
def cross_entropy_in_place(logits, labels):
    logits -= logits.amax(1, keepdim=True)
    lse = logits.exp().sum(1).log()
    return (lse - logits[torch.arange(len(labels)), labels]).mean()


@mutant("cross_entropy", kills=["non_contiguous_input"])
def cross_entropy_flat_index(logits, labels):
    N, C = logits.shape
    m = logits.amax(1, keepdim=True)
    lse = (m + (logits - m).exp().sum(1, keepdim=True).log()).squeeze(1)
    picked = logits.view(-1)[torch.arange(N) * C + labels]  # view needs contiguous memory
    return (lse - picked).mean()


@alternative("cross_entropy")
def cross_entropy_one_hot_mask(logits, labels):
    import torch.nn.functional as F
    onehot = F.one_hot(labels, logits.shape[1]).to(logits.dtype)
    return -(onehot * log_softmax(logits, dim=1)).sum() / logits.shape[0]


@alternative("cross_entropy")
def cross_entropy_lse_minus_picked(logits, labels):
    m = logits.max(dim=1, keepdim=True).values
    lse = m.squeeze(1) + torch.log(torch.exp(logits - m).sum(dim=1))
    return torch.mean(lse - logits[torch.arange(logits.shape[0]), labels])


# -- cross_entropy_backward -------------------------------------------------------------


@mutant("cross_entropy_backward", kills=["matches_autograd"])
def cross_entropy_backward_columns(logits, labels):
    d = softmax(logits, dim=1)
    d[:, labels] -= 1  # every row, at every label's column
    return d / logits.shape[0]


@mutant("cross_entropy_backward", kills=["matches_autograd"])
def cross_entropy_backward_autograd(logits, labels):
    x = logits.detach().clone().requires_grad_()
    cross_entropy(x, labels).backward()
    return x.grad


@mutant("cross_entropy_backward", kills=["inputs_unchanged"])
def cross_entropy_backward_in_place(logits, labels):
    N = logits.shape[0]
    logits -= logits.amax(1, keepdim=True)  # reuse logits' memory for the softmax
    logits.exp_()
    logits /= logits.sum(1, keepdim=True)
    logits[torch.arange(N), labels] -= 1
    return logits / N


@mutant("cross_entropy_backward", kills=["non_contiguous_input"])
def cross_entropy_backward_flat_one_hot(logits, labels):
    N, C = logits.shape
    onehot = torch.zeros_like(logits)  # keeps logits' (transposed) layout
    onehot.view(-1)[torch.arange(N) * C + labels] = 1
    return (softmax(logits, dim=1) - onehot) / N


@alternative("cross_entropy_backward")
def cross_entropy_backward_one_hot(logits, labels):
    import torch.nn.functional as F
    onehot = F.one_hot(labels, logits.shape[1]).to(logits.dtype)
    return (softmax(logits, dim=1) - onehot) / logits.shape[0]


@alternative("cross_entropy_backward")
def cross_entropy_backward_exp_log_softmax(logits, labels):
    eye = torch.eye(logits.shape[1], dtype=logits.dtype, device=logits.device)
    return (log_softmax(logits, dim=1).exp() - eye[labels]) / len(labels)


# -- cross_entropy_numpy ----------------------------------------------------------------


@mutant("cross_entropy_numpy", kills=["stable_for_large_logits"])
def cross_entropy_numpy_log_of_softmax(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return float(-np.log(p[np.arange(len(labels)), labels]).mean())  # log(0) = -inf


@mutant("cross_entropy_numpy", kills=["matches_torch_version"])
def cross_entropy_numpy_via_torch(logits, labels):
    return cross_entropy(torch.from_numpy(logits), torch.from_numpy(labels)).item()


@mutant("cross_entropy_numpy", kills=["inputs_unchanged"])
def cross_entropy_numpy_in_place(logits, labels):
    logits -= logits.max(axis=1, keepdims=True)
    logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())


@alternative("cross_entropy_numpy")
def cross_entropy_numpy_logaddexp(logits, labels):
    lse = np.logaddexp.reduce(logits, axis=1)
    picked = np.take_along_axis(logits, labels[:, None], axis=1)[:, 0]
    return float(np.mean(lse - picked))


@alternative("cross_entropy_numpy")
def cross_entropy_numpy_one_hot(logits, labels):
    N, C = logits.shape
    m = np.max(logits, axis=1, keepdims=True)
    logp = logits - m - np.log(np.sum(np.exp(logits - m), axis=1, keepdims=True))
    return -float(np.sum(np.eye(C)[labels] * logp) / N)


@mutant("softmax_jacobian", kills=["input_unchanged"])
def softmax_jacobian_column_in_place(p):
    p.unsqueeze_(-1)  # p as a column [C, 1], in the caller's tensor
    return torch.diag_embed(p.squeeze(-1)) - p * p.transpose(-1, -2)
