"""ex07_conv 公开检查的提示: suite.ex07_conv.public.<检查>。"""
MESSAGES = {
    "suite.ex07_conv.public.pad2d.example_one_image":
        "四条边都补 `padding` 个零",
    "suite.ex07_conv.public.conv.example_small_image":
        "用相同的参数和 F.conv2d 的结果比较",
    "suite.ex07_conv.public.max_pool2d.example_scrambled_values":
        "每个 2 x 2 窗口取最大值，窗口之间相隔 2",
}
