"""ex03_linear_regression 公开检查的提示: suite.ex03_linear_regression.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex03_linear_regression.public.y_reshaped":
        "y（把它 reshape 成 [n, 1]）",
    "suite.ex03_linear_regression.public.noise":
        "y - (X @ w + b) 的均值是 {mean}，标准差是 {std}；应约为 0 和 0.01",
    "suite.ex03_linear_regression.public.batch_sizes":
        "批量大小为 {sizes}，应为 {expected}",
    "suite.ex03_linear_regression.public.features_with_other_labels":
        "某个批量把特征和其他样本的标签配在了一起",
    "suite.ex03_linear_regression.public.each_example_once":
        "一轮遍历应该恰好给出每个样本一次",
    "suite.ex03_linear_regression.public.linreg_formula":
        "X @ w + b，形状 [n, 1]",
    "suite.ex03_linear_regression.public.squared_loss_formula":
        "(y_hat - y.reshape(y_hat.shape)) ** 2 / 2，每个样本一个损失",
    "suite.ex03_linear_regression.public.after_the_step":
        "更新一步之后的 {name}",
    "suite.ex03_linear_regression.public.sgd_step":
        "p -= lr * p.grad / batch_size，原地更新",
    "suite.ex03_linear_regression.public.after_three_epochs":
        "训练 3 个 epoch 后的 {name}",
}
