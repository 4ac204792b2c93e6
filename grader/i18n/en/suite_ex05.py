"""The checks' messages for ex05_softmax: suite.ex05_softmax.<check or constant>."""
MESSAGES = {
    "suite.ex05_softmax.layout_hint":
        "the same values as in the other checks, stored transposed in memory: if only this check fails, the code depends on the layout (.view(), as_strided)",
    "suite.ex05_softmax.stability_hint":
        "exp(1e4) is inf in any float format: subtract the max along `dim` before exp",
    "suite.ex05_softmax.row_stability_hint":
        "exp(1e4) is inf in any float format: subtract each row's max before exp",
    "suite.ex05_softmax.sum_hint":
        "softmax slices must sum to 1 along `dim`: divide by the sum over `dim` (keepdim=True), not over another dimension or the whole tensor",
    "suite.ex05_softmax.ce_grad_hint":
        "dL/do = (softmax(o) - one_hot(y)) / N: one 1 per row, at the label, and divided by N once (the mean)",
    "suite.ex05_softmax.softmax.default_dim_is_last":
        "dim defaults to -1 (the last dimension); use `dim` everywhere instead of a fixed dimension",
    "suite.ex05_softmax.softmax.stable_for_large_logits":
        "to avoid overflow subtract the max along `dim` (it changes nothing mathematically); clamping the logits changes the result",
    "suite.ex05_softmax.log_softmax.matches_f_log_softmax":
        "log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m) along `dim`, with m the max along `dim`",
    "suite.ex05_softmax.log_softmax.stable_for_large_logits":
        "never take log(softmax(x)): a probability that underflows to 0 gives -inf. Subtract the max, then log-sum-exp",
    "suite.ex05_softmax.log_softmax.stable_for_large_logits_2":
        "subtract the max m along `dim`: (x - m) - log(sum(exp(x - m)))",
    "suite.ex05_softmax.softmax_jacobian.matches_autograd_jacobian":
        "J[i, j] = p_i * (delta_ij - p_j), i.e. diag(p) - outer(p, p); p is already the softmax output, do not apply softmax again",
    "suite.ex05_softmax.softmax_jacobian.notes_example":
        "row i should be what torch.autograd.grad(p[i], [a]) printed in the notes: [[0.2496, -0.1025, -0.1471], [-0.1025, 0.1678, -0.0653], [-0.1471, -0.0653, 0.2124]]",
    "suite.ex05_softmax.softmax_backward.matches_autograd_vjp":
        "dL/do = p * (g - sum(g * p, dim, keepdim=True)), the sum along `dim`",
    "suite.ex05_softmax.cross_entropy.matches_f_cross_entropy":
        "a 0-dim tensor: the mean over the N rows of -log softmax(o_n)[y_n] (pick one entry per row, e.g. with gather or [arange(N), labels])",
    "suite.ex05_softmax.cross_entropy.stable_for_large_logits":
        "exp(1e4) is inf, and log of a probability that underflowed to 0 is -inf: use a stable log_softmax (subtract each row's max, then log-sum-exp), never log(softmax(x))",
    "suite.ex05_softmax.the_loss":
        "the loss",
    "suite.ex05_softmax.the_jacobian":
        "the Jacobian",
    "suite.ex05_softmax.scalar_not_finite":
        "{what} is {value} for logits of +-1e4",
    "suite.ex05_softmax.not_finite":
        "{what} has nan or inf at {index} ({count} of {total} elements) for logits of +-1e4",
    "suite.ex05_softmax.slice_sum":
        "for logits of +-1e4 a slice of softmax sums to {value}, not 1",
    "suite.ex05_softmax.loss_not_float":
        "the loss should be a Python float, got {got}",
    "suite.ex05_softmax.average_rows":
        ": average over the rows",
    "suite.ex05_softmax.numpy_loss_differs":
        "the loss is {got}, expected {expected} (F.cross_entropy)\nthe mean over rows of -(o[n, y_n] - m_n - log sum_j exp(o[n, j] - m_n)); pick logp[np.arange(N), labels]",
    "suite.ex05_softmax.numpy_scalar":
        "the loss should be a Python float, got {got}: NumPy's mean returns a NumPy scalar, wrap it in float()",
    "suite.ex05_softmax.numpy_not_finite":
        "the loss is {got} for logits of +-1e4\nnp.exp(1e4) is inf: subtract each row's max (keepdims=True) before np.exp, and never take np.log of a probability that may be 0",
    "suite.ex05_softmax.numpy_large_differs":
        "the loss is {got} for logits of +-1e4, expected {expected}",
    "suite.ex05_softmax.numpy_modified":
        "the call modified its input {name} in place (e.g. logits -= logits.max(...)); write z = logits - logits.max(axis=1, keepdims=True) instead",
}
