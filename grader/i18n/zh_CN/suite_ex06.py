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
}
