"""提示，每个函数三条：1 点拨方向，2 关键思路或公式，3 接近答案（但不给代码）。"""
MESSAGES = {
    # -- hint 命令 -----------------------------------------------------------------
    "hint.header": "{name} 的提示 {level}/{levels}：",
    "hint.ask_again": "（再运行一次可看下一条提示：{command}）",
    "hint.no_more": "{name} 没有更多提示了：再显示一次最后一条。",
    "hint.unknown_function": "课程中没有这个函数：{name}"
                             "（试试 ex05.softmax，或运行 `python -m grader hint` 查看列表）",
    "hint.usage": "查看某个函数的下一条提示：python -m grader hint ex05.softmax"
                  "（--reset 从头开始）",
    "hint.reset_one": "已重置 {name} 的提示：下一条是提示 1。",
    "hint.reset_all": "已重置全部提示。",
    "hint.cannot_save": "无法把已看过的提示保存到 {path}（{error}）",

    # -- ex01_tensors -------------------------------------------------------------
    "hint.ex01_tensors.flatten_images.1":
        "每张图片各占一行：只合并批量维度之后的那些维度。",
    "hint.ex01_tensors.flatten_images.2":
        "reshape（和 view 不同）对非连续张量也能用；写 -1 让 torch 自己算出这一维的大小。",
    "hint.ex01_tensors.flatten_images.3":
        "[B, C, H, W] -> [B, C*H*W]：保留 x.shape[0]，其余维度用 -1。",
    "hint.ex01_tensors.add_channel_bias.1":
        "广播从右边开始对齐形状：直接写 x + bias 的话，形状为 [C] 的 bias 会对到哪一维上？",
    "hint.ex01_tensors.add_channel_bias.2":
        "bias 要对齐第 1 维（通道），所以给它在后面补两个大小为 1 的维度。",
    "hint.ex01_tensors.add_channel_bias.3":
        "bias [C] -> [C, 1, 1]；于是 [B, C, H, W] + [C, 1, 1] 会在 B、H、W 上广播。",
    "hint.ex01_tensors.one_hot.1":
        "第 n 行只有一个 1，位于第 labels[n] 列。先检查标签：越界时必须抛出 ValueError。",
    "hint.ex01_tensors.one_hot.2":
        "一次性把每个标签和每个类别下标比较：一列标签对一行 arange(C)，广播成 [N, C] 的布尔矩阵。",
    "hint.ex01_tensors.one_hot.3":
        "labels [N] -> [N, 1]；与 arange(num_classes) [C] 做 == 得到 [N, C]；再转成 "
        "float32。arange 要放在标签所在的设备上。",
    "hint.ex01_tensors.accuracy.1":
        "一行的预测类别就是它最大 logit 的下标。",
    "hint.ex01_tensors.accuracy.2":
        "沿 dim=1 取 argmax，与标签比较，数出相等的个数，再除以 N。结果是 Python 的 float。",
    "hint.ex01_tensors.accuracy.3":
        "argmax(dim=1) -> [N] 个预测；== labels -> [N] 个布尔值；.sum().item() "
        "得到整数个数；在 Python 里除以 N。",
    "hint.ex01_tensors.topk_accuracy.1":
        "真实标签在前 k 个最高分之中，这一行就算对。遇到并列时按文档字符串的宽松规则："
        "数一数分数严格高于真实标签的类别。",
    "hint.ex01_tensors.topk_accuracy.2":
        "先取出每行真实标签的分数，再数这一行里有几个分数比它大：个数 < k 就算对。",
    "hint.ex01_tensors.topk_accuracy.3":
        "true = logits.gather(1, labels[:, None]) -> [N, 1]；above = (logits > true)"
        ".sum(1) -> [N]；返回 above < k 的行所占的比例。",

    # -- ex02_gradient_descent ----------------------------------------------------
    "hint.ex02_gradient_descent.numerical_gradient.1":
        "每次只把 x 的一个元素变一点，其余保持不变，看 f 变了多少。",
    "hint.ex02_gradient_descent.numerical_gradient.2":
        "中心差分：df/dx_i ≈ (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)。"
        "在 x 的副本上改，改完把这个元素恢复原值。",
    "hint.ex02_gradient_descent.numerical_gradient.3":
        "遍历 x 的每个下标元组（对各维 range 做 itertools.product，任何形状都适用）；"
        "在下一次改动 x 之前，先把 f(...) 转成 Python float。",
    "hint.ex02_gradient_descent.gradient_descent.1":
        "重复 steps 次：在当前点求梯度，沿梯度的反方向走一步。",
    "hint.ex02_gradient_descent.gradient_descent.2":
        "从 x0 的一个 requires_grad 副本开始；torch.autograd.grad(f(x), x) 给出 df/dx。"
        "更新这一步本身不能被自动求导记录。",
    "hint.ex02_gradient_descent.gradient_descent.3":
        "每一步：(g,) = torch.autograd.grad(f(x), x)；然后在 torch.no_grad() 里 "
        "x -= lr * g。返回 detach 之后的 x。",
    "hint.ex02_gradient_descent.himmelblau.1":
        "两个坐标在最后一维上：x[..., 0] 和 x[..., 1]。",
    "hint.ex02_gradient_descent.himmelblau.2":
        "f = (x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2，逐元素计算，前面有任何批量形状都行。",
    "hint.ex02_gradient_descent.himmelblau.3":
        "x0, x1 = x[..., 0], x[..., 1]；结果的形状是 x.shape[:-1]（每个点一个值）。",
    "hint.ex02_gradient_descent.find_minima.1":
        "从所有起点同时下降：这些起点就是一个 [S, 2] 张量的各行。",
    "hint.ex02_gradient_descent.find_minima.2":
        "离极小值远时梯度有几百那么大，固定的学习率会冲过头：更新前把每一行的梯度"
        "裁剪到范数不超过 1。",
    "hint.ex02_gradient_descent.find_minima.3":
        "g = himmelblau(x).sum() 对 x 的梯度 -> [S, 2]（每行是它自己的梯度）；"
        "x -= lr * g / max(1, 每行的 ||g||, keepdim)。",

    # -- ex03_linear_regression ---------------------------------------------------
    "hint.ex03_linear_regression.synthetic_data.1":
        "从 N(0, 1) 采样 X，计算 y = Xw + b，再加上小噪声（标准差 0.01）。",
    "hint.ex03_linear_regression.synthetic_data.2":
        "每次采样都用 generator，dtype 和设备跟 w 一致；在 generator 的设备上采样，再移过去。",
    "hint.ex03_linear_regression.synthetic_data.3":
        "X: [n, d]；y = X @ w + b + 0.01 * 噪声；返回 X 和 reshape 成 [n, 1] 的 y。",
    "hint.ex03_linear_regression.data_iter.1":
        "写成生成器函数：先把样本下标打乱一次，再一段一段地 yield。",
    "hint.ex03_linear_regression.data_iter.2":
        "torch.randperm(n, generator=...) 给出随机顺序；每次前进 batch_size 个；"
        "最后一批可以更小。",
    "hint.ex03_linear_regression.data_iter.3":
        "for i in range(0, n, batch_size): idx = perm[i:i + batch_size]；"
        "yield features[idx], labels[idx]。",
    "hint.ex03_linear_regression.linreg.1":
        "一次矩阵乘法加一次加法。",
    "hint.ex03_linear_regression.linreg.2":
        "[n, d] @ [d, 1] = [n, 1]；形状为 [1] 的偏置会广播到每一行。",
    "hint.ex03_linear_regression.linreg.3":
        "形状：X [n, d] @ w [d, 1] 得到 [n, 1]；形状为 [1] 的 b 广播到每一行。不要把 w 拉平。",
    "hint.ex03_linear_regression.squared_loss.1":
        "每个样本一个损失，不求平均；注意 y_hat 和 y 的形状。",
    "hint.ex03_linear_regression.squared_loss.2":
        "y 可能是 [n]，而 y_hat 是 [n, 1]：[n, 1] - [n] 会广播成 [n, n]。"
        "先把 y reshape 成 y_hat 的形状。",
    "hint.ex03_linear_regression.squared_loss.3":
        "把 y reshape 成 y_hat 的形状，相减、平方、除以 2：得到 [n, 1]，每个样本一个损失。",
    "hint.ex03_linear_regression.sgd.1":
        "原地更新每个参数，然后把它的梯度清零。",
    "hint.ex03_linear_regression.sgd.2":
        "在 torch.no_grad() 里：p -= lr * p.grad / batch_size。损失是求和得到的，"
        "除以 batch_size 才是平均损失的梯度。",
    "hint.ex03_linear_regression.sgd.3":
        "遍历 params；在 torch.no_grad() 里原地（-=）减去 lr * grad / batch_size，"
        "再原地把梯度清零。写 p = p - ... 会生成新张量，参数本身没变。",
    "hint.ex03_linear_regression.train_linreg.1":
        "把你写好的四个部分组合起来：data_iter、linreg、squared_loss、sgd。",
    "hint.ex03_linear_regression.train_linreg.2":
        "w 初始化为 0.01 * N(0, 1)，形状 [d, 1]；b 为 zeros [1]；两者都要 requires_grad。"
        "用 generator 采样 w，并把 generator 传给 data_iter。",
    "hint.ex03_linear_regression.train_linreg.3":
        "每个 epoch，for X, y in data_iter(...): l = squared_loss(linreg(X, w, b), y)；"
        "l.sum().backward()；sgd([w, b], lr, batch_size)。返回 detach 后的 w 和 b。",
    "hint.ex03_linear_regression.normal_equation.1":
        "把偏置并进权重里：给 X 加一列全 1。",
    "hint.ex03_linear_regression.normal_equation.2":
        "在 A = [X, 1] 上做最小二乘：theta 使 ||A theta - y||^2 最小。用 "
        "torch.linalg.lstsq 求解，不要对 A^T A 求逆（inv 被禁止，而且会损失精度）。",
    "hint.ex03_linear_regression.normal_equation.3":
        "A: [n, d+1]；theta = lstsq(A, [n, 1] 形状的 y).solution -> [d+1, 1]；"
        "w = theta[:d]（[d, 1]），b = theta[d]（[1]）。",

    # -- ex04_activations -----------------------------------------------------------
    "hint.ex04_activations.sigmoid.1":
        "exp(1000) 会溢出成 inf：改写公式，让 exp 只作用在 <= 0 的数上。",
    "hint.ex04_activations.sigmoid.2":
        "x >= 0 时用 1 / (1 + exp(-x))，x < 0 时用 exp(x) / (1 + exp(x))；"
        "两者都只需要 exp(-|x|)。",
    "hint.ex04_activations.sigmoid.3":
        "e = exp(-|x|)，取值在 (0, 1]；torch.where(x >= 0, 1 / (1 + e), e / (1 + e))。",
    "hint.ex04_activations.sigmoid_backward.1":
        "你拿到的是前向传播的输出，而不是 x：用输出来写导数。",
    "hint.ex04_activations.sigmoid_backward.2":
        "d sigmoid / dx = sigmoid(x) (1 - sigmoid(x))；按链式法则再乘以 grad_out。",
    "hint.ex04_activations.sigmoid_backward.3":
        "逐元素：grad_out 乘 out 乘 (1 - out)；形状与 grad_out 相同。",
    "hint.ex04_activations.tanh.1":
        "tanh 是奇函数：对 |x| 计算，再把符号补回来。",
    "hint.ex04_activations.tanh.2":
        "tanh(|x|) = (1 - exp(-2|x|)) / (1 + exp(-2|x|)) 永远不会溢出。|x| 很小时，"
        "expm1 能保住 1 - exp(...) 丢掉的有效数字。",
    "hint.ex04_activations.tanh.3":
        "m = expm1(-2|x|)；t = -m / (2 + m) 就是 tanh(|x|)；x >= 0 处返回 t，x < 0 处返回 -t。",
    "hint.ex04_activations.tanh_backward.1":
        "和 sigmoid 一样：用输出来写导数。",
    "hint.ex04_activations.tanh_backward.2":
        "d tanh / dx = 1 - tanh(x)^2。",
    "hint.ex04_activations.tanh_backward.3":
        "逐元素：grad_out 乘 (1 - out 的平方)。不要再算一次 tanh：out 已经是 tanh(x)。",
    "hint.ex04_activations.relu.1":
        "负数变成 0，其余保持不变。",
    "hint.ex04_activations.relu.2":
        "用下限为 0 的 clamp 一次就能完成（nan 仍然是 nan）。",
    "hint.ex04_activations.relu.3":
        "clamp 有一个 `min` 参数；结果的形状、dtype 和设备都与 x 相同，nan 仍然是 nan。",
    "hint.ex04_activations.relu_backward.1":
        "x > 0 的地方梯度原样传回，其余地方（包括 x = 0）为 0。",
    "hint.ex04_activations.relu_backward.2":
        "用选择，不要用乘法：grad_out * mask 在 mask 为 0 处会把 grad_out 里的 inf 变成 nan。",
    "hint.ex04_activations.relu_backward.3":
        "torch.where(condition, a, b) 在条件成立处取 a，否则取 b：条件是 x > 0，"
        "a 是 grad_out，b 是 0。",

    # -- ex05_softmax ------------------------------------------------------------------
    "hint.ex05_softmax.softmax.1":
        "exp(1e4) 是 inf。每个 logit 都减去什么，softmax 的结果不会变？",
    "hint.ex05_softmax.softmax.2":
        "softmax(o)_i = exp(o_i - m) / sum_j exp(o_j - m)，m 是沿 `dim` 的最大值："
        "所有指数都 <= 0，不会溢出。",
    "hint.ex05_softmax.softmax.3":
        "z = logits 减去沿 dim 的最大值（keepdim=True）；e = exp(z)；e 除以 e 沿 dim 的和"
        "（keepdim=True）。keepdim 保留 [..., 1] 的形状，才能广播回去。",
    "hint.ex05_softmax.log_softmax.1":
        "不要算 log(softmax(x))：下溢成 0 的概率取 log 会得到 -inf。",
    "hint.ex05_softmax.log_softmax.2":
        "log softmax(o)_i = (o_i - m) - log sum_j exp(o_j - m)，m 是沿 `dim` 的最大值。",
    "hint.ex05_softmax.log_softmax.3":
        "z = logits 减去沿 dim 的最大值（keepdim=True）；z - log(沿 dim 的 sum(exp(z))，"
        "keepdim=True)。这个和 >= 1，取 log 是安全的。",
    "hint.ex05_softmax.softmax_jacobian.1":
        "你已经有了 softmax 的输出 p：不要再做一次 softmax。",
    "hint.ex05_softmax.softmax_jacobian.2":
        "J[i, j] = p_i (delta_ij - p_j)：对角线上是 p_i (1 - p_i)，其他位置是 -p_i p_j。",
    "hint.ex05_softmax.softmax_jacobian.3":
        "J = diag(p) - outer(p, p)；对批量 [..., C] 用 diag_embed 和 "
        "p[..., :, None] * p[..., None, :]。",
    "hint.ex05_softmax.softmax_backward.1":
        "不需要构造 C x C 的雅可比矩阵：J^T g 可以化简成每个切片一次点积。",
    "hint.ex05_softmax.softmax_backward.2":
        "dL/do = p * (g - sum_j g_j p_j)，求和沿 `dim` 进行。",
    "hint.ex05_softmax.softmax_backward.3":
        "dot = grad_out * probs 沿 dim 求和，keepdim=True -> [..., 1]；"
        "答案是 probs 乘 (grad_out - dot)。",
    "hint.ex05_softmax.cross_entropy.1":
        "一行的损失是其真实类别的对数概率取负；再对所有行求平均。",
    "hint.ex05_softmax.cross_entropy.2":
        "沿第 1 维用你写的稳定 log_softmax，然后每行取出一个元素：标签所在的那个。",
    "hint.ex05_softmax.cross_entropy.3":
        "logp [N, C] -> logp.gather(1, labels[:, None]) [N, 1]（或 logp[arange(N), "
        "labels]）；损失是它的平均值取负，一个 0 维张量。",
    "hint.ex05_softmax.cross_entropy_backward.1":
        "softmax 的雅可比矩阵和 -log p_y 的导数相乘后会约成很短的式子。",
    "hint.ex05_softmax.cross_entropy_backward.2":
        "dL/do = (softmax(o) - one_hot(y)) / N；1/N 来自求平均。",
    "hint.ex05_softmax.cross_entropy_backward.3":
        "p = softmax(logits, dim=1) [N, C]；在 [arange(N), labels] 处减 1；全部除以 N。",
    "hint.ex05_softmax.cross_entropy_numpy.1":
        "和 cross_entropy 同样的稳定公式，换成 NumPy：用 axis= 代替 dim=，"
        "keepdims= 代替 keepdim=。",
    "hint.ex05_softmax.cross_entropy_numpy.2":
        "每行减去该行最大值，再做 log-sum-exp；取 logp[np.arange(N), labels]；"
        "不要原地修改输入数组。",
    "hint.ex05_softmax.cross_entropy_numpy.3":
        "z = logits - logits.max(axis=1, keepdims=True)；logp = z - log(exp(z).sum(axis=1, "
        "keepdims=True))；返回 float(取出元素的平均值取负)。",

    # -- ex06_mlp --------------------------------------------------------------------
    "hint.ex06_mlp.init_mlp.1":
        "一个字典里放四个张量：W1、b1、W2、b2；权重随机，偏置为零。",
    "hint.ex06_mlp.init_mlp.2":
        "ReLU 用 He 初始化：N(0, 1) 乘以 sqrt(2 / fan_in)，fan_in 是这一层的输入个数。"
        "用 generator 先采样 W1，再采样 W2。",
    "hint.ex06_mlp.init_mlp.3":
        "W1: randn(in, hidden) * sqrt(2 / in)；W2: randn(hidden, out) * sqrt(2 / hidden)；"
        "b1 为 zeros [hidden]，b2 为 zeros [out]；再转成要求的 dtype 和设备。",
    "hint.ex06_mlp.mlp_forward.1":
        "线性层、ReLU、线性层；把反向传播要用的东西留下来。",
    "hint.ex06_mlp.mlp_forward.2":
        "h = relu(X @ W1 + b1)，scores = h @ W2 + b2；返回 (scores, cache)。",
    "hint.ex06_mlp.mlp_forward.3":
        "X [N, D] @ W1 [D, H] + b1 [H] -> [N, H]；在 0 处截断；@ W2 [H, C] + b2 -> [N, C]；"
        "cache = (X, h)。",
    "hint.ex06_mlp.mlp_backward.1":
        "把前向传播倒过来走，每行一步链式法则；每个梯度的形状都和它对应的量相同。",
    "hint.ex06_mlp.mlp_backward.2":
        "dW2 = h^T dscores，db2 = 沿批量求和，dh = dscores W2^T，da = 在 h > 0 处取 dh，"
        "然后用 X 对 W1 和 b1 做同样的事。",
    "hint.ex06_mlp.mlp_backward.3":
        "形状：dW2 [H, C] = h.T [H, N] @ dscores [N, C]；db2 [C] = dscores.sum(0)"
        "（不是 [N, C]）；dW1 [D, H] = X.T @ da；db1 = da.sum(0)。",
    "hint.ex06_mlp.mlp_loss_and_grads.1":
        "前向传播、损失、损失对 scores 的梯度，最后调用你的 mlp_backward。",
    "hint.ex06_mlp.mlp_loss_and_grads.2":
        "scores 的平均交叉熵（稳定写法：每行减去该行最大值）；"
        "dscores = (softmax(scores) - one_hot(y)) / N。",
    "hint.ex06_mlp.mlp_loss_and_grads.3":
        "z = scores - 每行最大值；loss = 各行 log sum exp(z) - z[n, y_n] 的平均；"
        "dscores = exp(z) / 和，在 [arange(N), y] 处减 1，再除以 N；返回 loss 和 "
        "mlp_backward(dscores, cache, params)。",
    "hint.ex06_mlp.train_mlp.1":
        "在整个数据集上做全批量梯度下降，共 epochs 次。",
    "hint.ex06_mlp.train_mlp.2":
        "类别数 C = y.max() + 1；用 generator、X 的 dtype 和设备调用 init_mlp；"
        "每个 epoch：用 mlp_loss_and_grads 求梯度，再对每个参数 p -= lr * grad。",
    "hint.ex06_mlp.train_mlp.3":
        "params = init_mlp(D, hidden, C, generator=..., dtype=X.dtype, device=X.device)；"
        "每个 epoch：_, grads = mlp_loss_and_grads(X, y, params)；"
        "用 grads[name] 更新每个 params[name]。",

    # -- ex07_conv -------------------------------------------------------------------
    "hint.ex07_conv.pad2d.1":
        "建一个更大的全零张量，把 x 复制到它的中间。",
    "hint.ex07_conv.pad2d.2":
        "只有最后两维变大，各增加 2p；x.new_zeros 会保持 dtype 和设备。",
    "hint.ex07_conv.pad2d.3":
        "out = zeros(..., H + 2p, W + 2p)；out[..., p:p + H, p:p + W] = x。",
    "hint.ex07_conv.conv2d_loops.1":
        "先填充一次，再遍历输出位置 (i, j)；在每个位置上一次处理整个批量和所有卷积核。",
    "hint.ex07_conv.conv2d_loops.2":
        "OH = (H + 2p - KH) // s + 1（OW 同理）。输出 (i, j) 读取的窗口从第 i*s 行、"
        "第 j*s 列开始。",
    "hint.ex07_conv.conv2d_loops.3":
        "patch = xp[:, :, i*s:i*s+KH, j*s:j*s+KW] [N, C, KH, KW]；"
        "patch[:, None] * weight [F, C, KH, KW] 沿 (2, 3, 4) 求和 -> out[:, :, i, j] "
        "[N, F]；偏置以 [1, F, 1, 1] 的形状加上。",
    "hint.ex07_conv.conv2d_unfold.1":
        "把卷积变成一次矩阵乘法：把每个窗口收集成一列。",
    "hint.ex07_conv.conv2d_unfold.2":
        "Tensor.unfold(dim, size, step) 给出滑动窗口的视图；拉平的卷积核（C*KH*KW）"
        "乘以拉平的窗口，就是一个输出值。",
    "hint.ex07_conv.conv2d_unfold.3":
        "padded.unfold(2, KH, s).unfold(3, KW, s) -> [N, C, OH, OW, KH, KW]；permute 后 "
        "reshape 成 [N, C*KH*KW, OH*OW]；weight.reshape(F, -1) @ cols -> [N, F, OH*OW]；"
        "加上偏置，再 view 成 [N, F, OH, OW]。",
    "hint.ex07_conv.max_pool2d.1":
        "每个输出是一个 k x k 窗口的最大值；stride 默认等于 k。",
    "hint.ex07_conv.max_pool2d.2":
        "在第 2、3 维上用 Tensor.unfold，无需复制、无需 Python 循环就能得到所有窗口。",
    "hint.ex07_conv.max_pool2d.3":
        "x.unfold(2, k, s).unfold(3, k, s) -> [N, C, OH, OW, k, k]；对最后两维取最大值。",

    # -- ex08_knn --------------------------------------------------------------------
    "hint.ex08_knn.pairwise_distances.1":
        "不用循环：把 ||x - y||^2 展开成几项，每一项对整个矩阵计算都很便宜。",
    "hint.ex08_knn.pairwise_distances.2":
        "||x - y||^2 = ||x||^2 + ||y||^2 - 2 x.y；所有点对的交叉项就是一次矩阵乘法。"
        "舍入误差可能让它略小于 0：开方前先截断到 0。",
    "hint.ex08_knn.pairwise_distances.3":
        "X2 [M, 1] + Y2 [N] - 2 X @ Y.T [M, N] -> clamp(min=0) -> sqrt，得到 [M, N]。",
    "hint.ex08_knn.knn_vote.1":
        "数一数每个标签在一行里出现几次，取出现最多的那个。",
    "hint.ex08_knn.knn_vote.2":
        "建一张 [M, num_classes] 的计数表；argmax 返回第一个最大值，也就是并列时较小的标签。",
    "hint.ex08_knn.knn_vote.3":
        "counts：全零 [M, C]（long）；沿第 1 维 scatter_add_，在每个邻居的标签处加 1；"
        "再沿第 1 维取 argmax。",
    "hint.ex08_knn.knn_predict.1":
        "距离、最近的 k 个训练点、它们的标签、投票：复用你的其他函数。",
    "hint.ex08_knn.knn_predict.2":
        "对每个测试点的距离排序；距离相等时训练下标小的算更近，稳定排序能保证这一点"
        "（topk 不保证）。k 不在 [1, N] 内要抛出 ValueError。",
    "hint.ex08_knn.knn_predict.3":
        "D = pairwise_distances(X_test, X_train) [M, N]；idx = D.sort(dim=1, stable=True)"
        ".indices[:, :k] [M, k]；knn_vote(y_train[idx], C)，未给出时 C = y_train.max() + 1。",
    "hint.ex08_knn.knn_regress.1":
        "邻居和 knn_predict 一样，只是不投票，而是对它们的目标值求平均。",
    "hint.ex08_knn.knn_regress.2":
        "同样的并列规则，k 不合法时同样抛出 ValueError；整数目标值先转成浮点数再求平均。",
    "hint.ex08_knn.knn_regress.3":
        "idx [M, k] 和 knn_predict 里一样；y_train[idx] 是 [M, k]（或 [M, k, T]）；沿第 1 维求平均。",
}
