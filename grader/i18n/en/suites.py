"""The hidden checks' hints on a failure: suite.<module>.<check or constant>."""
MESSAGES = {
    "suite.ex01_tensors.flatten_images.matches_reshape":
        "row-major order: channel, then row, then column (x.reshape(B, -1)); do not move the channel axis",
    "suite.ex01_tensors.flatten_images.integer_images":
        "keep the input's dtype: do not convert to float",
    "suite.ex01_tensors.flatten_images.non_contiguous_input":
        "x.view fails on a non-contiguous tensor; x.reshape copies when it has to",
    "suite.ex01_tensors.add_channel_bias.matches_broadcast":
        "broadcasting lines shapes up from the right: reshape bias to [C, 1, 1] so it meets the channel axis, not the width",
    "suite.ex01_tensors.add_channel_bias.zero_images_give_the_bias":
        "out[b, c, h, w] should be bias[c] for every b, h, w",
    "suite.ex01_tensors.add_channel_bias.non_contiguous_inputs":
        "view() needs a contiguous tensor; reshape() or indexing (bias[:, None, None]) work on any layout",
    "suite.ex01_tensors.one_hot.matches_identity_rows":
        "row n is all zeros except a 1 at column labels[n]; the width is num_classes, even for classes that never occur",
    "suite.ex01_tensors.one_hot.single_class":
        "num_classes = 1 gives an [N, 1] column of ones",
    "suite.ex01_tensors.accuracy.matches_argmax_count":
        "take the argmax over the classes (dim=1) and divide the number of hits by the number of rows N",
    "suite.ex01_tensors.accuracy.ties_go_to_the_lowest_index":
        "a label that only shares the maximum with a lower class does not count: the prediction is logits.argmax(dim=1)",
    "suite.ex01_tensors.topk_accuracy.matches_rank_count":
        "a row counts when fewer than k classes score strictly higher than its label (sort or count along dim=1)",
    "suite.ex01_tensors.topk_accuracy.ties_count_generously":
        "a label tied with others at the k-th place counts; topk() and sort() pick one of the tied classes, the lower index first",
    "suite.ex01_tensors.topk_accuracy.k_at_least_classes_accepts_all":
        "k >= C accepts every row (logits.topk(k) fails for k > C)",
    "suite.ex02_gradient_descent.central_hint":
        "use central differences (f(x + eps e_i) - f(x - eps e_i)) / (2 eps), nudging one element at a time (every index of every axis)",
    "suite.ex02_gradient_descent.step_hint":
        "each step is x <- x - lr * df/dx(x); with .backward(), zero x.grad after every step (gradients add up) and update x in place under torch.no_grad()",
    "suite.ex02_gradient_descent.himmelblau_hint":
        "f = (x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2 with x0 = x[..., 0], x1 = x[..., 1]",
    "suite.ex02_gradient_descent.numerical_gradient.uses_eps":
        "use the eps argument (not a fixed 1e-6) and divide by 2 * eps",
    "suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x":
        "x.reshape(-1) is a copy, not a view, when x is not contiguous: nudging it does not nudge x; index x itself with a tuple",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view":
        "f may return a view of its input: turn f(x) into a number (float(...)) before you nudge the same tensor again",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float":
        "f may return a Python float: float(f(x)) works for floats and one-element tensors, f(x).item() does not",
    "suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0":
        "steps=0 makes no update: range(steps)",
    "suite.ex02_gradient_descent.gradient_descent.other_function":
        "take the gradient of the f you are given, with autograd",
    "suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad":
        "x0.clone() is not a leaf when x0 requires grad, so its .grad stays None: start from x0.detach().clone()",
    "suite.ex02_gradient_descent.himmelblau.batch_shapes":
        "index the last axis (x[..., 0]), whatever comes before it; a [2] input gives a 0-dim result",
    "suite.ex02_gradient_descent.himmelblau.non_contiguous_input":
        "view() needs a contiguous tensor; index with x[..., 0] instead",
    "suite.ex03_linear_regression.squared_loss.matches_formula":
        "a [7, 7] result means y was not reshaped to y_hat's shape",
    "suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced":
        "one loss per example: do not sum or average",
    "suite.ex03_linear_regression.sgd.updates_parameters_in_place":
        "p -= lr * p.grad / batch_size, in place",
    "suite.ex04_activations.layout_hint":
        "the same values as in the other checks, stored transposed in memory: if only this check fails, the code depends on the layout (.view(), as_strided)",
    "suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient":
        "at x = 0 the gradient is 0, as in PyTorch: select where x > 0, not x >= 0",
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
    "suite.ex06_mlp.mlp_forward.matches_reference":
        "scores = relu(X @ W1 + b1) @ W2 + b2: the ReLU on the hidden layer only, after adding b1",
    "suite.ex06_mlp.mlp_forward.batch_of_one":
        "one example still gives scores of shape [1, C]: do not squeeze",
    "suite.ex06_mlp.mlp_loss_and_grads.loss_matches_cross_entropy":
        "the mean over the batch of -log softmax(scores)[y], as a 0-dim tensor (no .item())",
    "suite.ex06_mlp.mlp_loss_and_grads.grads_match_autograd":
        "dscores = (softmax(scores) - one_hot(y)) / N, divided by N once (the loss is a mean), then mlp_backward",
    "suite.ex06_mlp.mlp_loss_and_grads.large_scores_stable":
        "exp overflows: subtract each row's max score before exp",
    "suite.ex06_mlp.train_mlp.gradient_descent_steps":
        "start from init_mlp(D, hidden, C, generator, X.dtype, X.device), then each epoch: params -= lr * grads of the whole batch",
    "suite.ex07_conv.size_hint":
        "output size is (H + 2p - KH) // s + 1 by (W + 2p - KW) // s + 1",
    "suite.ex07_conv.pad2d.matches_f_pad":
        "all four sides (top, bottom, left, right) get `padding` zeros",
    "suite.ex07_conv.conv.bias_by_keyword_defaults":
        "stride defaults to 1 and padding to 0",
    "suite.ex07_conv.max_pool2d.matches_f_max_pool2d":
        "windows that do not fit at the border are dropped (no padding)",
    "suite.ex07_conv.max_pool2d.all_negative_input":
        "a maximum of negative numbers is negative: do not start from 0",
    "suite.ex08_knn.pairwise_distances.matches_cdist":
        "D[m, n] = sqrt(||x_m||^2 + ||y_n||^2 - 2 x_m . y_n): shape [M, N]",
    "suite.ex08_knn.pairwise_distances.identical_points_not_nan":
        "clamp ||x||^2 + ||y||^2 - 2 x . y at 0 before the square root (rounding makes it slightly negative)",
    "suite.ex08_knn.pairwise_distances.exact_on_small_integer_points":
        "equal points are at distance exactly 0: clamp at 0, do not add an epsilon under the square root",
    "suite.ex08_knn.knn_vote.majority":
        "one label per row: the most frequent one, as a long tensor of shape [M]",
    "suite.ex08_knn.knn_vote.ties_go_to_the_smallest_label":
        "equal counts: the smallest label wins (argmax of the counts returns the first maximum), not the one seen first in the row",
    "suite.ex08_knn.knn_predict.matches_brute_force":
        "the k smallest distances of each test row (sort or topk along dim 1), then a majority vote of their labels",
    "suite.ex08_knn.knn_predict.equal_distances_lower_index_nearer":
        "at equal distances the lower training index is nearer: sort with stable=True (topk and the default sort may reorder ties)",
    "suite.ex08_knn.knn_predict.k1_on_the_training_set_returns_its_labels":
        "every training point is its own nearest neighbour (distance 0: clamp the squared distance at 0, a nan sorts last)",
    "suite.ex08_knn.knn_predict.num_classes_defaults_to_max_label_plus_one":
        "num_classes = y_train.max() + 1 (labels need not all occur)",
    "suite.ex08_knn.knn_regress.matches_brute_force":
        "the mean target of the k nearest points",
    "suite.ex08_knn.knn_regress.integer_targets_give_float32":
        "integer targets give a float32 mean (not an integer division, not X's dtype)",
    "suite.ex08_knn.knn_regress.several_targets_per_point":
        "average over the neighbours (dim 1), keep the targets: [M, T]",
    "suite.ex08_knn.knn_regress.equal_distances_lower_index_nearer":
        "at equal distances the lower training index is nearer: sort with stable=True",
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
