"""错误诊断:失败检查后附加的一行,以及错误目录(grader/diagnosis/)中每一项的描述。"""

MESSAGES = {
    "diagnose.matches": '你的输出与{what}的结果相同',
    # ex01_tensors
    "diagnosis.ex01_tensors.flatten_images_channels_last":
        '先 permute 把通道放到最后再展平(逐像素、通道在最内层)',
    "diagnosis.ex01_tensors.flatten_images_per_channel":
        '把每个通道的图各展平成一行([B*C, H*W])',
    "diagnosis.ex01_tensors.flatten_images_to_float":
        '展平后又转成 float(整数图像的 dtype 被改变)',
    "diagnosis.ex01_tensors.one_hot_eye_no_check":
        '不检查范围的 torch.eye(C)[labels](-1 会变成最后一类)',
    "diagnosis.ex01_tensors.one_hot_off_by_one_check":
        '范围检查写成 labels > num_classes 而不是 >=(差一)',
    "diagnosis.ex01_tensors.one_hot_long":
        '独热编码保留为整数(long)而不是 float32',
    "diagnosis.ex01_tensors.one_hot_width_from_labels":
        '用 labels.max() + 1 代替 num_classes 作为类别数',
    "diagnosis.ex01_tensors.accuracy_divides_by_classes":
        '把预测正确的个数除以类别数,而不是批量大小',
    "diagnosis.ex01_tensors.accuracy_tensor":
        '返回 0 维张量而不是 Python float(忘了 .item())',
    "diagnosis.ex01_tensors.accuracy_last_index":
        '平局时选了最大的标签(相等最大值中的最后一个)',
    "diagnosis.ex01_tensors.topk_accuracy_topk_indices":
        'logits.topk(k).indices(第 k 名并列时会漏掉类别;k > C 时出错)',
    "diagnosis.ex01_tensors.topk_accuracy_counts_itself":
        '统计 >= 真实得分的个数(把标签自己也算进去了)',
    "diagnosis.ex01_tensors.topk_accuracy_tensor":
        '返回 0 维张量而不是 Python float(忘了 .item())',
    "diagnosis.ex01_tensors.topk_accuracy_no_dim":
        '对整个批量求和而不是按行求和(sum() 没写 dim=1)',
    "diagnosis.ex01_tensors.add_channel_bias_first_channel_only":
        '对通道循环却总是加 bias[0]',
    # ex02_gradient_descent
    "diagnosis.ex02_gradient_descent.numerical_gradient_forward_difference":
        '单侧(前向)差分 (f(x+eps) - f(x)) / eps',
    "diagnosis.ex02_gradient_descent.numerical_gradient_divides_by_eps":
        '中心差分除以 eps 而不是 2*eps',
    "diagnosis.ex02_gradient_descent.numerical_gradient_fixed_eps":
        '写死步长、忽略参数 eps',
    "diagnosis.ex02_gradient_descent.numerical_gradient_float32_result":
        '用 torch.zeros(x.shape) 创建梯度(float32,而不是 x 的 dtype)',
    "diagnosis.ex02_gradient_descent.numerical_gradient_first_axis_only":
        '只在第一维上循环(对矩阵来说 x[i] 是一整行)',
    "diagnosis.ex02_gradient_descent.gradient_descent_grad_accumulates":
        '调用 backward() 却不清零 x.grad(梯度不断累加)',
    "diagnosis.ex02_gradient_descent.gradient_descent_one_step_too_many":
        '多走了一步(循环差一)',
    "diagnosis.ex02_gradient_descent.gradient_descent_squares_gradient":
        '用 x**2 的梯度 2*x 代替 f 的梯度',
    "diagnosis.ex02_gradient_descent.himmelblau_first_axis":
        '用 x[:, 0]、x[:, 1] 而不是 x[..., 0]、x[..., 1]',
    "diagnosis.ex02_gradient_descent.himmelblau_swapped_terms":
        '两个平方项里 x 与 y 写反了的 Himmelblau 函数',
    "diagnosis.ex02_gradient_descent.himmelblau_flat_result":
        '把 x reshape 成 [-1, 2](批量的形状被展平了)',
    "diagnosis.ex02_gradient_descent.find_minima_ascent":
        '加上梯度而不是减去梯度(梯度上升)',
    # ex03_linear_regression
    "diagnosis.ex03_linear_regression.data_iter_drops_last_partial_batch":
        '丢掉了最后一个不满的批量',
    "diagnosis.ex03_linear_regression.data_iter_not_shuffled":
        '按原顺序取批量(没有打乱)',
    "diagnosis.ex03_linear_regression.linreg_without_bias":
        'X @ w 而漏了 + b',
    "diagnosis.ex03_linear_regression.squared_loss_no_reshape":
        '不 reshape y 就计算 y_hat - y([n, 1] - [n] 广播成 [n, n])',
    "diagnosis.ex03_linear_regression.squared_loss_mean":
        '对损失取了平均(本函数应返回每个样本的损失)',
    "diagnosis.ex03_linear_regression.squared_loss_missing_half":
        '平方误差漏了 1/2',
    "diagnosis.ex03_linear_regression.squared_loss_flattened":
        '把两者都展平成 [n](损失不再是 y_hat 的 [n, 1] 形状)',
    "diagnosis.ex03_linear_regression.sgd_not_divided_by_batch_size":
        '更新时没有除以 batch_size(批量大小)',
    "diagnosis.ex03_linear_regression.sgd_does_not_zero_grads":
        '更新后没有把梯度清零',
    "diagnosis.ex03_linear_regression.sgd_not_in_place":
        'param = param - ...(只是给循环变量重新赋值,参数本身没变)',
    "diagnosis.ex03_linear_regression.normal_equation_no_bias_column":
        '没有加全 1 列的最小二乘(没有偏置)',
    "diagnosis.ex03_linear_regression.normal_equation_y_not_reshaped":
        '直接用向量 y 求解(theta 成了 [d+1] 而不是 [d+1, 1])',
    "diagnosis.ex03_linear_regression.normal_equation_ones_first_sliced_last":
        '全 1 列放在最前面,偏置却从最后一行取',
    "diagnosis.ex03_linear_regression.normal_equation_b_scalar":
        '偏置 b 返回为 0 维标量而不是形状 [1]',
    "diagnosis.ex03_linear_regression.linreg_squeezed":
        '(X @ w).squeeze() + b(得到向量 [n] 而不是列 [n, 1])',
    # ex04_activations
    "diagnosis.ex04_activations.sigmoid_exp_ratio":
        'exp(x) / (1 + exp(x))(x 很大时 inf / inf = nan)',
    "diagnosis.ex04_activations.sigmoid_wrong_sign":
        '1 / (1 + exp(x))(指数的符号写反了)',
    "diagnosis.ex04_activations.sigmoid_backward_treats_out_as_x":
        'sigmoid(out) * (1 - sigmoid(out))(把输出当成了输入)',
    "diagnosis.ex04_activations.sigmoid_backward_forgets_grad_out":
        'out * (1 - out) 却没有乘 grad_out(链式法则)',
    "diagnosis.ex04_activations.tanh_textbook":
        '(exp(x) - exp(-x)) / (exp(x) + exp(-x))(|x| 很大时 inf / inf = nan)',
    "diagnosis.ex04_activations.tanh_backward_treats_out_as_x":
        '1 - tanh(out)**2(把输出当成了输入)',
    "diagnosis.ex04_activations.tanh_backward_forgets_square":
        '1 - out 而不是 1 - out**2',
    "diagnosis.ex04_activations.tanh_backward_forgets_grad_out":
        '1 - out**2 却没有乘 grad_out(链式法则)',
    "diagnosis.ex04_activations.relu_keeps_negatives":
        'x.clamp(max=0)(min 和 max 用反了:保留的是负数)',
    "diagnosis.ex04_activations.relu_backward_ge_zero":
        '用 x >= 0 作掩码(x = 0 处梯度应为 0)',
    "diagnosis.ex04_activations.relu_backward_forgets_grad_out":
        '只返回 0/1 掩码,没有乘 grad_out',
    "diagnosis.ex04_activations.relu_backward_times_output":
        'grad_out * relu(x)(用输出代替了 0/1 掩码)',
    "diagnosis.ex04_activations.tanh_exp_minus_2x":
        '(1 - exp(-2x)) / (1 + exp(-2x))(x 是很大的负数时得到 nan)',
    "diagnosis.ex04_activations.relu_derivative_mask":
        '0/1 掩码 (x > 0)(ReLU 的导数)而不是 max(x, 0)',
    # ex05_softmax
    "diagnosis.ex05_softmax.softmax_no_max_subtraction":
        '没有先减去最大值的 softmax(exp 溢出)',
    "diagnosis.ex05_softmax.softmax_global_max":
        '减去整个张量的最大值而不是每行的最大值',
    "diagnosis.ex05_softmax.softmax_d2l_dim_1":
        '不管 dim 是多少都在第 1 维上求和',
    "diagnosis.ex05_softmax.softmax_sum_over_everything":
        '除以整个张量的总和而不是沿 dim 的和',
    "diagnosis.ex05_softmax.log_softmax_log_of_softmax":
        'log(softmax(x))(logits 很大时出现 log(0) = -inf)',
    "diagnosis.ex05_softmax.log_softmax_forgets_the_max":
        '为 log-sum-exp 减去最大值后没有加回来',
    "diagnosis.ex05_softmax.log_softmax_dim_1":
        '不管 dim 是多少都沿第 1 维计算',
    "diagnosis.ex05_softmax.softmax_jacobian_outer_only":
        '只有 -p p^T,漏了 diag(p) 项',
    "diagnosis.ex05_softmax.softmax_jacobian_diagonal_only":
        '只有对角线 diag(p - p**2)(漏了非对角的 -p_i p_j)',
    "diagnosis.ex05_softmax.softmax_jacobian_sign_flipped":
        'p p^T - diag(p)(符号反了)',
    "diagnosis.ex05_softmax.softmax_backward_forgets_the_dot":
        'probs * grad_out 却没有减去点积 (g . p)',
    "diagnosis.ex05_softmax.softmax_backward_dim_1":
        '不管 dim 是多少都沿第 1 维求点积',
    "diagnosis.ex05_softmax.softmax_backward_global_dot":
        '对整个批量求一个点积,而不是每行各求一个',
    "diagnosis.ex05_softmax.cross_entropy_sum":
        '对批量求和而不是求平均',
    "diagnosis.ex05_softmax.cross_entropy_mean_over_all_entries":
        '对独热乘积的全部 N*C 个元素求平均',
    "diagnosis.ex05_softmax.cross_entropy_picks_columns":
        'logp[:, labels](得到 [N, N] 的块)而不是 logp[range(N), labels]',
    "diagnosis.ex05_softmax.cross_entropy_forgets_minus":
        '对数概率的平均却漏了负号',
    "diagnosis.ex05_softmax.cross_entropy_log_of_softmax":
        'log(softmax(x))(logits 很大时出现 log(0) = -inf)',
    "diagnosis.ex05_softmax.cross_entropy_backward_no_mean":
        'softmax - one_hot 却没有除以批量大小 N',
    "diagnosis.ex05_softmax.cross_entropy_backward_divides_twice":
        '除了两次批量大小 N',
    "diagnosis.ex05_softmax.cross_entropy_backward_forgets_one_hot":
        'softmax / N 却没有减去独热标签',
    "diagnosis.ex05_softmax.cross_entropy_backward_sign_flipped":
        '(one_hot - softmax) / N(符号反了)',
    "diagnosis.ex05_softmax.cross_entropy_backward_naive_softmax":
        '没有先减去最大值的 softmax(exp 溢出)',
    "diagnosis.ex05_softmax.cross_entropy_numpy_np_float":
        '返回 NumPy 标量而不是 Python float',
    "diagnosis.ex05_softmax.cross_entropy_numpy_no_max":
        '没有先减去最大值的 log-sum-exp(exp 溢出)',
    "diagnosis.ex05_softmax.cross_entropy_numpy_picks_columns":
        'logp[:, labels](得到 [N, N] 的块)而不是 logp[np.arange(N), labels]',
    "diagnosis.ex05_softmax.cross_entropy_numpy_sum":
        '对批量求和而不是求平均',
    "diagnosis.ex05_softmax.cross_entropy_numpy_max_without_keepdims":
        'max(axis=1) 没写 keepdims=True(最大值沿错误的轴广播)',
    # ex06_mlp
    "diagnosis.ex06_mlp.init_mlp_xavier":
        'Xavier 缩放 sqrt(1/fan_in) 而不是 He 的 sqrt(2/fan_in)',
    "diagnosis.ex06_mlp.init_mlp_fan_out":
        '按 fan_out(输出数)而不是 fan_in(输入数)做 He 缩放',
    "diagnosis.ex06_mlp.init_mlp_variance_not_std":
        '权重乘以 2/fan_in(方差)而不是 sqrt(2/fan_in)',
    "diagnosis.ex06_mlp.init_mlp_nn_linear_layout":
        '权重用了 nn.Linear 的 [out, in] 布局而不是 [in, out]',
    "diagnosis.ex06_mlp.mlp_forward_no_relu":
        '没有 ReLU 的前向传播',
    "diagnosis.ex06_mlp.mlp_forward_relu_on_scores_too":
        '在输出得分上也加了 ReLU',
    "diagnosis.ex06_mlp.mlp_forward_bias_after_relu":
        '在 ReLU 之后而不是之前加 b1',
    "diagnosis.ex06_mlp.mlp_backward_bias_mean":
        '偏置梯度对批量取了平均而不是求和',
    "diagnosis.ex06_mlp.mlp_backward_bias_not_summed":
        '偏置梯度没有对批量求和(形状成了 [N, H])',
    "diagnosis.ex06_mlp.mlp_backward_no_relu_mask":
        '没有 ReLU 掩码的反向传播',
    "diagnosis.ex06_mlp.mlp_backward_dW2_from_preactivation":
        '用激活前的 a 而不是 h = relu(a) 计算 dW2',
    "diagnosis.ex06_mlp.mlp_backward_transposed_dW1":
        'dW1 = da^T @ X(转置了:[H, D] 而不是 [D, H])',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_summed_loss":
        '对批量求和而不是求平均的损失',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_not_divided_by_n":
        'dscores = softmax - one_hot 却没有除以批量大小 N',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_divided_by_n_twice":
        '梯度除了两次批量大小 N',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_no_one_hot":
        'dscores = softmax / N 却没有减去独热标签',
    "diagnosis.ex06_mlp.mlp_loss_and_grads_unstable":
        '没有先减去最大值的 softmax(exp 溢出)',
    "diagnosis.ex06_mlp.train_mlp_too_few_epochs":
        '只训练了十分之一的轮数(epochs // 10 步)',
    "diagnosis.ex06_mlp.train_mlp_ignores_lr":
        '忽略学习率 lr 的更新',
    "diagnosis.ex06_mlp.train_mlp_biases_frozen":
        '只更新权重(偏置从未训练)',
    # ex07_conv
    "diagnosis.ex07_conv.pad2d_one_side_only":
        '只在下方和右侧填充',
    "diagnosis.ex07_conv.pad2d_wrong_dims":
        '在通道和批量维而不是 H、W 上填充',
    "diagnosis.ex07_conv.conv2d_loops_ignores_bias":
        '忽略偏置的卷积',
    "diagnosis.ex07_conv.conv2d_loops_flips_kernel":
        '翻转了卷积核(数学上的卷积;F.conv2d 是互相关)',
    "diagnosis.ex07_conv.conv2d_loops_output_size_off_by_one":
        '输出尺寸写成 (H + 2p - K + 1) // s(步幅大于 1 时差一)',
    "diagnosis.ex07_conv.conv2d_loops_size_forgets_padding":
        '输出尺寸漏了填充',
    "diagnosis.ex07_conv.conv2d_loops_ignores_stride":
        '忽略步幅的卷积',
    "diagnosis.ex07_conv.conv2d_loops_pads_one_side":
        '只在下方和右侧填充',
    "diagnosis.ex07_conv.conv2d_loops_pads_twice":
        '填充了 2p(pad2d 已经两侧都填充了)',
    "diagnosis.ex07_conv.conv2d_loops_swaps_kh_kw":
        '把卷积核读成 [F, C, KW, KH](高和宽对调)',
    "diagnosis.ex07_conv.conv2d_unfold_ignores_bias":
        '忽略偏置的卷积',
    "diagnosis.ex07_conv.conv2d_unfold_flips_kernel":
        '翻转了卷积核(数学上的卷积;F.conv2d 是互相关)',
    "diagnosis.ex07_conv.conv2d_unfold_ignores_stride":
        '忽略步幅的卷积',
    "diagnosis.ex07_conv.conv2d_unfold_pads_twice":
        '填充了两次(先 pad2d 又用 F.unfold 的 padding)',
    "diagnosis.ex07_conv.conv2d_unfold_swaps_kh_kw":
        '把卷积核读成 [F, C, KW, KH](高和宽对调)',
    "diagnosis.ex07_conv.max_pool2d_starts_from_zero":
        '从 0 开始取最大值(窗口全为负数时出错)',
    "diagnosis.ex07_conv.max_pool2d_stride_defaults_to_one":
        '步幅默认为 1 而不是 kernel_size',
    "diagnosis.ex07_conv.max_pool2d_ignores_stride":
        '忽略步幅的池化',
    # ex08_knn
    "diagnosis.ex08_knn.pairwise_distances_no_clamp":
        '开方前没有把微小的负平方距离截到 0(出现 nan)',
    "diagnosis.ex08_knn.pairwise_distances_squared":
        '平方距离(没有开方)',
    "diagnosis.ex08_knn.pairwise_distances_cross_term_once":
        '||x||^2 + ||y||^2 - x.y(交叉项要乘 2)',
    "diagnosis.ex08_knn.pairwise_distances_norms_of_x_only":
        '从 X 而不是 Y 里取 ||y||^2',
    "diagnosis.ex08_knn.knn_vote_ties_to_largest":
        '平局时选了最大的标签',
    "diagnosis.ex08_knn.knn_vote_median":
        '取中位数标签而不是出现最多的标签',
    "diagnosis.ex08_knn.knn_vote_counts_along_wrong_dim":
        '在批量维(第 0 维)而不是每一行上计票',
    "diagnosis.ex08_knn.knn_predict_farthest":
        '对距离用 topk 却没写 largest=False(取到最远的 k 个点)',
    "diagnosis.ex08_knn.knn_predict_skips_the_nearest":
        '跳过了最近的邻居(留一法的下标 [1:k+1])',
    "diagnosis.ex08_knn.knn_regress_integer_division":
        '用整数除法对整数目标求平均',
    "diagnosis.ex08_knn.knn_regress_median":
        '取邻居目标的中位数而不是平均值',
    "diagnosis.ex08_knn.knn_regress_mean_last_dim":
        '在最后一维而不是邻居那一维上求平均',
}
