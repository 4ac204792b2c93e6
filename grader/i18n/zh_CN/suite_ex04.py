"""ex04_activations 各项检查的提示: suite.ex04_activations.<检查或常量>。"""
MESSAGES = {
    "suite.ex04_activations.layout_hint":
        "和其他检查相同的数值，只是在内存中转置存放：如果只有这项检查失败，说明代码依赖内存布局（.view()、as_strided）",
    "suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient":
        "x = 0 处梯度为 0，和 PyTorch 一样：在 x > 0 处选取，而不是 x >= 0",
    "suite.ex04_activations.overflow_hint.sigmoid":
        "x 很大时 exp(x) 是 inf，而 inf / inf 是 nan：只计算 exp(-|x|)（记 e = exp(-|x|)，x >= 0 时取 1 / (1 + e)，x < 0 时取 e / (1 + e)）",
    "suite.ex04_activations.overflow_hint.tanh":
        "|x| 很大时 exp 的结果是 inf，而 inf / inf 是 nan：用 exp(-2|x|) <= 1 计算 tanh(|x|)，再恢复符号",
    "suite.ex04_activations.not_finite":
        "{function}({x}) 得到 {value}（{total} 个输出中有 {count} 个是 nan 或 inf）",
    "suite.ex04_activations.backward_hint.sigmoid":
        "grad_in = grad_out * out * (1 - out)，其中 out = sigmoid(x) 是传给你的参数（不是 x）",
    "suite.ex04_activations.backward_hint.tanh":
        "grad_in = grad_out * (1 - out ** 2)，其中 out = tanh(x) 是传给你的参数（不是 x）",
    "suite.ex04_activations.backward_hint.relu":
        "x > 0 处 grad_in = grad_out，其余位置为 0（x 是前向传播的输入）",
}
