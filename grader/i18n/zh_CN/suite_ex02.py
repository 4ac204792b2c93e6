"""ex02_gradient_descent 各项检查的提示: suite.ex02_gradient_descent.<检查或常量>。"""
MESSAGES = {
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
}
