"""ex02_gradient_descent 公开检查的提示: suite.ex02_gradient_descent.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex02_gradient_descent.public.sum_of_cubes":
        "sum(x ** 3) 的数值梯度",
    "suite.ex02_gradient_descent.public.central_differences":
        "中心差分，每次只改一个元素：梯度是 3 x^2",
    "suite.ex02_gradient_descent.public.five_steps":
        "在 sum(x ** 2) 上以 lr=0.1 走 5 步后的 x",
    "suite.ex02_gradient_descent.public.each_step":
        "每一步是 x <- x - lr * df/dx(x)",
    "suite.ex02_gradient_descent.public.himmelblau_three_points":
        "himmelblau 在 (1, 1)、(2, -1)、(-3, 3) 处的值",
    "suite.ex02_gradient_descent.public.not_at_a_minimum":
        "find_minima 结束于 {end}，离 himmelblau 的极小值点超过 1e-2（距离 {distances}）",
}
