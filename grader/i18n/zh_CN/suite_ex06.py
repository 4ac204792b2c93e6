"""ex06_mlp 各项检查的提示: suite.ex06_mlp.<检查或常量>。"""
MESSAGES = {
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
    "suite.ex06_mlp.grad_hint.W1":
        "dW1 = X^T @ da，其中 da = (dscores @ W2^T)，并在预激活值 <= 0 的位置置零",
    "suite.ex06_mlp.grad_hint.b1":
        "db1 的形状是 [H]：在批量维（dim 0）上对 da 求和，不要取平均",
    "suite.ex06_mlp.grad_hint.W2":
        "dW2 = h^T @ dscores，h 是经过 ReLU 之后的隐藏层激活值",
    "suite.ex06_mlp.grad_hint.b2":
        "db2 的形状是 [C]：在批量维（dim 0）上对 dscores 求和，不要取平均",
    "suite.ex06_mlp.the_gradients":
        "梯度",
    "suite.ex06_mlp.result_of":
        "{function} 的返回值",
    "suite.ex06_mlp.not_a_param_dict":
        "{what}：应该是键为 W1、b1、W2、b2 的字典（和 params 一样），实际是 {got}",
    "suite.ex06_mlp.forward_pair":
        "mlp_forward 应该返回二元组 (scores, cache)",
    "suite.ex06_mlp.forward_pair_for_backward":
        "mlp_forward 应该返回二元组 (scores, cache)；mlp_backward 通过它来评分",
    "suite.ex06_mlp.forward_scores_wrong":
        "mlp_backward 通过你的 mlp_forward 来评分，而它算出的 scores 不对；请先修正 mlp_forward。\n{error}",
    "suite.ex06_mlp.init_mlp.he_scale":
        "{name} 的标准差是 {std}，应为 sqrt(2 / fan_in) = sqrt(2 / {fan_in}) = {want}（He 初始化）：fan_in 是该层的输入个数，即 {name}.shape[0]；sqrt(2 / (fan_in + fan_out)) 是 Xavier 的尺度，不是 He 的",
    "suite.ex06_mlp.init_mlp.weights_centred":
        "{name} 的均值是 {mean}；权重应以 0 为中心：用 N(0, 1)（torch.randn），而不是 U(0, 1)（torch.rand）",
    "suite.ex06_mlp.init_mlp.weights_normal":
        "W1 的元素看起来不服从正态分布（峰度 {kurtosis}，正态分布为 3）：用 torch.randn 采样再乘以 sqrt(2 / fan_in)，不要从均匀分布采样",
    "suite.ex06_mlp.init_mlp.biases_zero":
        "{name} 应该全为 0（torch.zeros），实际是 {got}",
    "suite.ex06_mlp.init_mlp.same_seed_differs":
        "两次调用使用相同种子的 generator，却得到了不同的 {name}（先 device={device}，再 'cpu'）：每个权重都先在 CPU 上用 torch.randn(..., generator=generator) 采样，再移动到 `device`",
    "suite.ex06_mlp.init_mlp.other_seed_same":
        "种子不同的 generator 得到了相同的 {name}：用 `generator` 采样权重，不要重新设置 torch 的种子",
    "suite.ex06_mlp.mlp_backward.gradient_shape":
        "d{name} 的形状应为 {shape}",
    "suite.ex06_mlp.loss_and_grads_pair":
        "mlp_loss_and_grads 应该返回二元组 (loss, grads)",
    "suite.ex06_mlp.the_loss":
        "损失",
    "suite.ex06_mlp.the_loss_at_large_scores":
        "scores 约为 1e3 时的损失",
    "suite.ex06_mlp.train_mlp.fits_the_spiral":
        "训练后的网络在 300 个螺旋数据点中只分对了 {right} 个，使用默认参数（hidden=64, lr=1.0, epochs=1000）时应至少分对 285 个：每个 epoch 应该是一次全批量的更新 params -= lr * grads",
    "suite.ex06_mlp.after_two_epochs":
        "2 个 epoch 之后的 {name}",
    "suite.ex06_mlp.train_mlp.same_generator_differs":
        "两次使用相同 generator 的运行得到了不同的 {name}：把 `generator` 传给 init_mlp",
}
