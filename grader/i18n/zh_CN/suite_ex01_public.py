"""ex01_tensors 公开检查的提示: suite.ex01_tensors.public.<检查或常量>。"""
MESSAGES = {
    "suite.ex01_tensors.public.one_row_per_image":
        "每张图像一行，数值顺序与 x.reshape(B, -1) 给出的顺序相同",
    "suite.ex01_tensors.public.bias_per_channel":
        "bias[c] 要加到通道 c 的每个像素上",
    "suite.ex01_tensors.public.float32_one_hot":
        "一个 float32 张量 [N, num_classes]",
    "suite.ex01_tensors.public.topk_with_k":
        "k={k} 时的 topk_accuracy",
}
