"""Mistake diagnosis: the line added to a failed check, and one description per
catalogue entry (grader/diagnosis/), a noun phrase that completes it."""

MESSAGES = {
    "diagnose.matches": 'your output equals what {what} gives',
    # ex01_tensors
    "diagnosis.ex01_tensors.flatten_images_channels_last":
        'flattening pixel by pixel with the channels innermost (permute before reshape)',
    "diagnosis.ex01_tensors.flatten_images_per_channel":
        'flattening each channel image into its own row ([B*C, H*W])',
    "diagnosis.ex01_tensors.flatten_images_to_float":
        'flattening and converting to float (integer images change dtype)',
    "diagnosis.ex01_tensors.one_hot_eye_no_check":
        'torch.eye(C)[labels] without a range check (-1 wraps to the last class)',
    "diagnosis.ex01_tensors.one_hot_off_by_one_check":
        'a range check with labels > num_classes instead of >= (off by one)',
    "diagnosis.ex01_tensors.one_hot_long":
        'one-hot rows left as integers (long) instead of float32',
    "diagnosis.ex01_tensors.one_hot_width_from_labels":
        'taking the number of classes from labels.max() + 1 instead of num_classes',
    "diagnosis.ex01_tensors.accuracy_divides_by_classes":
        'dividing the number correct by the number of classes instead of the batch size',
    "diagnosis.ex01_tensors.accuracy_tensor":
        'returning a 0-dim tensor instead of a Python float (forgetting .item())',
    "diagnosis.ex01_tensors.accuracy_last_index":
        'breaking ties towards the largest label (the last of equal maxima)',
    "diagnosis.ex01_tensors.topk_accuracy_topk_indices":
        'logits.topk(k).indices (a tie for the k-th place drops classes; k > C fails)',
    "diagnosis.ex01_tensors.topk_accuracy_counts_itself":
        'counting scores >= the true score, which counts the label itself',
    "diagnosis.ex01_tensors.topk_accuracy_tensor":
        'returning a 0-dim tensor instead of a Python float (forgetting .item())',
    "diagnosis.ex01_tensors.topk_accuracy_no_dim":
        'summing over the whole batch instead of per row (sum() without dim=1)',
    "diagnosis.ex01_tensors.add_channel_bias_first_channel_only":
        'a loop over channels that always adds bias[0]',
    # ex02_gradient_descent
    "diagnosis.ex02_gradient_descent.numerical_gradient_forward_difference":
        'a one-sided (forward) difference (f(x+eps) - f(x)) / eps',
    "diagnosis.ex02_gradient_descent.numerical_gradient_divides_by_eps":
        'central differences divided by eps instead of 2*eps',
    "diagnosis.ex02_gradient_descent.numerical_gradient_fixed_eps":
        'a hard-coded step that ignores the eps argument',
    "diagnosis.ex02_gradient_descent.numerical_gradient_float32_result":
        "a gradient allocated with torch.zeros(x.shape) (float32, not x's dtype)",
    "diagnosis.ex02_gradient_descent.numerical_gradient_first_axis_only":
        'looping over the first axis only (x[i] is a whole row for a matrix)',
    "diagnosis.ex02_gradient_descent.gradient_descent_grad_accumulates":
        'backward() without zeroing x.grad (the gradients accumulate)',
    "diagnosis.ex02_gradient_descent.gradient_descent_one_step_too_many":
        'one step too many (an off-by-one loop)',
    "diagnosis.ex02_gradient_descent.gradient_descent_squares_gradient":
        'the gradient of x**2 (2*x) instead of the gradient of f',
    "diagnosis.ex02_gradient_descent.himmelblau_first_axis":
        'x[:, 0] and x[:, 1] instead of x[..., 0] and x[..., 1]',
    "diagnosis.ex02_gradient_descent.himmelblau_swapped_terms":
        'Himmelblau with x and y swapped inside the two terms',
    "diagnosis.ex02_gradient_descent.himmelblau_flat_result":
        'reshaping x to [-1, 2] (the batch shape is flattened)',
    "diagnosis.ex02_gradient_descent.find_minima_ascent":
        'adding the gradient instead of subtracting it (gradient ascent)',
    # ex03_linear_regression
    "diagnosis.ex03_linear_regression.data_iter_drops_last_partial_batch":
        'dropping the last, smaller batch',
    "diagnosis.ex03_linear_regression.data_iter_not_shuffled":
        'batches in the original order (no shuffling)',
    "diagnosis.ex03_linear_regression.linreg_without_bias":
        'X @ w without + b',
    "diagnosis.ex03_linear_regression.squared_loss_no_reshape":
        'y_hat - y without reshaping y ([n, 1] - [n] broadcasts to [n, n])',
    "diagnosis.ex03_linear_regression.squared_loss_mean":
        'averaging the loss (the function returns one value per example)',
    "diagnosis.ex03_linear_regression.squared_loss_missing_half":
        'the squared error without the 1/2',
    "diagnosis.ex03_linear_regression.squared_loss_flattened":
        "flattening both to [n] (the loss loses y_hat's [n, 1] shape)",
    "diagnosis.ex03_linear_regression.sgd_not_divided_by_batch_size":
        'an update not divided by batch_size',
    "diagnosis.ex03_linear_regression.sgd_does_not_zero_grads":
        'an update that does not zero the gradients afterwards',
    "diagnosis.ex03_linear_regression.sgd_not_in_place":
        'param = param - ... (rebinds the loop variable; the parameters never change)',
    "diagnosis.ex03_linear_regression.normal_equation_no_bias_column":
        'least squares without a column of ones (no bias)',
    "diagnosis.ex03_linear_regression.normal_equation_y_not_reshaped":
        'solving with y as a vector (theta comes out [d+1], not [d+1, 1])',
    "diagnosis.ex03_linear_regression.normal_equation_ones_first_sliced_last":
        'the ones column put first but the bias read from the last row',
    "diagnosis.ex03_linear_regression.normal_equation_b_scalar":
        'a bias b returned as a 0-dim scalar instead of shape [1]',
    "diagnosis.ex03_linear_regression.linreg_squeezed":
        '(X @ w).squeeze() + b (a vector [n] instead of a column [n, 1])',
    # ex04_activations
    "diagnosis.ex04_activations.sigmoid_exp_ratio":
        'exp(x) / (1 + exp(x)) (inf / inf = nan for large x)',
    "diagnosis.ex04_activations.sigmoid_wrong_sign":
        '1 / (1 + exp(x)) (wrong sign in the exponent)',
    "diagnosis.ex04_activations.sigmoid_backward_treats_out_as_x":
        'sigmoid(out) * (1 - sigmoid(out)) (treating the output as the input)',
    "diagnosis.ex04_activations.sigmoid_backward_forgets_grad_out":
        'out * (1 - out) without multiplying by grad_out (the chain rule)',
    "diagnosis.ex04_activations.tanh_textbook":
        '(exp(x) - exp(-x)) / (exp(x) + exp(-x)) (inf / inf = nan for large |x|)',
    "diagnosis.ex04_activations.tanh_backward_treats_out_as_x":
        '1 - tanh(out)**2 (treating the output as the input)',
    "diagnosis.ex04_activations.tanh_backward_forgets_square":
        '1 - out instead of 1 - out**2',
    "diagnosis.ex04_activations.tanh_backward_forgets_grad_out":
        '1 - out**2 without multiplying by grad_out (the chain rule)',
    "diagnosis.ex04_activations.relu_keeps_negatives":
        'x.clamp(max=0) (min and max swapped: the negatives are kept)',
    "diagnosis.ex04_activations.relu_backward_ge_zero":
        'a mask x >= 0 (the gradient at x = 0 must be 0)',
    "diagnosis.ex04_activations.relu_backward_forgets_grad_out":
        'the 0/1 mask alone, without multiplying by grad_out',
    "diagnosis.ex04_activations.relu_backward_times_output":
        'grad_out * relu(x) (the output instead of the 0/1 mask)',
    "diagnosis.ex04_activations.tanh_exp_minus_2x":
        '(1 - exp(-2x)) / (1 + exp(-2x)) (nan for large negative x)',
    "diagnosis.ex04_activations.relu_derivative_mask":
        'the 0/1 mask (x > 0), the derivative of ReLU, instead of max(x, 0)',
    # ex05_softmax
    "diagnosis.ex05_softmax.softmax_no_max_subtraction":
        'a softmax that does not subtract the max first (exp overflows)',
    "diagnosis.ex05_softmax.softmax_global_max":
        "subtracting the max of the whole tensor instead of each row's",
    "diagnosis.ex05_softmax.softmax_d2l_dim_1":
        'summing over dim 1 whatever dim is given',
    "diagnosis.ex05_softmax.softmax_sum_over_everything":
        'dividing by the sum over the whole tensor instead of along dim',
    "diagnosis.ex05_softmax.log_softmax_log_of_softmax":
        'log(softmax(x)) (log(0) = -inf for large logits)',
    "diagnosis.ex05_softmax.log_softmax_forgets_the_max":
        'subtracting the max for the log-sum-exp but not adding it back',
    "diagnosis.ex05_softmax.log_softmax_dim_1":
        'working along dim 1 whatever dim is given',
    "diagnosis.ex05_softmax.softmax_jacobian_outer_only":
        '-p p^T without the diag(p) term',
    "diagnosis.ex05_softmax.softmax_jacobian_diagonal_only":
        'diag(p - p**2) only (the off-diagonal -p_i p_j terms are missing)',
    "diagnosis.ex05_softmax.softmax_jacobian_sign_flipped":
        'p p^T - diag(p) (the sign flipped)',
    "diagnosis.ex05_softmax.softmax_backward_forgets_the_dot":
        'probs * grad_out without subtracting the dot product (g . p)',
    "diagnosis.ex05_softmax.softmax_backward_dim_1":
        'the dot product taken along dim 1 whatever dim is given',
    "diagnosis.ex05_softmax.softmax_backward_global_dot":
        'one dot product over the whole batch instead of one per row',
    "diagnosis.ex05_softmax.cross_entropy_sum":
        'summing the loss over the batch instead of averaging',
    "diagnosis.ex05_softmax.cross_entropy_mean_over_all_entries":
        'averaging over all N*C entries of the one-hot product',
    "diagnosis.ex05_softmax.cross_entropy_picks_columns":
        'logp[:, labels] (an [N, N] block) instead of logp[range(N), labels]',
    "diagnosis.ex05_softmax.cross_entropy_forgets_minus":
        'the mean log-probability without the minus sign',
    "diagnosis.ex05_softmax.cross_entropy_log_of_softmax":
        'log(softmax(x)) (log(0) = -inf for large logits)',
    "diagnosis.ex05_softmax.cross_entropy_backward_no_mean":
        'softmax - one_hot without dividing by the batch size N',
    "diagnosis.ex05_softmax.cross_entropy_backward_divides_twice":
        'dividing by the batch size N twice',
    "diagnosis.ex05_softmax.cross_entropy_backward_forgets_one_hot":
        'softmax / N without subtracting the one-hot labels',
    "diagnosis.ex05_softmax.cross_entropy_backward_sign_flipped":
        '(one_hot - softmax) / N (the sign flipped)',
    "diagnosis.ex05_softmax.cross_entropy_backward_naive_softmax":
        'a softmax that does not subtract the max first (exp overflows)',
    "diagnosis.ex05_softmax.cross_entropy_numpy_np_float":
        'returning a NumPy scalar instead of a Python float',
    "diagnosis.ex05_softmax.cross_entropy_numpy_no_max":
        'a log-sum-exp that does not subtract the max first (exp overflows)',
    "diagnosis.ex05_softmax.cross_entropy_numpy_picks_columns":
        'logp[:, labels] (an [N, N] block) instead of logp[np.arange(N), labels]',
    "diagnosis.ex05_softmax.cross_entropy_numpy_sum":
        'summing the loss over the batch instead of averaging',
    "diagnosis.ex05_softmax.cross_entropy_numpy_max_without_keepdims":
        'max(axis=1) without keepdims=True (the max broadcasts along the wrong axis)',
    # ex06_mlp
    "diagnosis.ex06_mlp.init_mlp_xavier":
        "Xavier scaling sqrt(1/fan_in) instead of He's sqrt(2/fan_in)",
    "diagnosis.ex06_mlp.init_mlp_fan_out":
        "He scaling by the fan-out (the layer's outputs) instead of the fan-in",
    "diagnosis.ex06_mlp.init_mlp_variance_not_std":
        'weights multiplied by 2/fan_in (the variance) instead of sqrt(2/fan_in)',
    "diagnosis.ex06_mlp.init_mlp_nn_linear_layout":
        "weights in nn.Linear's [out, in] layout instead of [in, out]",
    "diagnosis.ex06_mlp.mlp_forward_no_relu":
        'a forward pass without the ReLU',
    "diagnosis.ex06_mlp.mlp_forward_relu_on_scores_too":
        'a ReLU on the output scores too',
    "diagnosis.ex06_mlp.mlp_forward_bias_after_relu":
        'adding b1 after the ReLU instead of before',
    "diagnosis.ex06_mlp.mlp_backward_bias_mean":
        'bias gradients averaged over the batch instead of summed',
    "diagnosis.ex06_mlp.mlp_backward_bias_not_summed":
        'bias gradients not summed over the batch (shape [N, H])',
    "diagnosis.ex06_mlp.mlp_backward_no_relu_mask":
        'a backward pass without the ReLU mask',
    "diagnosis.ex06_mlp.mlp_backward_dW2_from_preactivation":
        'dW2 from the pre-activation a instead of h = relu(a)',
    "diagnosis.ex06_mlp.mlp_backward_transposed_dW1":
        'dW1 = da^T @ X (transposed: [H, D] instead of [D, H])',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_summed_loss":
        'summing the loss over the batch instead of averaging',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_not_divided_by_n":
        'dscores = softmax - one_hot without dividing by the batch size N',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_divided_by_n_twice":
        'dividing the gradients by the batch size N twice',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_no_one_hot":
        'dscores = softmax / N without subtracting the one-hot labels',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_unstable":
        'a softmax that does not subtract the max first (exp overflows)',
    "diagnosis.ex06_mlp.train_mlp_too_few_epochs":
        'a tenth of the epochs (epochs // 10 steps)',
    "diagnosis.ex06_mlp.train_mlp_ignores_lr":
        'an update that ignores lr',
    "diagnosis.ex06_mlp.train_mlp_biases_frozen":
        'updating the weights only (the biases are never trained)',
    # ex07_conv
    "diagnosis.ex07_conv.pad2d_one_side_only":
        'padding only at the bottom and the right',
    "diagnosis.ex07_conv.pad2d_wrong_dims":
        'padding the channel and batch dimensions instead of H and W',
    "diagnosis.ex07_conv.conv2d_loops_ignores_bias":
        'a convolution that ignores the bias',
    "diagnosis.ex07_conv.conv2d_loops_flips_kernel":
        'a flipped kernel (true convolution; F.conv2d is a cross-correlation)',
    "diagnosis.ex07_conv.conv2d_loops_output_size_off_by_one":
        'the output size (H + 2p - K + 1) // s (off by one for stride > 1)',
    "diagnosis.ex07_conv.conv2d_loops_size_forgets_padding":
        'an output size that forgets the padding',
    "diagnosis.ex07_conv.conv2d_loops_ignores_stride":
        'a convolution that ignores the stride',
    "diagnosis.ex07_conv.conv2d_loops_pads_one_side":
        'padding only at the bottom and the right',
    "diagnosis.ex07_conv.conv2d_loops_pads_twice":
        'padding by 2p (pad2d already pads both sides)',
    "diagnosis.ex07_conv.conv2d_loops_swaps_kh_kw":
        'reading the kernel as [F, C, KW, KH] (height and width swapped)',
    "diagnosis.ex07_conv.conv2d_unfold_ignores_bias":
        'a convolution that ignores the bias',
    "diagnosis.ex07_conv.conv2d_unfold_flips_kernel":
        'a flipped kernel (true convolution; F.conv2d is a cross-correlation)',
    "diagnosis.ex07_conv.conv2d_unfold_ignores_stride":
        'a convolution that ignores the stride',
    "diagnosis.ex07_conv.conv2d_unfold_pads_twice":
        "padding twice (pad2d and then F.unfold's padding)",
    "diagnosis.ex07_conv.conv2d_unfold_swaps_kh_kw":
        'reading the kernel as [F, C, KW, KH] (height and width swapped)',
    "diagnosis.ex07_conv.max_pool2d_starts_from_zero":
        'a running max that starts from 0 (wrong for all-negative windows)',
    "diagnosis.ex07_conv.max_pool2d_stride_defaults_to_one":
        'a stride that defaults to 1 instead of kernel_size',
    "diagnosis.ex07_conv.max_pool2d_ignores_stride":
        'pooling that ignores the stride',
    # ex08_knn
    "diagnosis.ex08_knn.pairwise_distances_no_clamp":
        'sqrt without clamping tiny negative squared distances to 0 (nan)',
    "diagnosis.ex08_knn.pairwise_distances_squared":
        'squared distances (no square root)',
    "diagnosis.ex08_knn.pairwise_distances_cross_term_once":
        '||x||^2 + ||y||^2 - x.y (the cross term needs a factor 2)',
    "diagnosis.ex08_knn.pairwise_distances_norms_of_x_only":
        'taking ||y||^2 from X instead of Y',
    "diagnosis.ex08_knn.knn_vote_ties_to_largest":
        'breaking ties towards the largest label',
    "diagnosis.ex08_knn.knn_vote_median":
        'the median label instead of the most frequent one',
    "diagnosis.ex08_knn.knn_vote_counts_along_wrong_dim":
        'counting votes over the batch (dim 0) instead of each row',
    "diagnosis.ex08_knn.knn_predict_farthest":
        'topk of the distances without largest=False (the k farthest points)',
    "diagnosis.ex08_knn.knn_predict_skips_the_nearest":
        'skipping the nearest neighbour (leave-one-out indices [1:k+1])',
    "diagnosis.ex08_knn.knn_regress_integer_division":
        'averaging integer targets with integer division',
    "diagnosis.ex08_knn.knn_regress_median":
        "the median of the neighbours' targets instead of the mean",
    "diagnosis.ex08_knn.knn_regress_mean_last_dim":
        "averaging over the last dimension instead of the neighbours' dimension",
}
