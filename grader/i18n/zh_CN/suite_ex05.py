"""ex05_softmax 各项检查的提示: suite.ex05_softmax.<检查或常量>。"""
MESSAGES = {
    "suite.ex05_softmax.layout_hint":
        "和其他检查相同的数值，只是在内存中转置存放：如果只有这项检查失败，说明代码依赖内存布局（.view()、as_strided）",
    "suite.ex05_softmax.stability_hint":
        "exp(1e4) 在任何浮点格式下都是 inf：exp 之前先减去沿 `dim` 的最大值",
    "suite.ex05_softmax.row_stability_hint":
        "exp(1e4) 在任何浮点格式下都是 inf：exp 之前先减去每行的最大值",
    "suite.ex05_softmax.sum_hint":
        "softmax 沿 `dim` 的每个切片之和必须为 1：除以沿 `dim` 的和（keepdim=True），而不是沿别的维度或整个张量的和",
    "suite.ex05_softmax.ce_grad_hint":
        "dL/do = (softmax(o) - one_hot(y)) / N：每行一个 1，位于标签处，并且只除以一次 N（求平均）",
    "suite.ex05_softmax.softmax.default_dim_is_last":
        "dim 默认是 -1（最后一维）；处处使用 `dim`，不要写死某个维度",
    "suite.ex05_softmax.softmax.stable_for_large_logits":
        "为避免溢出，减去沿 `dim` 的最大值（数学上不改变结果）；截断 logits 会改变结果",
    "suite.ex05_softmax.log_softmax.matches_f_log_softmax":
        "沿 `dim`：log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m)，m 是沿 `dim` 的最大值",
    "suite.ex05_softmax.log_softmax.stable_for_large_logits":
        "永远不要算 log(softmax(x))：下溢成 0 的概率会得到 -inf。先减去最大值，再做 log-sum-exp",
    "suite.ex05_softmax.log_softmax.stable_for_large_logits_2":
        "减去沿 `dim` 的最大值 m：(x - m) - log(sum(exp(x - m)))",
    "suite.ex05_softmax.softmax_jacobian.matches_autograd_jacobian":
        "J[i, j] = p_i * (delta_ij - p_j)，即 diag(p) - outer(p, p)；p 已经是 softmax 的输出，不要再做一次 softmax",
    "suite.ex05_softmax.softmax_jacobian.notes_example":
        "第 i 行应该等于笔记里 torch.autograd.grad(p[i], [a]) 打印出的结果：[[0.2496, -0.1025, -0.1471], [-0.1025, 0.1678, -0.0653], [-0.1471, -0.0653, 0.2124]]",
    "suite.ex05_softmax.softmax_backward.matches_autograd_vjp":
        "dL/do = p * (g - sum(g * p, dim, keepdim=True))，求和沿 `dim` 进行",
    "suite.ex05_softmax.cross_entropy.matches_f_cross_entropy":
        "一个 0 维张量：N 行的 -log softmax(o_n)[y_n] 的平均值（每行取一个元素，例如用 gather 或 [arange(N), labels]）",
    "suite.ex05_softmax.cross_entropy.stable_for_large_logits":
        "exp(1e4) 是 inf，下溢成 0 的概率取 log 是 -inf：用稳定的 log_softmax（先减去每行最大值，再 log-sum-exp），永远不要算 log(softmax(x))",
    "suite.ex05_softmax.the_loss":
        "损失",
    "suite.ex05_softmax.the_jacobian":
        "雅可比矩阵",
    "suite.ex05_softmax.scalar_not_finite":
        "{what}：logits 为 +-1e4 时结果是 {value}",
    "suite.ex05_softmax.not_finite":
        "{what}：logits 为 +-1e4 时在 {index} 处出现 nan 或 inf（{total} 个元素中有 {count} 个）",
    "suite.ex05_softmax.slice_sum":
        "logits 为 +-1e4 时，softmax 的一个切片之和是 {value}，而不是 1",
    "suite.ex05_softmax.loss_not_float":
        "损失应该是 Python float，实际是 {got}",
    "suite.ex05_softmax.average_rows":
        "：要对各行求平均",
    "suite.ex05_softmax.numpy_loss_differs":
        "损失是 {got}，应为 {expected}（F.cross_entropy）\n即各行 -(o[n, y_n] - m_n - log sum_j exp(o[n, j] - m_n)) 的平均；用 logp[np.arange(N), labels] 取值",
    "suite.ex05_softmax.numpy_scalar":
        "损失应该是 Python float，实际是 {got}：NumPy 的 mean 返回 NumPy 标量，用 float() 包一下",
    "suite.ex05_softmax.numpy_not_finite":
        "logits 为 +-1e4 时损失是 {got}\nnp.exp(1e4) 是 inf：np.exp 之前先减去每行的最大值（keepdims=True），并且永远不要对可能为 0 的概率取 np.log",
    "suite.ex05_softmax.numpy_large_differs":
        "logits 为 +-1e4 时损失是 {got}，应为 {expected}",
    "suite.ex05_softmax.numpy_modified":
        "这次调用原地修改了输入 {name}（例如 logits -= logits.max(...)）；请改写成 z = logits - logits.max(axis=1, keepdims=True)",
}
