"""ex03_linear_regression 各项检查的提示: suite.ex03_linear_regression.<检查或常量>。"""
MESSAGES = {
    "suite.ex03_linear_regression.squared_loss.vector_predictions":
        "损失的形状与 y_hat 相同：把 y 变形成 y_hat 的形状，而不是一列",
    "suite.ex03_linear_regression.train_linreg.initial_parameters":
        "lr = 0 时参数应保持初始值：w ~ N(0, 0.01)，b = 0；得到的 w 标准差为 {std}、均值为 {mean}，b = {b}",
    "suite.ex03_linear_regression.squared_loss.matches_formula":
        "结果是 [7, 7] 说明 y 没有 reshape 成 y_hat 的形状",
    "suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced":
        "每个样本一个损失：不要求和或求平均",
    "suite.ex03_linear_regression.sgd.updates_parameters_in_place":
        "p -= lr * p.grad / batch_size，原地更新",
    "suite.ex03_linear_regression.y_reshaped":
        "y（把它 reshape 成 [n, 1]）",
    "suite.ex03_linear_regression.after_the_step":
        "更新一步之后的 {name}",
    "suite.ex03_linear_regression.synthetic_data.not_standard_normal":
        "X 应该服从 N(0, 1)：各列均值 {means}，标准差 {stds}",
    "suite.ex03_linear_regression.synthetic_data.correlated_columns":
        "X 的各列相关：每个元素都要独立采样",
    "suite.ex03_linear_regression.synthetic_data.noise_mean":
        "y - (X @ w + b) 的均值应为 0，实际是 {value}：b 加上了吗（只加一次）？",
    "suite.ex03_linear_regression.synthetic_data.noise_std":
        "噪声的标准差应为 0.01，实际是 {value}",
    "suite.ex03_linear_regression.synthetic_data.same_samples":
        "两次调用返回了相同的 X：每次调用都要重新生成随机数",
    "suite.ex03_linear_regression.data_iter.batch_sizes":
        "批量大小为 {sizes}，应为 {expected}（最后一个批量可以小一些）",
    "suite.ex03_linear_regression.data_iter.not_every_example_once":
        "一轮遍历应该恰好给出每个样本一次",
    "suite.ex03_linear_regression.data_iter.features_with_other_labels":
        "某个批量把特征和其他样本的标签配在了一起：特征和标签要用同一组下标索引",
    "suite.ex03_linear_regression.data_iter.same_order":
        "每轮遍历样本的顺序都一样：每次都要打乱下标",
    "suite.ex03_linear_regression.data_iter.a_feature_batch":
        "一个特征批量",
    "suite.ex03_linear_regression.data_iter.a_label_batch":
        "一个标签批量",
    "suite.ex03_linear_regression.sgd.grad_not_zeroed":
        "更新一步之后 {name}.grad 不为零：调用 p.grad.zero_()，让下一次反向传播从零开始",
    "suite.ex03_linear_regression.sgd.returns_something":
        "sgd 原地更新参数并返回 None",
    "suite.ex03_linear_regression.sgd.no_longer_requires_grad":
        "更新一步之后参数不再需要梯度（requires grad）",
    "suite.ex03_linear_regression.train_linreg.far_from_true_parameters":
        "训练 3 个 epoch 后 w = {w}，b = {b}；应约为 {true_w}，[{true_b}]",
    "suite.ex03_linear_regression.train_linreg.not_detached":
        "返回 w.detach(), b.detach()：训练得到的值，不带自动求导的历史",
    "suite.ex03_linear_regression.train_linreg.not_reproducible":
        "用同一个生成器运行两次得到了不同的参数：所有随机数都要从 `generator` 中抽取",
    "suite.ex03_linear_regression.normal_equation.for_vector_labels":
        "y 形状为 [n] 时的 {name}",
}
