"""隐藏检查失败时给出的提示：suite.<模块>.<检查或常量>。"""
MESSAGES = {
    "suite.ex01_tensors.flatten_images.matches_reshape":
        "按行优先顺序：先通道，再行，再列（x.reshape(B, -1)）；不要移动通道轴",
    "suite.ex01_tensors.flatten_images.integer_images":
        "保持输入的 dtype：不要转成浮点数",
    "suite.ex01_tensors.flatten_images.non_contiguous_input":
        "x.view 对非连续张量会失败；x.reshape 在需要时会复制",
    "suite.ex01_tensors.add_channel_bias.matches_broadcast":
        "广播从右边开始对齐形状：把 bias reshape 成 [C, 1, 1]，让它对上通道轴，而不是宽度轴",
    "suite.ex01_tensors.add_channel_bias.zero_images_give_the_bias":
        "对每个 b、h、w，out[b, c, h, w] 都应该是 bias[c]",
    "suite.ex01_tensors.add_channel_bias.non_contiguous_inputs":
        "view() 需要连续张量；reshape() 或下标（bias[:, None, None]）对任何内存布局都适用",
    "suite.ex01_tensors.one_hot.matches_identity_rows":
        "第 n 行除了第 labels[n] 列是 1，其余全是 0；宽度是 num_classes，没出现过的类别也要算上",
    "suite.ex01_tensors.one_hot.single_class":
        "num_classes = 1 时得到 [N, 1] 的一列 1",
    "suite.ex01_tensors.accuracy.matches_argmax_count":
        "沿类别维（dim=1）取 argmax，命中个数除以行数 N",
    "suite.ex01_tensors.accuracy.ties_go_to_the_lowest_index":
        "标签只是和一个更小的类别并列最大时不算对：预测值是 logits.argmax(dim=1)",
    "suite.ex01_tensors.topk_accuracy.matches_rank_count":
        "严格高于标签分数的类别少于 k 个时这一行算对（沿 dim=1 排序或计数）",
    "suite.ex01_tensors.topk_accuracy.ties_count_generously":
        "在第 k 名与其他类别并列的标签也算对；topk() 和 sort() 只会从并列的类别里挑一个，下标小的优先",
    "suite.ex01_tensors.topk_accuracy.k_at_least_classes_accepts_all":
        "k >= C 时每一行都算对（k > C 时 logits.topk(k) 会报错）",
    "suite.ex02_gradient_descent.central_hint":
        "用中心差分 (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)，每次只改一个元素（每个轴的每个下标）",
    "suite.ex02_gradient_descent.step_hint":
        "每一步是 x <- x - lr * df/dx(x)；如果用 .backward()，每步之后要把 x.grad 清零（梯度会累加），并在 torch.no_grad() 下原地更新 x",
    "suite.ex02_gradient_descent.himmelblau_hint":
        "f = (x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2，其中 x0 = x[..., 0]，x1 = x[..., 1]",
    "suite.ex02_gradient_descent.numerical_gradient.uses_eps":
        "使用参数 eps（不要写死 1e-6），并除以 2 * eps",
    "suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x":
        "x 不连续时 x.reshape(-1) 是副本而不是视图：改它不会改到 x；直接用元组下标索引 x",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view":
        "f 可能返回输入的视图：再次改动同一个张量之前，先把 f(x) 变成数（float(...)）",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float":
        "f 可能返回 Python float：float(f(x)) 对 float 和单元素张量都适用，f(x).item() 不行",
    "suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0":
        "steps=0 时不做任何更新：range(steps)",
    "suite.ex02_gradient_descent.gradient_descent.other_function":
        "用自动求导对传进来的 f 求梯度",
    "suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad":
        "x0 需要梯度时 x0.clone() 不是叶子节点，它的 .grad 一直是 None：从 x0.detach().clone() 开始",
    "suite.ex02_gradient_descent.himmelblau.batch_shapes":
        "对最后一个轴取下标（x[..., 0]），前面是什么都行；输入 [2] 得到 0 维结果",
    "suite.ex02_gradient_descent.himmelblau.non_contiguous_input":
        "view() 需要连续张量；改用 x[..., 0] 取下标",
    "suite.ex03_linear_regression.squared_loss.matches_formula":
        "结果是 [7, 7] 说明 y 没有 reshape 成 y_hat 的形状",
    "suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced":
        "每个样本一个损失：不要求和或求平均",
    "suite.ex03_linear_regression.sgd.updates_parameters_in_place":
        "p -= lr * p.grad / batch_size，原地更新",
    "suite.ex04_activations.layout_hint":
        "和其他检查相同的数值，只是在内存中转置存放：如果只有这项检查失败，说明代码依赖内存布局（.view()、as_strided）",
    "suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient":
        "x = 0 处梯度为 0，和 PyTorch 一样：在 x > 0 处选取，而不是 x >= 0",
    "suite.ex05_softmax.layout_hint":
        "和其他检查相同的数值，只是在内存中转置存放：如果只有这项检查失败，说明代码依赖内存布局（.view()、as_strided）",
    "suite.ex05_softmax.stability_hint":
        "exp(1e4) 在任何浮点格式下都是 inf：exp 之前先减去沿 `dim` 的最大值",
    "suite.ex05_softmax.row_stability_hint":
        "exp(1e4) 在任何浮点格式下都是 inf：exp 之前先减去每行的最大值",
    "suite.ex05_softmax.sum_hint":
        "softmax 沿 `dim` 的每个切片之和必须为 1：除以沿 `dim` 的和（keepdim=True），而不是沿别的维度或整个张量的和",
    "suite.ex05_softmax.ce_grad_hint":
        "dL/do = (softmax(o) - one_hot(y)) / N：每行一个 1，位于标签处，并且只除以一次 N（求平均）",
    "suite.ex05_softmax.softmax.default_dim_is_last":
        "dim 默认是 -1（最后一维）；处处使用 `dim`，不要写死某个维度",
    "suite.ex05_softmax.softmax.stable_for_large_logits":
        "为避免溢出，减去沿 `dim` 的最大值（数学上不改变结果）；截断 logits 会改变结果",
    "suite.ex05_softmax.log_softmax.matches_f_log_softmax":
        "沿 `dim`：log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m)，m 是沿 `dim` 的最大值",
    "suite.ex05_softmax.log_softmax.stable_for_large_logits":
        "永远不要算 log(softmax(x))：下溢成 0 的概率会得到 -inf。先减去最大值，再做 log-sum-exp",
    "suite.ex05_softmax.log_softmax.stable_for_large_logits_2":
        "减去沿 `dim` 的最大值 m：(x - m) - log(sum(exp(x - m)))",
    "suite.ex05_softmax.softmax_jacobian.matches_autograd_jacobian":
        "J[i, j] = p_i * (delta_ij - p_j)，即 diag(p) - outer(p, p)；p 已经是 softmax 的输出，不要再做一次 softmax",
    "suite.ex05_softmax.softmax_jacobian.notes_example":
        "第 i 行应该等于笔记里 torch.autograd.grad(p[i], [a]) 打印出的结果：[[0.2496, -0.1025, -0.1471], [-0.1025, 0.1678, -0.0653], [-0.1471, -0.0653, 0.2124]]",
    "suite.ex05_softmax.softmax_backward.matches_autograd_vjp":
        "dL/do = p * (g - sum(g * p, dim, keepdim=True))，求和沿 `dim` 进行",
    "suite.ex05_softmax.cross_entropy.matches_f_cross_entropy":
        "一个 0 维张量：N 行的 -log softmax(o_n)[y_n] 的平均值（每行取一个元素，例如用 gather 或 [arange(N), labels]）",
    "suite.ex05_softmax.cross_entropy.stable_for_large_logits":
        "exp(1e4) 是 inf，下溢成 0 的概率取 log 是 -inf：用稳定的 log_softmax（先减去每行最大值，再 log-sum-exp），永远不要算 log(softmax(x))",
    "suite.ex06_mlp.mlp_forward.matches_reference":
        "scores = relu(X @ W1 + b1) @ W2 + b2：ReLU 只作用在隐藏层，并且在加上 b1 之后",
    "suite.ex06_mlp.mlp_forward.batch_of_one":
        "只有一个样本时 scores 的形状仍是 [1, C]：不要 squeeze",
    "suite.ex06_mlp.mlp_loss_and_grads.loss_matches_cross_entropy":
        "批量上 -log softmax(scores)[y] 的平均值，是一个 0 维张量（不要 .item()）",
    "suite.ex06_mlp.mlp_loss_and_grads.grads_match_autograd":
        "dscores = (softmax(scores) - one_hot(y)) / N，只除以一次 N（损失是平均值），然后调用 mlp_backward",
    "suite.ex06_mlp.mlp_loss_and_grads.large_scores_stable":
        "exp 会溢出：exp 之前先减去每行最大的分数",
    "suite.ex06_mlp.train_mlp.gradient_descent_steps":
        "从 init_mlp(D, hidden, C, generator, X.dtype, X.device) 开始，然后每个 epoch：params -= lr * 整个批量上的梯度",
    "suite.ex07_conv.size_hint":
        "输出大小是 (H + 2p - KH) // s + 1 乘 (W + 2p - KW) // s + 1",
    "suite.ex07_conv.pad2d.matches_f_pad":
        "四条边（上、下、左、右）都要补 `padding` 个零",
    "suite.ex07_conv.conv.bias_by_keyword_defaults":
        "stride 默认为 1，padding 默认为 0",
    "suite.ex07_conv.max_pool2d.matches_f_max_pool2d":
        "边界处放不下的窗口直接丢弃（不填充）",
    "suite.ex07_conv.max_pool2d.all_negative_input":
        "一组负数的最大值是负数：不要从 0 开始取最大",
    "suite.ex08_knn.pairwise_distances.matches_cdist":
        "D[m, n] = sqrt(||x_m||^2 + ||y_n||^2 - 2 x_m . y_n)：形状 [M, N]",
    "suite.ex08_knn.pairwise_distances.identical_points_not_nan":
        "开方前把 ||x||^2 + ||y||^2 - 2 x . y 截断到 0（舍入误差会让它略小于 0）",
    "suite.ex08_knn.pairwise_distances.exact_on_small_integer_points":
        "相同的点距离恰好是 0：截断到 0，不要在根号里加 epsilon",
    "suite.ex08_knn.knn_vote.majority":
        "每行一个标签：出现最多的那个，结果是形状 [M] 的 long 张量",
    "suite.ex08_knn.knn_vote.ties_go_to_the_smallest_label":
        "计数相同时最小的标签获胜（计数的 argmax 返回第一个最大值），而不是行中最先出现的那个",
    "suite.ex08_knn.knn_predict.matches_brute_force":
        "每个测试点取最小的 k 个距离（沿第 1 维 sort 或 topk），再对它们的标签做多数投票",
    "suite.ex08_knn.knn_predict.equal_distances_lower_index_nearer":
        "距离相等时训练下标小的更近：用 stable=True 排序（topk 和默认的 sort 可能打乱并列项的顺序）",
    "suite.ex08_knn.knn_predict.k1_on_the_training_set_returns_its_labels":
        "每个训练点都是它自己的最近邻（距离为 0：把距离的平方截断到 0，nan 会排到最后）",
    "suite.ex08_knn.knn_predict.num_classes_defaults_to_max_label_plus_one":
        "num_classes = y_train.max() + 1（标签不一定全部出现）",
    "suite.ex08_knn.knn_regress.matches_brute_force":
        "最近的 k 个点的目标值的平均",
    "suite.ex08_knn.knn_regress.integer_targets_give_float32":
        "整数目标值得到 float32 的平均值（不是整数除法，也不是 X 的 dtype）",
    "suite.ex08_knn.knn_regress.several_targets_per_point":
        "对邻居求平均（第 1 维），保留目标维：[M, T]",
    "suite.ex08_knn.knn_regress.equal_distances_lower_index_nearer":
        "距离相等时训练下标小的更近：用 stable=True 排序",
    "suite.ex05_softmax.the_loss":
        "损失",
    "suite.ex05_softmax.the_jacobian":
        "雅可比矩阵",
    "suite.ex05_softmax.scalar_not_finite":
        "{what}：logits 为 +-1e4 时结果是 {value}",
    "suite.ex05_softmax.not_finite":
        "{what}：logits 为 +-1e4 时在 {index} 处出现 nan 或 inf（{total} 个元素中有 {count} 个）",
    "suite.ex05_softmax.slice_sum":
        "logits 为 +-1e4 时，softmax 的一个切片之和是 {value}，而不是 1",
    "suite.ex05_softmax.loss_not_float":
        "损失应该是 Python float，实际是 {got}",
    "suite.ex05_softmax.average_rows":
        "：要对各行求平均",
    "suite.ex05_softmax.numpy_loss_differs":
        "损失是 {got}，应为 {expected}（F.cross_entropy）\n即各行 -(o[n, y_n] - m_n - log sum_j exp(o[n, j] - m_n)) 的平均；用 logp[np.arange(N), labels] 取值",
    "suite.ex05_softmax.numpy_scalar":
        "损失应该是 Python float，实际是 {got}：NumPy 的 mean 返回 NumPy 标量，用 float() 包一下",
    "suite.ex05_softmax.numpy_not_finite":
        "logits 为 +-1e4 时损失是 {got}\nnp.exp(1e4) 是 inf：np.exp 之前先减去每行的最大值（keepdims=True），并且永远不要对可能为 0 的概率取 np.log",
    "suite.ex05_softmax.numpy_large_differs":
        "logits 为 +-1e4 时损失是 {got}，应为 {expected}",
    "suite.ex05_softmax.numpy_modified":
        "这次调用原地修改了输入 {name}（例如 logits -= logits.max(...)）；请改写成 z = logits - logits.max(axis=1, keepdims=True)",
}
