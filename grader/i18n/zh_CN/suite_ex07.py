"""ex07_conv 各项检查的提示: suite.ex07_conv.<检查或常量>。"""
MESSAGES = {
    "suite.ex07_conv.size_hint":
        "输出大小是 (H + 2p - KH) // s + 1 乘 (W + 2p - KW) // s + 1",
    "suite.ex07_conv.pad2d.matches_f_pad":
        "四条边（上、下、左、右）都要补 `padding` 个零",
    "suite.ex07_conv.conv.bias_by_keyword_defaults":
        "stride 默认为 1，padding 默认为 0",
    "suite.ex07_conv.max_pool2d.matches_f_max_pool2d":
        "边界处放不下的窗口直接丢弃（不填充）",
    "suite.ex07_conv.max_pool2d.all_negative_input":
        "一组负数的最大值是负数：不要从 0 开始取最大",
    "suite.ex07_conv.conv2d_unfold.no_gradient":
        "梯度没有传到 {name}：每一步都要用 torch 运算（不要用 .detach()、.numpy() 或 torch.no_grad()）",
    "suite.ex07_conv.conv2d_unfold.the_gradient_of":
        "{name} 的梯度",
}
