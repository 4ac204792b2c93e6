"""ex04_activations 各项检查的提示: suite.ex04_activations.<检查或常量>。"""
MESSAGES = {
    "suite.ex04_activations.layout_hint":
        "和其他检查相同的数值，只是在内存中转置存放：如果只有这项检查失败，说明代码依赖内存布局（.view()、as_strided）",
    "suite.ex04_activations.relu_backward.zero_input_gives_zero_gradient":
        "x = 0 处梯度为 0，和 PyTorch 一样：在 x > 0 处选取，而不是 x >= 0",
}
