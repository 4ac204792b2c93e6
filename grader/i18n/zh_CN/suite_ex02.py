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
    "suite.ex02_gradient_descent.the_result":
        "结果",
    "suite.ex02_gradient_descent.still_requires_grad":
        "结果仍然需要梯度（requires grad）：返回 x.detach()",
    "suite.ex02_gradient_descent.numerical_gradient.what":
        "数值梯度",
    "suite.ex02_gradient_descent.numerical_gradient.uses_eps.what":
        "eps=1e-2 时的数值梯度",
    "suite.ex02_gradient_descent.numerical_gradient.non_contiguous_x.what":
        "非连续 x 的数值梯度",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_a_view.what":
        "f(x) = x[1, 2] 的数值梯度",
    "suite.ex02_gradient_descent.numerical_gradient.f_returning_python_float.what":
        "返回 float 的函数的数值梯度",
    "suite.ex02_gradient_descent.gradient_descent.matches_closed_form.what":
        "在 f(x) = (x ** 2).sum() 上以 lr=0.1 走 7 步后的 x",
    "suite.ex02_gradient_descent.gradient_descent.zero_steps_return_x0.what":
        "走 0 步后的 x",
    "suite.ex02_gradient_descent.gradient_descent.other_function.what":
        "在另一个 f 上走 5 步后的 x",
    "suite.ex02_gradient_descent.gradient_descent.x0_requiring_grad.what":
        "从需要梯度的 x0 出发走 3 步后的 x",
    "suite.ex02_gradient_descent.himmelblau.known_values.what":
        "himmelblau 在 (3, 2)、(0, 0)、(-1, 1) 处的值",
    "suite.ex02_gradient_descent.find_minima.not_at_a_minimum":
        "{total} 个起点中有 {bad} 个的结果离极小值点超过 1e-2；例如从 {start} 出发，结束于 {end}（距离 {distance}）\n用 (x - lr * grad) 下降，对每个起点分别裁剪梯度，并且只有在每个起点都满足 f < 1e-8 时才停止",
    "suite.ex02_gradient_descent.find_minima.not_the_nearby_minimum":
        "{total} 个距离某个极小值点 {radius} 的起点中，有 {bad} 个的结果不是那个极小值点；例如从 {start} 出发，结束于 {end}，而不是 {nearby}\n要从每个起点分别做最小化：对所有起点给出同一个答案不是下降",
}
