"""ex05_softmax 公开检查的提示: suite.ex05_softmax.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex05_softmax.public.slice_sums_to_one":
        "沿 dim={dim} 的每个切片之和为 1",
    "suite.ex05_softmax.public.log_softmax_along":
        "沿 dim={dim} 的 log softmax：(x - m) - log(sum(exp(x - m)))",
    "suite.ex05_softmax.public.the_jacobian":
        "雅可比矩阵",
    "suite.ex05_softmax.public.the_loss":
        "损失",
    "suite.ex05_softmax.public.mean_over_rows":
        "一个 0 维张量：各行 -log softmax(o_n)[y_n] 的平均值",
    "suite.ex05_softmax.public.numpy_loss":
        "损失为 {got}，应为 Python float {expected}（对相同数值调用 F.cross_entropy 的结果）",
    "suite.ex05_softmax.public.softmax_vjp":
        "dL/do = p * (g - sum(g * p, dim, keepdim=True))，求和沿 dim 进行",
}
