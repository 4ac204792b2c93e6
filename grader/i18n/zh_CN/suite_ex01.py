"""ex01_tensors 各项检查的提示: suite.ex01_tensors.<检查或常量>。"""
MESSAGES = {
    "suite.ex01_tensors.flatten_images.matches_reshape":
        "按行优先顺序：先通道，再行，再列（x.reshape(B, -1)）；不要移动通道轴",
    "suite.ex01_tensors.flatten_images.integer_images":
        "保持输入的 dtype：不要转成浮点数",
    "suite.ex01_tensors.flatten_images.non_contiguous_input":
        "x.view 对非连续张量会失败；x.reshape 在需要时会复制",
    "suite.ex01_tensors.add_channel_bias.matches_broadcast":
        "广播从右边开始对齐形状：把 bias reshape 成 [C, 1, 1]，让它对上通道轴，而不是宽度轴",
    "suite.ex01_tensors.add_channel_bias.zero_images_give_the_bias":
        "对每个 b、h、w，out[b, c, h, w] 都应该是 bias[c]",
    "suite.ex01_tensors.add_channel_bias.non_contiguous_inputs":
        "view() 需要连续张量；reshape() 或下标（bias[:, None, None]）对任何内存布局都适用",
    "suite.ex01_tensors.one_hot.matches_identity_rows":
        "第 n 行除了第 labels[n] 列是 1，其余全是 0；宽度是 num_classes，没出现过的类别也要算上",
    "suite.ex01_tensors.one_hot.single_class":
        "num_classes = 1 时得到 [N, 1] 的一列 1",
    "suite.ex01_tensors.accuracy.matches_argmax_count":
        "沿类别维（dim=1）取 argmax，命中个数除以行数 N",
    "suite.ex01_tensors.accuracy.ties_go_to_the_lowest_index":
        "标签只是和一个更小的类别并列最大时不算对：预测值是 logits.argmax(dim=1)",
    "suite.ex01_tensors.topk_accuracy.matches_rank_count":
        "严格高于标签分数的类别少于 k 个时这一行算对（沿 dim=1 排序或计数）",
    "suite.ex01_tensors.topk_accuracy.ties_count_generously":
        "在第 k 名与其他类别并列的标签也算对；topk() 和 sort() 只会从并列的类别里挑一个，下标小的优先",
    "suite.ex01_tensors.topk_accuracy.k_at_least_classes_accepts_all":
        "k >= C 时每一行都算对（k > C 时 logits.topk(k) 会报错）",
    "suite.ex01_tensors.not_a_number":
        "{what} 应该是单个数，得到的是 {got}",
    "suite.ex01_tensors.fraction_differs":
        "{what} 是 {got}，应为 {expected}",
    "suite.ex01_tensors.value_error_hint":
        "检查每个标签都在 [0, num_classes) 内（两端都要检查），并在用它们做下标之前 `raise ValueError(...)`",
    "suite.ex01_tensors.one_hot.the_one_hot_tensor":
        "one-hot 张量",
    "suite.ex01_tensors.topk_with_k":
        "k={k} 时的 topk_accuracy",
    "suite.ex01_tensors.topk_with_k_and_classes":
        "k={k}、共 {classes} 个类别时的 topk_accuracy",
}
