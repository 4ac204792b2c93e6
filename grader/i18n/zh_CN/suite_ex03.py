"""ex03_linear_regression 各项检查的提示: suite.ex03_linear_regression.<检查或常量>。"""
MESSAGES = {
    "suite.ex03_linear_regression.squared_loss.matches_formula":
        "结果是 [7, 7] 说明 y 没有 reshape 成 y_hat 的形状",
    "suite.ex03_linear_regression.squared_loss.same_shapes_not_reduced":
        "每个样本一个损失：不要求和或求平均",
    "suite.ex03_linear_regression.sgd.updates_parameters_in_place":
        "p -= lr * p.grad / batch_size，原地更新",
}
